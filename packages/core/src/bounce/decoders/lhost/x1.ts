import {
  bounce,
  findAddress,
  MAX_RECIPIENTS,
  originalMessageId,
  recipientFrom,
  safely,
  scanText,
  section,
} from './util';

/**
 * "X1" (Sisimai's label for an unnamed MTA): "---The following addresses had delivery errors---"
 * then one `address [reason]` line per recipient, with no SMTP codes.
 */
const START = /^-{3}The following addresses had delivery errors-{3}\s*$/m;
const LINE = /^(\S{1,256}@\S{1,255})\s+\[([^\]\n]{1,500})\]\s*$/;

export const X1 = safely('X1', (m) => {
  // START's words are a necessary condition: a native substring search skips the line scan.
  if (!m.body.includes('---The following addresses had delivery errors---')) return null;
  const body = scanText(m.body);
  if (!START.test(body.slice(0, 4000))) return null;
  const list = section(body, START) ?? '';
  const recipients = [];
  for (const line of list.split('\n').slice(0, MAX_RECIPIENTS * 2)) {
    const hit = LINE.exec(line.trim());
    if (hit) recipients.push(recipientFrom(findAddress(hit[1]), line.trim(), { action: 'failed' }));
  }
  return bounce('X1', recipients, originalMessageId(m));
});
