import type { BounceMessage, DecodedRecipient } from '../contract';
import {
  bounce,
  findAddress,
  hasUsableDeliveryStatus,
  MAX_RECIPIENTS,
  oneLine,
  originalMessageId,
  recipientFrom,
  safely,
  scanText,
} from './util';

/**
 * Postfix's notice when it carries no usable delivery-status part (old Postfix, notices nested in
 * a forwarded copy, ISP-localised templates): `<address>: error text` paragraphs, ending in
 * "(in reply to RCPT TO command)"; and the "Postfix SMTP server: errors from" session transcript,
 * whose last `Out: 4xx/5xx` line is the error. Postfix notices with a delivery-status part are
 * left to the RFC 3464 decoder, which reads the same facts from structured fields.
 */
const MARKER =
  /This is the (?:Postfix program|mail system) at host|^\s*The (?:Postfix program|mail system)\s*$|^Transcript of session follows\./im;
const SUBJECT = /^Undelivered Mail Returned to Sender|^Postfix SMTP server: errors from/i;
const HEAD = /^<([^\s<>]{1,256}@[^\s<>]{1,255})>/;
const END = /^-{3,}|^Content-Description:|^For other details, see/m;

function isPostfix(m: BounceMessage): boolean {
  if (hasUsableDeliveryStatus(m)) return false;
  return MARKER.test(m.body.slice(0, 8000)) || SUBJECT.test(m.subject);
}

/** `<address>: text` paragraphs; the paragraph ends at a blank line or an unindented line. */
function paragraphs(body: string): DecodedRecipient[] {
  const out: DecodedRecipient[] = [];
  const lines = body.split('\n');
  for (let i = 0; i < lines.length && out.length < MAX_RECIPIENTS; i++) {
    const line = lines[i] ?? '';
    const head = HEAD.exec(line);
    if (!head) continue;
    const text = [line.slice(head[0].length)];
    for (
      let next = lines[i + 1];
      next !== undefined && /^\s+\S/.test(next) && !END.test(next);
      next = lines[i + 1]
    ) {
      text.push(next);
      i++;
    }
    const diagnostic = oneLine(text.join(' '))
      .replace(/^\(expanded from <[^>]*>\)/, '')
      .replace(/^:\s*/, '');
    const address = findAddress(`<${head[1]}>`);
    const command = /\(in reply to (RCPT TO|MAIL FROM|DATA|end of DATA|HELO|EHLO)\b/i.exec(diagnostic)?.[1];
    if (out.some((r) => r.address === address)) continue;
    out.push(recipientFrom(address, diagnostic, { action: 'failed', command: commandName(command) }));
  }
  return out;
}

function commandName(said: string | undefined): string | undefined {
  if (!said) return undefined;
  const upper = said.toUpperCase();
  if (upper.startsWith('RCPT')) return 'RCPT';
  if (upper.startsWith('MAIL')) return 'MAIL';
  if (upper.includes('DATA')) return 'DATA';
  return upper;
}

/** "Transcript of session follows.": the recipients are the RCPT TO lines, the error the last 4xx/5xx. */
function transcript(body: string): DecodedRecipient[] {
  const lines = body.split('\n').slice(0, 2000);
  const rcpts = lines
    .filter((l) => /^\s*In:\s+RCPT TO:/i.test(l))
    .map((l) => findAddress(l))
    .filter(Boolean);
  let error = -1;
  lines.forEach((l, i) => {
    if (/^\s*Out:\s+[45]\d\d\b/.test(l)) error = i;
  });
  if (!rcpts.length || error < 0) return [];
  let command = '';
  for (let i = error; i >= 0 && !command; i--) command = /^\s*In:\s+(\w+)/.exec(lines[i] ?? '')?.[1] ?? '';
  const context = lines
    .slice(Math.max(0, error - 1), error + 1)
    .map((l) => l.replace(/^\s*(?:In|Out):\s*/, ''));
  return [...new Set(rcpts)].map((a) =>
    recipientFrom(a, context.join(' '), { action: 'failed', command: commandName(command) }),
  );
}

/** "Delivery report unavailable": Postfix lost the reason; the returned message's To: is the recipient. */
function unavailable(m: BounceMessage): DecodedRecipient[] {
  const to = /^To:\s*(.*)$/im.exec((m.returnedMessage ?? '').slice(0, 20_000))?.[1];
  const address = findAddress(to);
  return address ? [recipientFrom(address, '', { action: 'failed' })] : [];
}

export const Postfix = safely('Postfix', (m) => {
  if (!isPostfix(m)) return null;
  const body = scanText(m.body);
  const found = /^Transcript of session follows\./m.test(body) ? transcript(body) : paragraphs(body);
  if (!found.length && /--- Delivery report unavailable ---/.test(body)) found.push(...unavailable(m));
  return bounce('Postfix', found, originalMessageId(m, /^-{3,}|^Content-Type: message\/rfc822/m));
});
