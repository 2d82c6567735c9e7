import type { BounceMessage } from '../contract';
import {
  bounce,
  failedRecipientsHeader,
  oneLine,
  originalMessageId,
  recipientFrom,
  safely,
  scanText,
} from './util';

/**
 * Google Groups' refusal to post ("the group you tried to contact may not exist, or you may not
 * have permission to post messages to the group"), sent from Google's mailer-daemon in the
 * sender's language. The body is localised, so the format is recognised by its envelope: the
 * X-Failed-Recipients header names a googlegroups.com address and the body points to Google
 * Groups' help. The group refused the post, so the reason is `rejected`.
 */
const END = /^-{3,} ?Original message ?-{3,}/im;

function groupAddresses(m: BounceMessage): string[] {
  return failedRecipientsHeader(m).filter((a) => /@googlegroups\.com$/i.test(a));
}

export const GoogleGroups = safely('GoogleGroups', (m) => {
  if (!/@google(?:mail)?\.com/i.test(m.from)) return null;
  const body = scanText(m.body);
  if (!/groups\.google\.com|Google Groups/i.test(body)) return null;
  const groups = groupAddresses(m);
  const end = END.exec(body);
  const text = oneLine(end ? body.slice(0, end.index) : body.slice(0, 2000));
  const recipients = groups.map((address) =>
    recipientFrom(address, text, {
      action: 'failed',
      reason: 'rejected',
      status: undefined,
      replyCode: undefined,
    }),
  );
  return bounce('GoogleGroups', recipients, originalMessageId(m, END));
});
