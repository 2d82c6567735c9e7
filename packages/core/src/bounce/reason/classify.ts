import type { BounceReason, DeliveryAction } from '../types';
import { noticeProviderReason } from './notice-words';
import {
  AUTH_FAILURE,
  BAD_REPUTATION,
  BLOCKED,
  NO_RELAYING,
  NOT_COMPLIANT_RFC,
  NOT_REJECTED,
  POLICY_VIOLATION,
  REJECTED,
  REQUIRE_PTR,
  SECURITY_ERROR,
  SPAM_DETECTED,
  VIRUS_DETECTED,
} from './phrases/policy';
import {
  FILTERED,
  HAS_MOVED,
  MAILBOX_FULL,
  RECIPIENT_CHOICE,
  SUSPEND,
  USER_UNKNOWN,
} from './phrases/recipient';
import {
  CONTENT_ERROR,
  EXCEED_LIMIT,
  EXPIRED,
  FAILED_STARTTLS,
  HOST_UNKNOWN,
  MAILER_ERROR,
  MESG_TOO_BIG,
  NETWORK_ERROR,
  NOT_ACCEPT,
  SPEEDING,
  SYNTAX_ERROR,
  SYSTEM_ERROR,
  SYSTEM_FULL,
  TOO_MANY_CONN,
  VACATION,
} from './phrases/system';
import { includesAny, type Phrase } from './phrases/types';
import { ownProviderReason } from './provider-codes';
import { providerReason } from './providers';
import { withoutStatusLabel } from './read-text';
import {
  BLANK_ADDRESS_REFUSAL,
  NAMES_THE_UNKNOWN_ADDRESS,
  stateInComment,
  stateKeptThroughRetries,
} from './recipient-state';
import { reasonForStatus } from './status-map';
import { gaveUpSaying, statesExpiry, transportOrTimeout } from './timing';

/** What the classifier knows about one recipient. */
export interface ReasonFacts {
  status: string | null;
  diagnostic: string | null;
  action: DeliveryAction | null;
  /** SMTP command that failed (RCPT, DATA, MAIL, EHLO, CONN...). */
  command: string | null;
  replyCode?: string | null;
  /** A reason the decoder knew from the format. */
  decoderReason: BounceReason | null;
  /** `SMTP` unless the diagnostic is of another type (X-UNIX for local delivery agents...). */
  diagnosticType?: string | null;
  /** The notice's own readable words; only provider-specific wording is read from them. */
  context?: string | null;
  /** The reporting MTA's comment on the status code (`5.2.1 (mailbox disabled, not accepting messages)`). */
  statusComment?: string | null;
}

/** Reasons a decoder may be unsure of: the text and status get a second look. */
const RETRY: ReadonlySet<BounceReason> = new Set([
  'undefined',
  'onhold',
  'systemerror',
  'securityerror',
  'expired',
  'networkerror',
  'hostunknown',
  'userunknown',
]);
const BEFORE_DATA = new Set(['CONN', 'EHLO', 'HELO', 'MAIL', 'RCPT']);

interface Facts extends ReasonFacts {
  text: string;
  byStatus: BounceReason | null;
}
type Probe = (f: Facts) => boolean;

const says = (f: Facts, list: Phrase[]) => includesAny(f.text, list);
/** The common probe: the decoder said so, the status code says so, or the text does. */
const plain =
  (reason: BounceReason, list: Phrase[], useStatus = true): Probe =>
  (f) =>
    f.decoderReason === reason || (useStatus && f.byStatus === reason) || says(f, list);

const PROBES: [BounceReason, Probe][] = [
  [
    'mailboxfull',
    (f) =>
      f.decoderReason === 'mailboxfull' ||
      f.byStatus === 'mailboxfull' ||
      (f.byStatus !== 'systemfull' && says(f, MAILBOX_FULL)),
  ],
  [
    'mesgtoobig',
    (f) => f.decoderReason === 'mesgtoobig' || f.byStatus === 'mesgtoobig' || says(f, MESG_TOO_BIG),
  ],
  ['exceedlimit', plain('exceedlimit', EXCEED_LIMIT)],
  ['suspend', (f) => f.decoderReason === 'suspend' || f.replyCode === '525' || says(f, SUSPEND)],
  ['hasmoved', plain('hasmoved', HAS_MOVED, false)],
  [
    'norelaying',
    (f) =>
      f.decoderReason === 'norelaying' ||
      (!['CONN', 'EHLO', 'HELO'].includes(f.command ?? '') && says(f, NO_RELAYING)),
  ],
  ['authfailure', plain('authfailure', AUTH_FAILURE)],
  ['userunknown', isUserUnknown],
  ['filtered', isFiltered],
  ['requireptr', plain('requireptr', REQUIRE_PTR)],
  ['notcompliantrfc', plain('notcompliantrfc', NOT_COMPLIANT_RFC, false)],
  ['badreputation', plain('badreputation', BAD_REPUTATION, false)],
  [
    'contenterror',
    (f) =>
      f.decoderReason === 'contenterror' ||
      (!isSpam(f) && (f.byStatus === 'contenterror' || says(f, CONTENT_ERROR))),
  ],
  ['rejected', isRejected],
  ['hostunknown', isHostUnknown],
  ['spamdetected', isSpam],
  ['speeding', plain('speeding', SPEEDING, false)],
  ['toomanyconn', plain('toomanyconn', TOO_MANY_CONN)],
  ['blocked', plain('blocked', BLOCKED)],
];

/** Text-only second look, for notices whose status says little. */
const SECOND_LOOK: [BounceReason, Phrase[]][] = [
  ['mailboxfull', MAILBOX_FULL],
  ['authfailure', AUTH_FAILURE],
  ['badreputation', BAD_REPUTATION],
  ['speeding', SPEEDING],
  ['spamdetected', SPAM_DETECTED],
  ['virusdetected', VIRUS_DETECTED],
  ['policyviolation', POLICY_VIOLATION],
  ['norelaying', NO_RELAYING],
  ['systemerror', SYSTEM_ERROR],
  ['networkerror', NETWORK_ERROR],
  ['suspend', SUSPEND],
  ['contenterror', CONTENT_ERROR],
  ['systemfull', SYSTEM_FULL],
  ['notaccept', NOT_ACCEPT],
  ['expired', EXPIRED],
  ['failedstarttls', FAILED_STARTTLS],
  ['securityerror', SECURITY_ERROR],
  ['mailererror', MAILER_ERROR],
];

function isUserUnknown(f: Facts): boolean {
  if (f.decoderReason === 'userunknown') return true;
  // At MAIL FROM the only address in play is the sender's: "does not exist" there refuses the sender.
  if (f.command === 'MAIL') return false;
  // Status and wording agree that the address does not exist: refusal, policy or block-list words on
  // the same line ("Recipient address rejected", "access denied", "see our RBL FAQ") do not change that.
  if (f.byStatus === 'userunknown' && says(f, USER_UNKNOWN)) return true;
  if (f.byStatus === 'userunknown') {
    return (
      ![NO_RELAYING, BLOCKED, MAILBOX_FULL, HAS_MOVED, NOT_ACCEPT, SPEEDING, TOO_MANY_CONN].some((list) =>
        says(f, list),
      ) && !rejectedText(f)
    );
  }
  // Sisimai's rule: the wording alone counts only at RCPT; after DATA (or with no command known)
  // "unknown user" from a filter is `filtered`. Kept for comparability with Sisimai's figures. A reply
  // that names the address it refuses ("550 <a@b.example>: User unknown") is an answer to RCPT TO
  // even when no command is quoted; a filter's answer after DATA leaves it blank ("550 : User unknown").
  if (!f.command && NAMES_THE_UNKNOWN_ADDRESS.test(f.text)) return true;
  return f.command === 'RCPT' && says(f, USER_UNKNOWN);
}

function isFiltered(f: Facts): boolean {
  if (f.decoderReason === 'filtered') return true;
  // A decoder that read the MTA's own "unknown host" sentence knows better than recipient wording.
  if (f.decoderReason === 'hostunknown') return false;
  if (f.byStatus === 'filtered') return says(f, USER_UNKNOWN) || says(f, FILTERED);
  if (says(f, RECIPIENT_CHOICE)) return true;
  if (f.command && BEFORE_DATA.has(f.command)) return false;
  return says(f, FILTERED) || says(f, USER_UNKNOWN);
}

function isRejected(f: Facts): boolean {
  if (f.decoderReason === 'rejected' || f.byStatus === 'rejected') return true;
  const matches = () => rejectedText(f);
  if (f.command === 'MAIL') return matches() || says(f, USER_UNKNOWN) || says(f, HOST_UNKNOWN);
  if (f.command === 'DATA') return f.byStatus !== 'userunknown' && matches();
  const weak =
    !f.byStatus ||
    f.byStatus === 'onhold' ||
    f.byStatus === 'undefined' ||
    f.byStatus === 'securityerror' ||
    f.byStatus === 'systemerror';
  return weak && matches();
}

/** Sender-refusal wording that is not about the recipient or the client IP. */
function rejectedText(f: Facts): boolean {
  return !says(f, NOT_REJECTED) && says(f, REJECTED);
}

function isHostUnknown(f: Facts): boolean {
  if (f.decoderReason === 'hostunknown') return true;
  if (f.byStatus === 'hostunknown') return !says(f, NETWORK_ERROR);
  // A lookup that failed for now (4xx, "try again") is a network error, not a missing domain.
  return !f.status?.startsWith('4') && !says(f, NETWORK_ERROR) && says(f, HOST_UNKNOWN);
}

function isSpam(f: Facts): boolean {
  if (!f.status) return false;
  if (f.decoderReason === 'spamdetected' || f.byStatus === 'spamdetected') return true;
  if (f.command && BEFORE_DATA.has(f.command)) return false;
  return says(f, SPAM_DETECTED);
}

/**
 * The probes' facts, field by field: a spread of the caller's object (whose shape varies between the
 * engine, the second look and the tests) was the classifier's costliest line on a cold run.
 */
function factsFor(facts: ReasonFacts, text: string): Facts {
  return {
    status: facts.status,
    diagnostic: facts.diagnostic,
    action: facts.action,
    command: facts.command,
    replyCode: facts.replyCode,
    decoderReason: facts.decoderReason,
    diagnosticType: facts.diagnosticType,
    context: facts.context,
    statusComment: facts.statusComment,
    text,
    byStatus: reasonForStatus(facts.status),
  };
}

/** Decide the Sisimai reason for one recipient. */
export function classifyReason(facts: ReasonFacts): BounceReason {
  if (facts.decoderReason && !RETRY.has(facts.decoderReason)) return facts.decoderReason;
  // The format says the MTA gave up after retrying and the status agrees (x.4.7): the text is only
  // the last attempt's error ("Connection refused"), not the reason the message was returned.
  if (facts.decoderReason === 'expired' && /^[45]\.4\.7$/.test(facts.status ?? '')) return 'expired';
  if (facts.status?.startsWith('2.')) return 'delivered';
  const text = withoutStatusLabel((facts.diagnostic ?? '').toLowerCase());
  // The MTA says it gave up when the retry period ran out: that outranks whatever the last attempt's
  // answer was, a provider's own code included.
  if (facts.action === 'failed' && statesExpiry(text, facts.context))
    return stateKeptThroughRetries(facts, text, classifyReason);
  // The reporting MTA states what the code means for this recipient (a disabled or full mailbox, a
  // message too big): the code's meaning, stated, outranks the remote's generic words ("User Unknown").
  const stated = stateInComment(facts.statusComment);
  if (stated) return stated;
  // A refusal that leaves the address blank ("550 : User unknown") is a content filter answering after
  // DATA, not a lookup of the address: `filtered`, whatever code a relaying service put on it.
  if (BLANK_ADDRESS_REFUSAL.test(text)) return 'filtered';
  // The notice's own template ("address not found") speaks for the recipient only when the remote
  // server's answer gives no specific status: a relayed "5.1.8 Sender address rejected" wins over it.
  const generic = !facts.status || /^\d\.0\.0$/.test(facts.status);
  const byProvider = providerReason(text) ?? (generic ? noticeProviderReason(facts.context) : null);
  if (byProvider) return byProvider;
  // A provider saying its own user has no account ("dd This user doesn't have a yahoo.com account")
  // is userunknown at whatever command it said so: no filter of the recipient's is involved.
  const own = ownProviderReason(text);
  if (own) return own;
  const f = factsFor(facts, text);
  const timed = transportOrTimeout(f);
  if (timed) return timed;
  const smtp = !facts.diagnosticType || facts.diagnosticType === 'SMTP';
  const probed = smtp ? PROBES.find(([, probe]) => probe(f))?.[0] : undefined;
  if (probed) return probed;
  const other = anotherOne(f);
  if (other && other !== 'undefined') return other;
  if (gaveUpSaying(f)) return 'expired';
  if (f.action === 'delayed') return 'expired';
  if (says(f, VACATION)) return 'vacation';
  return f.text ? 'onhold' : 'undefined';
}

function anotherOne(f: Facts): BounceReason | null {
  if (f.decoderReason && f.decoderReason !== 'undefined' && f.decoderReason !== 'onhold')
    return f.decoderReason;
  const byStatus = f.byStatus;
  const smtp = !f.diagnosticType || f.diagnosticType === 'SMTP';
  if (byStatus && !RETRY.has(byStatus) && smtp) return byStatus;
  // A local delivery agent that names its program's failure (`X-UNIX; procmail: ...`, "Command
  // output:") is a mailer error, even when the text also has a system-error phrase.
  if (f.diagnosticType?.startsWith('X-UNIX') && says(f, MAILER_ERROR)) return 'mailererror';
  const found = SECOND_LOOK.find(([, list]) => says(f, list))?.[0];
  if (found) return found;
  // "No such domain" under a non-SMTP diagnostic type (a local MTA's own lookup) is still permanent.
  if (!smtp && f.status?.startsWith('5') && says(f, HOST_UNKNOWN)) return 'hostunknown';
  if (byStatus) return byStatus;
  const cls = f.status?.slice(0, 3);
  if (cls === '5.6' || cls === '4.6') return 'contenterror';
  if (cls === '5.7' || cls === '4.7') return 'securityerror';
  if (f.diagnosticType?.startsWith('X-UNIX')) return 'mailererror';
  if (says(f, SYNTAX_ERROR) || /^50[0-4]$/.test(f.replyCode ?? '')) return 'syntaxerror';
  if (f.action === 'delayed') return 'expired';
  // Refused at the greeting or right after it: the server will not talk to this client.
  if (f.command === 'CONN' || f.command === 'EHLO' || f.command === 'HELO') return 'blocked';
  // A lookup that failed for now is a network error (a permanent one is hostunknown, above).
  if (f.status?.startsWith('4') && says(f, HOST_UNKNOWN)) return 'networkerror';
  return null;
}

/** Sisimai's hard/soft rule: hard when the address itself is bad. */
export function isHardBounce(reason: BounceReason, status: string | null, replyCode: string | null): boolean {
  if (reason === 'userunknown' || reason === 'hostunknown' || reason === 'hasmoved') return true;
  if (reason === 'notaccept') return (status ?? replyCode ?? '5').startsWith('5');
  return false;
}
