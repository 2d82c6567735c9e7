import { bounce, findAddress, originalMessageId, recipientFrom, safely, scanText, section } from './util';

/**
 * MailFoundry: "Unable to deliver message to: <address>", "Delivery failed for the following
 * reason:", the remote answer, and "This has been a permanent failure." One recipient per notice.
 */
const TO = /^Unable to deliver message to: (<[^>\n]{1,300}>|\S{1,300})\s*$/m;
const REASON = /^Delivery failed for the following reason:\s*$/m;
const END = /^This has been a permanent failure\.|^-{10,}\s*$/m;

export const MailFoundry = safely('MailFoundry', (m) => {
  // TO's words are a necessary condition: a native substring search skips the regex scan.
  if (!m.body.includes('Unable to deliver message to: ')) return null;
  const body = scanText(m.body);
  const to = TO.exec(body.slice(0, 4000));
  if (!to || !REASON.test(body)) return null;
  const diagnostic = section(body, REASON, END) ?? '';
  const address = findAddress(to[1]);
  return address
    ? bounce(
        'MailFoundry',
        [recipientFrom(address, diagnostic, { action: 'failed' })],
        originalMessageId(m, END),
      )
    : null;
});
