import type { ProfileId } from '../channel/types';

export type { ProfileId };

/** What a rolling window counts: messages, or recipients (To+Cc+Bcc), or external recipients only. */
export type Metric = 'messages' | 'recipients' | 'external';

/** Where a number comes from, so an admin can check it (see the README's table). */
export interface LimitSource {
  /** The publisher's page or our own reasoning, e.g. "Exchange Online limits (service description)". */
  title: string;
  url?: string;
  /** Where our research notes quote it: a file and section under shared/reference/. */
  reference?: string;
  /** True when the figure is second-hand or inferred rather than quoted from the provider. */
  unconfirmed?: boolean;
}

/**
 * One rolling window: at any instant x, the sum of `metric` over reservations in (x - windowMs, x]
 * stays at or under `target`. `target = floor(ceiling * margin)`: we aim under the provider's figure
 * because its counters also see mail we don't (web UI sends, other devices) and limits move.
 */
export interface WindowLimit {
  id: string;
  metric: Metric;
  windowMs: number;
  /** The provider's published ceiling. */
  ceiling: number;
  /** Fraction of the ceiling we aim for (0 < margin <= 1). */
  margin: number;
  /** What the planner actually enforces. */
  target: number;
  /** For people: "30 messages a minute". */
  label: string;
  source: LimitSource;
  /** Why this window exists when it is not a plain provider count (e.g. a bound on unique recipients). */
  note?: string;
}

export interface ThrottleProfile {
  id: ProfileId;
  /** "Exchange Online", used in explanations. */
  name: string;
  windows: WindowLimit[];
  /** A hard per-message fact: a request above it can never be sent and is rejected. */
  maxRecipientsPerMessage: { value: number; source: LimitSource };
  /** Our pacing: at least this long between two sends of one mailbox, so bursts are spread out. */
  minIntervalMs: number;
  notes: string[];
}

/** A reservation: a message sent or scheduled through this mailbox. */
export interface Reservation {
  at: Date;
  recipients: number;
  external: number;
}

export interface SendRequest {
  recipients: number;
  external: number;
}

/** The admin's "batch size B every S seconds" (Marketo parity). */
export interface BatchSetting {
  size: number;
  everySeconds: number;
}

/** Which constraint decided the slot, for UIs that want more than the sentence. */
export type LimitedBy = 'none' | 'window' | 'batch' | 'pause' | 'queue' | 'pace';

export interface PlanInput {
  profile: ThrottleProfile;
  /** Reservations of this mailbox; older than the longest window are ignored, order does not matter. */
  history: Reservation[];
  request: SendRequest;
  now: Date;
  batch?: BatchSetting | null;
  pausedUntil?: Date | null;
}

export type PlanResult =
  | { outcome: 'slot'; sendAt: Date; waitMs: number; reason: string; limitedBy: LimitedBy; windowId?: string }
  | { outcome: 'rejected'; code: 'too-many-recipients'; message: string };

/** Thrown for requests that are malformed rather than impossible (negative counts, external > recipients). */
export class ThrottleInputError extends Error {
  override readonly name = 'ThrottleInputError';
}
