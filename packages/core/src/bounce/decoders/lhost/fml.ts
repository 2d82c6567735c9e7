import type { BounceReason } from '../../types';
import type { BounceMessage } from '../contract';
import { bounce, findAddress, oneLine, originalMessageId, recipientFrom, safely, scanText } from './util';

/**
 * fml (a Japanese mailing-list manager) refusing a post: "You are not a member of this mailing list
 * <list>." (the list rejected the sender: `rejected`) or "Loop Alert: Duplicated Message-ID" (the
 * list stopped a loop: `systemerror`). The "recipient" is the list address. fml sends these from
 * `<list>-admin@` with the list name in parentheses at the end of the Subject.
 */
const CASES: { body: RegExp; reason: BounceReason }[] = [
  { body: /You are not a member of this mailing list (<[^>\n]{1,300}>)/, reason: 'rejected' },
  { body: /Duplicated Message-ID in (<[^>\n]{1,300}>)/, reason: 'systemerror' },
];

function isFml(m: BounceMessage): boolean {
  return /-admin@/i.test(m.from) && /\([^()]{1,100} ML\)\s*$/.test(m.subject);
}

export const FML = safely('FML', (m) => {
  if (!isFml(m)) return null;
  const body = scanText(m.body);
  for (const c of CASES) {
    const hit = c.body.exec(body);
    const address = findAddress(hit?.[1]);
    if (!hit || !address) continue;
    const sentence = oneLine(body.slice(hit.index, hit.index + 300).split(/\n\s*\n/)[0] ?? '');
    return bounce(
      'FML',
      [recipientFrom(address, sentence, { action: 'failed', reason: c.reason })],
      originalMessageId(m),
    );
  }
  return null;
});
