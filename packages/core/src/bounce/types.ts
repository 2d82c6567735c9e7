/**
 * The bounce engine's public contract. It mirrors the `sendwell bounces parse --json` line format in
 * shared/design/architecture.md, so the CLI prints these objects as they are.
 */
export type MessageKind = 'bounce' | 'delivered' | 'auto-reply' | 'feedback' | 'not-bounce';

export type DeliveryAction = 'failed' | 'delayed' | 'delivered' | 'relayed' | 'expanded';

/** Sisimai's reason vocabulary (plus `quota` signals, see below). */
export type BounceReason =
  | 'userunknown'
  | 'mailboxfull'
  | 'filtered'
  | 'expired'
  | 'hostunknown'
  | 'suspend'
  | 'blocked'
  | 'rejected'
  | 'policyviolation'
  | 'spamdetected'
  | 'networkerror'
  | 'authfailure'
  | 'requireptr'
  | 'securityerror'
  | 'systemerror'
  | 'notaccept'
  | 'onhold'
  | 'mailererror'
  | 'mesgtoobig'
  | 'toomanyconn'
  | 'norelaying'
  | 'hasmoved'
  | 'notcompliantrfc'
  | 'exceedlimit'
  | 'undefined'
  | 'badreputation'
  | 'contenterror'
  | 'virusdetected'
  | 'syntaxerror'
  | 'systemfull'
  | 'speeding'
  | 'failedstarttls'
  | 'delivered'
  | 'vacation'
  | 'feedback'
  | 'ratelimited'
  | 'emailtoolarge';

export interface BouncedRecipient {
  address: string;
  action: DeliveryAction | null;
  /** Enhanced status code, e.g. `5.1.1`. */
  status: string | null;
  /** True when the address itself is bad (userunknown, hostunknown, hasmoved, 5xx notaccept). */
  hard: boolean | null;
  reason: BounceReason | null;
  diagnostic: string | null;
  /**
   * For a delayed recipient, when the reporting server stops retrying (RFC 3464 Will-Retry-Until),
   * as ISO 8601. Only present when the notice says; not part of the `bounces parse` contract line.
   */
  retryUntil?: string;
}

/**
 * A notice that is about the *sender's* quota, not about a recipient: Gmail's "You have reached a
 * limit for sending mail", Exchange Online's 5.7.233 tenant/5.2.2-style sender limits. The throttle
 * pauses the mailbox on these.
 */
export interface SendingQuotaSignal {
  provider: 'gmail' | 'exchange' | 'unknown';
  detail: string;
}

export interface BounceReport {
  kind: MessageKind;
  recipients: BouncedRecipient[];
  /** Message-ID of the returned original, without angle brackets. */
  originalMessageId: string | null;
  /** Headers of the returned original that matter for attribution (e.g. `x-sendwell-id`). */
  originalHeaders?: Record<string, string>;
  quotaSignal?: SendingQuotaSignal | null;
  /** Which decoder recognised the message (for the benchmark's per-decoder table). */
  decoder?: string | null;
}
