import {
  bounce,
  findAddress,
  oneLine,
  originalMessageId,
  recipientFrom,
  safely,
  scanText,
  section,
} from './util';

/**
 * Mimecast's "automated alert notification": "An email that you attempted to send to the following
 * address could not be delivered:", `-- address`, "The problem appears to be :", `-- summary`,
 * "Additional information follows :", `-- 5.4.1 remote answer`. One recipient per notice.
 */
const TO = /attempted to send to the following address could not be delivered:\s*\n\s*--\s*(\S+)/i;
const PROBLEM = /^The problem appears to be :?\s*$/im;
const MORE = /^Additional information follows :?\s*$/im;
const END = /^This condition occurred after|^\s*$\n^\s*$/m;

export const Mimecast = safely('Mimecast', (m) => {
  const body = scanText(m.body);
  const to = TO.exec(body.slice(0, 4000));
  const address = findAddress(to?.[1]);
  if (!address) return null;
  const problem = oneLine((section(body, PROBLEM, MORE) ?? '').replace(/^\s*--\s*/gm, ''));
  const more = oneLine((section(body, MORE, END) ?? '').replace(/^\s*--\s*/gm, ''));
  const reason = /Recipient email address is possibly incorrect/i.test(problem) ? 'userunknown' : undefined;
  return bounce(
    'Mimecast',
    [recipientFrom(address, more || problem, { action: 'failed', reason })],
    originalMessageId(m),
  );
});
