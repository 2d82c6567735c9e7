import type { FieldBlock } from '../../fields';
import { cleanAddress } from '../../fields';
import type { BounceMessage } from '../contract';

/** Local parts of mailing-list machinery: `-request`, `-bounces`, `-owner`, `owner-`, mlmmj's `+owner`, LISTSERV, Majordomo, Mailman. */
const LIST_MANAGER =
  /^(?:listmaster|majordomo|listserv|mailman)(?:[+=-]|$)|^owner-|[-+](?:request|bounces?|owner|admin)(?:[-+=]|$)|\+(?:subscribe|unsubscribe|help)(?:[-+=]|$)/i;
/**
 * Local parts of the reporting system's own mailboxes, no-reply senders and the envelope senders of
 * bounce handling (VERP `bounce-...`, SRS, BATV `prvs=`).
 */
const MAIL_SYSTEM =
  /^(?:mailer-?daemon|postmaster|hostmaster|abuse|no-?reply|do-?not-?reply|donotreply|bounces?)(?:[+=-]|$)|^(?:bounces?[-+=.]|(?:prvs|btv1|srs[01])=)/i;

function localPart(address: string): string {
  const at = address.lastIndexOf('@');
  return at < 0 ? address : address.slice(0, at);
}

/** True for a mailing list's own address (its manager, owner, request or bounce address). */
export function isListManagerAddress(address: string): boolean {
  return LIST_MANAGER.test(localPart(address));
}

/** True for an address that is a role of the mail system or a list, never a failed person. */
export function isRoleAddress(address: string): boolean {
  const local = localPart(address);
  return MAIL_SYSTEM.test(local) || LIST_MANAGER.test(local);
}

/** Header fields of the notice that name its sender, its receiver (the original sender) or a reply address. */
const NOTICE_FIELDS = [
  'from',
  'sender',
  'reply-to',
  'return-path',
  'to',
  'cc',
  'errors-to',
  'delivered-to',
  'x-original-to',
];
/** Fields of the returned original that name who sent it. */
const ORIGINAL_SENDER_FIELDS = ['from', 'sender', 'reply-to', 'return-path', 'errors-to'];

/** Every address a header value names (a To may list several). */
function addressesOf(values: readonly string[]): string[] {
  return values.flatMap((value) =>
    value
      .slice(0, 4096)
      .split(',')
      .map((part) => cleanAddress(part))
      .filter((a): a is string => !!a),
  );
}

/**
 * Addresses a notice names that are not failed recipients: its own From/Sender/Reply-To, its To
 * (the original sender), the returned original's From/Sender/Reply-To/Return-Path, and the
 * Message-IDs of both (which look like addresses in prose).
 */
export function excludedAddresses(message: BounceMessage, original: FieldBlock | null): Set<string> {
  const excluded = new Set<string>();
  for (const name of NOTICE_FIELDS)
    for (const a of addressesOf(message.headers.get(name) ?? [])) excluded.add(a);
  for (const id of [message.header('message-id'), original?.get('message-id') ?? '']) {
    const bare = cleanAddress(id);
    if (bare) excluded.add(bare);
  }
  if (original)
    for (const name of ORIGINAL_SENDER_FIELDS)
      for (const a of addressesOf([original.get(name) ?? ''])) excluded.add(a);
  return excluded;
}
