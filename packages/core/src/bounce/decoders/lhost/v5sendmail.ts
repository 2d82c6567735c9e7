import type { BounceMessage, DecodedRecipient } from '../contract';
import {
  bounce,
  findAddress,
  findReplyCode,
  hasUsableDeliveryStatus,
  MAX_RECIPIENTS,
  oneLine,
  originalMessageId,
  recipientFrom,
  safely,
  scanText,
  section,
} from './util';

/**
 * Old Sendmail (V5, and V8 without a DSN part): "----- Transcript of session follows -----", the
 * SMTP dialogue (`>>> RCPT To:<x>` / `<<< 550 ...`) and one `5xx <address>... error` line per
 * failed recipient, then "----- Unsent message follows -----" (or "Original message follows").
 * When the transcript names no address (a bare "Deferred" line), the returned message's To: is
 * the recipient.
 */
const START = /^\s*-{3,} Transcript of session follows -{3,}/m;
const END =
  /^\s*-{3,} (?:Unsent message follows|Original message follows|Message header follows|Returned message follows)/im;
const ADDRESS_LINE = /^(\d{3})[ -]<([^\s<>]{1,256}@[^\s<>]{1,255})>\.\.\.\s*(.*)$/;

function isV5(m: BounceMessage): boolean {
  if (hasUsableDeliveryStatus(m)) return false;
  // START's words are a necessary condition: a native substring search skips the regex scan.
  if (!m.body.includes('- Transcript of session follows -')) return false;
  return START.test(m.body.slice(0, 8000)) && END.test(m.body);
}

interface State {
  command?: string;
  reply: string[];
}

function fromTranscript(text: string): DecodedRecipient[] {
  const out = new Map<string, DecodedRecipient>();
  let state: State = { reply: [] };
  for (const line of text.split('\n').slice(0, 5000)) {
    if (out.size >= MAX_RECIPIENTS) break;
    if (/^While talking to /i.test(line)) state = { reply: [] };
    else if (line.startsWith('>>> ')) {
      state = { command: /^>>> (\w+)/.exec(line)?.[1]?.toUpperCase(), reply: [line] };
      if (state.command === 'RCPT') add(out, findAddress(line), state, '');
    } else if (line.startsWith('<<< ')) state.reply.push(line);
    else {
      const m = ADDRESS_LINE.exec(line);
      if (m) add(out, findAddress(`<${m[2]}>`), state, line);
    }
  }
  return [...out.values()];
}

function add(out: Map<string, DecodedRecipient>, address: string, state: State, line: string): void {
  if (!address) return;
  const known = out.get(address);
  const text = oneLine([...state.reply, line].join(' '));
  const command = state.command === 'QUIT' ? undefined : state.command;
  if (!known) out.set(address, recipientFrom(address, text, { action: 'failed', command }));
  else if (line && !known.diagnostic?.includes(line.trim()))
    known.diagnostic = oneLine(`${known.diagnostic ?? ''} ${line}`);
}

/**
 * A "Deferred" transcript with no address: the notice is about the returned message's To:. Deferred
 * means still trying unless the notice says the MTA gave up ("Cannot send message for 4 days").
 */
function fromReturnedTo(body: string, transcript: string, subject: string): DecodedRecipient[] {
  const returned = section(body, END) ?? '';
  const to = /^To:\s*(.+)$/im.exec(returned.slice(0, 20_000))?.[1] ?? '';
  const address = findAddress(to);
  if (!address) return [];
  const gaveUp = /cannot send message (for|within)/i.test(`${subject}\n${body.slice(0, 2000)}`);
  const action = /Deferred/i.test(transcript) && !gaveUp ? 'delayed' : 'failed';
  return [recipientFrom(address, transcript, { action, replyCode: findReplyCode(transcript) })];
}

export const V5sendmail = safely('V5sendmail', (m) => {
  if (!isV5(m)) return null;
  const body = scanText(m.body);
  const transcript = section(body, START, END) ?? '';
  const found = fromTranscript(transcript);
  const recipients = found.length ? found : fromReturnedTo(body, transcript, m.subject);
  return bounce('V5sendmail', recipients, originalMessageId(m, END));
});
