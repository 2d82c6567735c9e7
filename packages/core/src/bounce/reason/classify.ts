import type { BounceReason, DeliveryAction } from '../types';
import { AUTH_FAILURE, BAD_REPUTATION, BLOCKED, NO_RELAYING, NOT_COMPLIANT_RFC, NOT_REJECTED, POLICY_VIOLATION, REJECTED, REQUIRE_PTR, SECURITY_ERROR, SPAM_DETECTED, VIRUS_DETECTED } from './phrases/policy';
import { FILTERED, HAS_MOVED, MAILBOX_FULL, SUSPEND, USER_UNKNOWN } from './phrases/recipient';
import { CONTENT_ERROR, EXCEED_LIMIT, EXPIRED, FAILED_STARTTLS, HOST_UNKNOWN, MAILER_ERROR, MESG_TOO_BIG, NETWORK_ERROR, NOT_ACCEPT, SPEEDING, SYNTAX_ERROR, SYSTEM_ERROR, SYSTEM_FULL, TOO_MANY_CONN } from './phrases/system';
import { includesAny, type Phrase } from './phrases/types';
import { reasonForStatus } from './status-map';

/** What the classifier knows about one recipient. */
export interface ReasonFacts {
  status: string | null;
  diagnostic: string | null;
  action: DeliveryAction | null;
  /** SMTP command that failed (RCPT, DATA, MAIL, EHLO, CONN...). */
  command: string | null;
  /** A reason the decoder knew from the format. */
  decoderReason: BounceReason | null;
}

/** Reasons that say little on their own: a more specific one found in the text replaces them. */
const WEAK: ReadonlySet<BounceReason> = new Set([
  'undefined', 'onhold', 'systemerror', 'securityerror', 'expired', 'networkerror', 'hostunknown', 'userunknown',
]);
const BEFORE_DATA = new Set(['CONN', 'EHLO', 'HELO', 'STARTTLS', 'AUTH', 'MAIL', 'RCPT']);

type Rule = [BounceReason, (f: Prepared) => boolean];
interface Prepared extends ReasonFacts {
  text: string;
  byStatus: BounceReason | null;
}

const has = (list: Phrase[]) => (f: Prepared) => includesAny(f.text, list);
const statusOr = (reason: BounceReason, list: Phrase[]) => (f: Prepared) => f.byStatus === reason || includesAny(f.text, list);

/** First pass: specific reasons, strongest evidence first (the order matters). */
const SPECIFIC: Rule[] = [
  ['mailboxfull', statusOr('mailboxfull', MAILBOX_FULL)],
  ['mesgtoobig', statusOr('mesgtoobig', MESG_TOO_BIG)],
  ['exceedlimit', statusOr('exceedlimit', EXCEED_LIMIT)],
  ['suspend', statusOr('suspend', SUSPEND)],
  ['hasmoved', statusOr('hasmoved', HAS_MOVED)],
  ['norelaying', has(NO_RELAYING)],
  ['authfailure', statusOr('authfailure', AUTH_FAILURE)],
  ['userunknown', isUserUnknown],
  ['filtered', isFiltered],
  ['requireptr', statusOr('requireptr', REQUIRE_PTR)],
  ['notcompliantrfc', has(NOT_COMPLIANT_RFC)],
  ['badreputation', has(BAD_REPUTATION)],
  ['rejected', isRejected],
  ['hostunknown', statusOr('hostunknown', HOST_UNKNOWN)],
  ['spamdetected', statusOr('spamdetected', SPAM_DETECTED)],
  ['speeding', has(SPEEDING)],
  ['toomanyconn', statusOr('toomanyconn', TOO_MANY_CONN)],
  ['blocked', statusOr('blocked', BLOCKED)],
];

/** Second pass, when the first found nothing or only a weak reason. */
const FALLBACK: Rule[] = [
  ['mailboxfull', has(MAILBOX_FULL)],
  ['virusdetected', has(VIRUS_DETECTED)],
  ['policyviolation', has(POLICY_VIOLATION)],
  ['systemfull', has(SYSTEM_FULL)],
  ['notaccept', statusOr('notaccept', NOT_ACCEPT)],
  ['networkerror', has(NETWORK_ERROR)],
  ['expired', has(EXPIRED)],
  ['failedstarttls', has(FAILED_STARTTLS)],
  ['mailererror', has(MAILER_ERROR)],
  ['securityerror', has(SECURITY_ERROR)],
  ['systemerror', has(SYSTEM_ERROR)],
  ['contenterror', has(CONTENT_ERROR)],
  ['syntaxerror', has(SYNTAX_ERROR)],
];

function isUserUnknown(f: Prepared): boolean {
  if (f.byStatus === 'userunknown') {
    return !includesAny(f.text, MAILBOX_FULL) && !includesAny(f.text, HAS_MOVED) && !includesAny(f.text, NOT_ACCEPT);
  }
  if (f.byStatus && !WEAK.has(f.byStatus) && f.byStatus !== 'filtered') return false;
  return (f.command === null || f.command === 'RCPT') && includesAny(f.text, USER_UNKNOWN);
}

function isFiltered(f: Prepared): boolean {
  if (f.byStatus === 'filtered') return includesAny(f.text, USER_UNKNOWN) || includesAny(f.text, FILTERED);
  if (f.command && BEFORE_DATA.has(f.command)) return false;
  return includesAny(f.text, FILTERED) || (f.command === 'DATA' && includesAny(f.text, USER_UNKNOWN));
}

function isRejected(f: Prepared): boolean {
  if (f.byStatus === 'rejected') return true;
  if (includesAny(f.text, NOT_REJECTED) || !includesAny(f.text, REJECTED)) return false;
  if (f.command === 'MAIL') return true;
  if (f.command === 'DATA') return f.byStatus !== 'userunknown';
  return !f.byStatus || WEAK.has(f.byStatus);
}

/** Decide the Sisimai reason for one recipient from its status, diagnostic, action and command. */
export function classifyReason(facts: ReasonFacts): BounceReason {
  if (facts.decoderReason && !WEAK.has(facts.decoderReason)) return facts.decoderReason;
  if (facts.status?.startsWith('2.') || facts.action === 'delivered') return 'delivered';
  const f: Prepared = { ...facts, text: (facts.diagnostic ?? '').toLowerCase(), byStatus: reasonForStatus(facts.status) };
  const first = SPECIFIC.find(([, test]) => test(f))?.[0];
  if (first) return first;
  if (facts.decoderReason) return facts.decoderReason;
  return secondPass(f);
}

function secondPass(f: Prepared): BounceReason {
  if (f.byStatus && !WEAK.has(f.byStatus)) return f.byStatus;
  const found = FALLBACK.find(([, test]) => test(f))?.[0];
  if (found) return found;
  if (f.byStatus) return f.byStatus;
  const cls = f.status?.slice(0, 3);
  if (cls === '5.6' || cls === '4.6') return 'contenterror';
  if (cls === '5.7' || cls === '4.7') return 'securityerror';
  if (f.action === 'delayed') return 'expired';
  if (f.command === 'EHLO' || f.command === 'HELO') return 'blocked';
  return f.text ? 'onhold' : 'undefined';
}

/** Sisimai's hard/soft rule: hard when the address itself is bad. */
export function isHardBounce(reason: BounceReason, status: string | null, replyCode: string | null): boolean {
  if (reason === 'userunknown' || reason === 'hostunknown' || reason === 'hasmoved') return true;
  if (reason === 'notaccept') return (status ?? replyCode ?? '5').startsWith('5');
  return false;
}
