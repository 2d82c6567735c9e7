import { bounce, findAddress, originalMessageId, recipientFrom, safely, scanText, section } from './util';

/**
 * KDDI au one net (dion.ne.jp / ezweb relay): a Japanese preamble, then "Your mail sent on: <date>
 * Could not be delivered to: <address> As their mailbox is full." (or another reason sentence).
 */
const TO = /^\s*Could not be delivered to:\s*(<[^>\n]{1,300}>|\S{1,300})\s*$/m;
const END = /^-{10,}\s*$/m;

export const KDDI = safely('KDDI', (m) => {
  // The marker's words are a necessary condition: a native substring search skips the regex scan.
  if (!m.body.includes('Your mail sent on:')) return null;
  const body = scanText(m.body);
  if (!/^Your mail sent on:/m.test(body.slice(0, 4000))) return null;
  const to = TO.exec(body);
  const address = to ? findAddress(to[1]) : '';
  if (!address) return null;
  const diagnostic = section(body, TO, END) ?? '';
  const reason = /mailbox is full/i.test(diagnostic) ? 'mailboxfull' : undefined;
  return bounce(
    'KDDI',
    [recipientFrom(address, diagnostic, { action: 'failed', reason })],
    originalMessageId(m, END),
  );
});
