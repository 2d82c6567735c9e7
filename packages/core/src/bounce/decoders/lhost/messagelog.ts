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
 * A boxed "message log" notice (Sisimai reads it in its RFC 3464 fallback): "|--- Message log
 * follows: ---|" with the MTA's log, "|--- Failed addresses follow: ---|" with `address ... reason`
 * lines, then "|--- Message text follows: ---|" and the returned message.
 */
const LOG = /^\|-+ Message log follows: -+\|\s*$/m;
const FAILED = /^\|-+ Failed addresses follow: -+\|\s*$/m;
const TEXT = /^\|-+ Message text follows: -+\|\s*$/m;

export const MessageLog = safely('MessageLog', (m) => {
  // FAILED's words are a necessary condition: a native substring search skips the regex scan.
  if (!m.body.includes(' Failed addresses follow: -')) return null;
  const body = scanText(m.body);
  if (!FAILED.test(body.slice(0, 8000))) return null;
  const log = oneLine(section(body, LOG, FAILED) ?? '');
  const recipients = [];
  for (const line of (section(body, FAILED, TEXT) ?? '').split('\n').slice(0, MAX_RECIPIENTS)) {
    const hit = /^\s*(\S{1,256}@\S{1,255})\s+\.\.\.\s*(.*)$/.exec(line);
    const reason = /^unknown host/i.test(hit?.[2] ?? '') ? 'hostunknown' : undefined;
    if (hit)
      recipients.push(
        recipientFrom(findAddress(hit[1]), oneLine(`${log} ${line}`), { action: 'failed', reason }),
      );
  }
  return bounce('MessageLog', recipients, originalMessageId(m, TEXT));
});
