import type { DecodedRecipient } from '../contract';
import {
  bounce,
  findAddress,
  MAX_RECIPIENTS,
  oneLine,
  originalMessageId,
  recipientFrom,
  safely,
  scanText,
  section,
} from './util';

/**
 * "X6" (Sisimai's label): "We had trouble delivering your message. Full details follow:", a count
 * "N error(s):", then one sentence per failure, either "The following recipients returned
 * permanent errors: a@b. Reason: ... (DATA) ..." or "SMTP Server <host> rejected recipient <a@b>
 * (Error following RCPT command). It responded as follows: [550 5.1.1 ...]".
 */
const MARKER = /^We had trouble delivering your message\. Full details follow:/m;
const ERRORS = /^\d+ error\(s\):\s*$/m;
const END = /^The attachment contains the original mail headers/m;

function recipients(text: string): DecodedRecipient[] {
  const out: DecodedRecipient[] = [];
  for (const line of text.split('\n').slice(0, MAX_RECIPIENTS)) {
    const permanent = /recipients returned permanent errors:\s*(\S+?)\.?\s+Reason:/i.exec(line);
    const rejected = /rejected recipient (<[^>]{1,300}>)/i.exec(line);
    const address = findAddress(permanent?.[1] ?? rejected?.[1] ?? '');
    if (!address) continue;
    const command = /\((?:Error following )?(RCPT|MAIL|DATA|HELO|EHLO)\b/i.exec(line)?.[1]?.toUpperCase();
    out.push(recipientFrom(address, oneLine(line), { action: 'failed', command }));
  }
  return out;
}

export const X6 = safely('X6', (m) => {
  const body = scanText(m.body);
  // MARKER's words are necessary: a native substring search skips the line scan.
  if (!m.body.includes('We had trouble delivering your message. Full details follow:')) return null;
  if (!MARKER.test(body.slice(0, 2000))) return null;
  return bounce('X6', recipients(section(body, ERRORS, END) ?? ''), originalMessageId(m));
});
