import type { BounceReason } from '../bounce/types';
import type { Speaker } from './speaker';

/**
 * Every reason the bounce engine emits (its `BounceReason` union). A `Record` so that a reason added
 * to the engine fails the type check here until it has plain words in the catalogs.
 */
const REASON_SET: Record<BounceReason, true> = {
  userunknown: true,
  mailboxfull: true,
  filtered: true,
  expired: true,
  hostunknown: true,
  suspend: true,
  blocked: true,
  rejected: true,
  policyviolation: true,
  spamdetected: true,
  networkerror: true,
  authfailure: true,
  requireptr: true,
  securityerror: true,
  systemerror: true,
  notaccept: true,
  onhold: true,
  mailererror: true,
  mesgtoobig: true,
  toomanyconn: true,
  norelaying: true,
  hasmoved: true,
  notcompliantrfc: true,
  exceedlimit: true,
  undefined: true,
  badreputation: true,
  contenterror: true,
  virusdetected: true,
  syntaxerror: true,
  systemfull: true,
  speeding: true,
  failedstarttls: true,
  delivered: true,
  vacation: true,
  feedback: true,
  ratelimited: true,
  emailtoolarge: true,
};

export const BOUNCE_REASONS = Object.keys(REASON_SET) as BounceReason[];

const isReason = (value: string): value is BounceReason => Object.hasOwn(REASON_SET, value);

/** A Sisimai reason name in plain words ("userunknown" → "address does not exist"). */
export function reasonWords(s: Speaker, reason: string | null | undefined): string {
  const name = (reason ?? 'undefined').toLowerCase();
  return isReason(name) ? s.t(`reason.${name}`) : s.t('reason.unknown', { reason: name });
}
