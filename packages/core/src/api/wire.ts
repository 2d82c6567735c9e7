import type { ChannelOverride } from '../channel/resolveChannel';
import type { ChannelKind, ProfileId } from '../channel/types';
import type { ConnectionEventType } from '../connection/types';
import type { Metric } from '../throttle/types';

/**
 * Shapes on the wire of Sendwell's HTTP API that more than one front end reads. One definition, so
 * the Outlook pane, the Gmail add-on and the server cannot drift apart.
 */

/** `GET /api/channel?host=…`: the channel a send from that host uses. */
export interface ChannelInfo {
  channel: { kind: ChannelKind; label: string; address: string; profileId: ProfileId };
  forced: boolean;
  /** English sentence for logs and old clients; front ends word the channel with the voice. */
  explanation: string;
  /** Which default channel a forced native send bypasses; null when none (show no override note). */
  override: ChannelOverride | null;
}

/** One rolling window of the mailbox's profile: the provider's ceiling, our target and what is used. */
export interface QuotaWindowInfo {
  id: string;
  /** The provider's limit in English words, e.g. "30 messages a minute" (the voice words its own). */
  label: string;
  metric: Metric;
  windowMs: number;
  /** The provider's published figure. */
  ceiling: number;
  /** The fraction of the ceiling Sendwell aims for (0.9: stop at 90%). */
  margin: number;
  /** Where Sendwell stops: floor(ceiling × margin). */
  target: number;
  used: number;
  remaining: number;
}

/**
 * `GET /api/quota?host=…`: today's budget of the mailbox. `When` is `string` on the wire (ISO 8601);
 * the server builds it with `Date`s, which JSON turns into the same strings.
 */
export interface QuotaInfo<When = string> {
  profileId: ProfileId;
  /** The provider as people know it: "Gmail", "Exchange Online". */
  providerName: string;
  /** Rolling 24 h counts (queued reservations included). */
  used: Record<Metric, number>;
  /** Our daily target per count (the tightest day window); null where the provider sets none. */
  limits: Record<Metric, number | null>;
  remaining: Record<Metric, number | null>;
  windows: QuotaWindowInfo[];
  /** When the next one-recipient send fits; null when one fits now. */
  nextFreeAt: When | null;
  pausedUntil: When | null;
  /** The provider's words for a pause (e.g. a 429's text), when paused. */
  pauseReason: string | null;
  queued: number;
  /** The team's batch setting as the planner applies it; null (or absent) when the team has none. */
  batch?: BatchInfo | null;
}

/**
 * The team's "batch of N every S seconds" (Marketo parity) and what the planner makes of it: a
 * setting faster than the provider's per-minute limit is clamped, and the answer says so.
 */
export interface BatchInfo {
  /** What the team admin set. */
  requested: { size: number; everySeconds: number };
  /** What the planner enforces. */
  effective: { size: number; everySeconds: number };
  clamped: boolean;
  /** The provider window that forced the clamp; null when the setting fits as it is. */
  clampedBy: { id: string; label: string; target: number } | null;
  /** One English sentence for logs and old clients, e.g. why the setting was lowered. */
  explanation: string;
}

/** Messages and recipients of a template's sends, counted separately. */
export interface AnalyticsCounts {
  /** Messages submitted to the provider. */
  messages: number;
  /** Recipients (To + Cc + Bcc) of those messages. */
  recipients: number;
  /** Messages with at least one recipient that failed (not merely delayed). */
  messagesBounced: number;
  /** Recipients that failed: hard + soft + unclassified. */
  recipientsBounced: number;
  recipientsHardBounced: number;
  recipientsSoftBounced: number;
  /** Recipients with a delay notice and no failure (yet). */
  recipientsDelayed: number;
}

/**
 * `GET /api/templates/:id/analytics`: the team's sends of the template (everyone in the tenant) and
 * the asking rep's own, so no front end shows team figures as if they were the rep's.
 */
export interface TemplateAnalytics {
  templateId: string;
  team: AnalyticsCounts;
  mine: AnalyticsCounts;
}

export type FeedEventType =
  | 'send.queued'
  | 'send.rescheduled'
  | 'send.submitted'
  | 'send.failed'
  | 'bounce'
  | 'throttle.paused'
  | 'throttle.resumed'
  /** A send waits for its mailbox's connection (needs reconnect, disconnected, disabled). */
  | 'send.held'
  | ConnectionEventType;

/** One live-feed event: the SSE `data` of `GET /api/feed`, and the items of `/api/feed/recent`. */
export interface FeedEvent {
  /** The server's event id (also the SSE id), so a client can drop events replayed on reconnect. */
  id: number;
  type: FeedEventType;
  at: string;
  /** Whose event it is (the feed's "mine" filter); a teammate's in the team scope. */
  userId?: string;
  sendId: string | null;
  recipient: string | null;
  templateId: string | null;
  /**
   * Bounces: `hard`, `reason` (Sisimai name), `status`, `action`, `diagnostic`, `subject`; sends: `to`,
   * `subject`, `sendAt`, `error`; a held-back send (`send.rescheduled`): the new `sendAt`,
   * `previousSendAt`, `limitedBy` (the planner's rule, or `retry`), `windowId`, `profileId`, `reason`;
   * pauses: `until`, `reason`; a held send (`send.held`): `state`, `problem`; connection events:
   * `mailboxId`, `provider`, `address`, `problem` (needs-reconnect), `released` (sends a reconnect let go).
   */
  detail: FeedEventDetail;
}

export type FeedEventDetail = {
  hard?: boolean | null;
  reason?: string | null;
  status?: string | null;
  action?: string | null;
} & Record<string, unknown>;
