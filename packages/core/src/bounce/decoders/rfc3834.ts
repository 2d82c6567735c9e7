import { cleanAddress } from '../fields';
import { collapseWhiteSpace, readablePart } from '../text';
import type { BounceMessage, Decoder } from './contract';
import { AUTO_REPLY_SUBJECT, looksLikeNotice } from './notice-hints';

/** RFC 3834 automatic responses (out-of-office / vacation replies). */
export const rfc3834: Decoder = {
  name: 'RFC3834',
  decode(message) {
    if (!isAutoReply(message)) return null;
    const address = cleanAddress(message.header('from')) ?? cleanAddress(message.header('reply-to'));
    return {
      decoder: 'RFC3834',
      kind: 'auto-reply',
      recipients: address ? [{ address, reason: 'vacation', diagnostic: firstLines(message.body) }] : [],
    };
  },
};

/** Bounce notices also say `Auto-Submitted: auto-replied`; those are not out-of-office replies. */
function isAutoReply(message: BounceMessage): boolean {
  if (message.deliveryStatus || looksLikeNotice(message)) return false; // the cheap test first
  const autoSubmitted = message.header('auto-submitted').toLowerCase();
  if (autoSubmitted.startsWith('auto-replied')) return true;
  // Outlook's out-of-office replies say `auto-generated` and "Automatic reply:"; other
  // auto-generated mail (digests, alerts) is not an auto-reply.
  if (autoSubmitted.startsWith('auto-generated')) return AUTO_REPLY_SUBJECT.test(message.subject.trim());
  if (message.header('x-autoreply') || message.header('x-autorespond') || message.header('x-autoreply-from'))
    return true;
  if (/auto[_-]?reply/i.test(message.header('precedence'))) return true;
  if (/^auto[ -]?repl/i.test(message.header('x-auto-response-suppress'))) return false;
  return AUTO_REPLY_SUBJECT.test(message.subject.trim());
}

function firstLines(body: string): string {
  return collapseWhiteSpace(readablePart(body)).trim().slice(0, 300);
}
