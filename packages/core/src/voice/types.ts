import type { ProfileId } from '../channel/types';
import type { ConnectionEventType, ConnectionProblem, ConnectionState } from '../connection/types';
import type { Clock } from '../ports/clock';
import type { LimitedBy } from '../throttle/types';
import type { Locale } from './locale';

export interface VoiceOptions {
  locale: Locale;
  /** IANA zone of the rep (Office's mailbox zone, the Gmail event's `timeZone.id`); UTC when unknown. */
  timeZone?: string;
  /** "Now" for "today" and "in 12 s"; injected so tests and cards agree on it. */
  clock: Clock;
}

/** A time on the wire (ISO string) or in memory. */
export type Instant = Date | string;

export type Tone = 'info' | 'success' | 'warning' | 'error';

/** One recipient of one send, as the feed knows it. */
export interface RecipientOutcome {
  address: string;
  /** `sent`: no notice (delivered as far as we know); `delayed`: a delay notice, not bounced yet. */
  state: 'sent' | 'delayed' | 'bounced';
  /** Bounces: true = the address itself is bad, false = temporary, null = unclassified. */
  hard: boolean | null;
  /** Sisimai reason name (`userunknown`, `mailboxfull`, …) from the bounce engine. */
  reason: string | null;
  /** Enhanced status code, e.g. `5.1.1`. */
  status: string | null;
  /** Delays: until when the provider keeps trying, when the notice says. */
  retryUntil: string | null;
  /** When the latest notice for this recipient arrived. */
  at: string | null;
}

/** Where a send is in its life; bounces and delays are per recipient (`recipients`). */
/** `cancelled`: stopped before it went, by the rep or a team admin (`send.cancelled`). */
export type SendPhase = 'queued' | 'sent' | 'failed' | 'cancelled';

/** One row of the feed: a send that updates through its life, or a pause/resume/unattributed bounce. */
export type FeedRow =
  | SendRow
  | PauseRow
  | ResumeRow
  | StrayBounceRow
  | ConnectionRow
  | CampaignRow
  | SuppressionRow
  | StrayReplyRow;

interface RowBase {
  /** Stable across updates: `send:<id>` or `event:<id>`. */
  key: string;
  /** Whose row it is; absent on events from servers that do not say (treated as the reader's own). */
  userId: string | null;
  /** When the row started (its first event): rows are ordered by it, so they never jump around. */
  startedAt: string;
  /** The latest event folded into it. */
  updatedAt: string;
}

export interface SendRow extends RowBase {
  kind: 'send';
  sendId: string;
  templateId: string | null;
  to: string[];
  subject: string | null;
  phase: SendPhase;
  queuedAt: string | null;
  /** The slot the planner gave it. */
  sendAt: string | null;
  /** The planner's English reason for the slot (no times in it), for logs and old servers. */
  slotReason: string | null;
  /** The rule that decided the slot, as data (the voice words it); null when the server did not say. */
  slot: SlotRule | null;
  sentAt: string | null;
  failedAt: string | null;
  error: string | null;
  cancelledAt: string | null;
  /** Who cancelled it when it was not the sender (a team admin's name); null otherwise. */
  cancelledBy: string | null;
  /** Why the server stopped it when no person did ("Campaign ended: the email before bounced."). */
  cancelReason: string | null;
  /** Every recipient we know of: the `to` list, plus any a notice names. */
  recipients: RecipientOutcome[];
  /** Waiting for its mailbox's connection (`send.held`); null once it moves on. */
  held: SendHold | null;
  /** People who answered (`reply` events), each once; auto-replies are counted apart, never here. */
  replies: ReplyNote[];
  /** Out-of-office and other automatic answers (`auto-reply`): shown, never counted as replies. */
  autoReplies: string[];
  /** The recipient unsubscribed (one-click) or reported the email as spam (ARF). */
  optOut: 'unsubscribe' | 'complaint' | null;
  /** Opens and clicks (when the team tracks them), people and machines apart. */
  engagement: EngagementTally;
}

export interface ReplyNote {
  from: string;
  at: string;
}

export interface EngagementTally {
  opens: number;
  clicks: number;
  /** Opens and clicks by privacy proxies and link scanners (not people). */
  machine: number;
}

/** A person's way through a campaign, or the campaign's pause and resume. */
export interface CampaignRow extends RowBase {
  kind: 'campaign';
  event: 'campaign.enrolled' | 'campaign.left' | 'campaign.finished' | 'campaign.paused' | 'campaign.resumed';
  campaignId: string | null;
  campaignName: string | null;
  email: string | null;
  /** `campaign.left`: the left reason; `campaign.paused`: who paused it (`circuit-breaker`, …). */
  reason: string | null;
  /** `campaign.enrolled`: how many people joined at once. */
  count: number;
  /** The breaker's evidence on `campaign.paused`. */
  breaker: { bounced: number; window: number; threshold: number } | null;
}

/** An address suppressed for the team, or its suppression lifted. */
export interface SuppressionRow extends RowBase {
  kind: 'suppression';
  event: 'suppression.added' | 'suppression.lifted';
  email: string | null;
  reason: string | null;
}

/** A reply the scanner could not tie to a send (it is listed with its evidence under Unattributed). */
export interface StrayReplyRow extends RowBase {
  kind: 'reply';
  from: string | null;
  auto: boolean;
}

/** Why a send waits for its mailbox: the connection's state (and problem) when it was held. */
export interface SendHold {
  state: Exclude<ConnectionState, 'connected'>;
  problem: ConnectionProblem | null;
}

/** A change in a mailbox connection's life (connected, needs reconnect, reconnected, …). */
export interface ConnectionRow extends RowBase {
  kind: 'connection';
  event: ConnectionEventType;
  address: string | null;
  problem: ConnectionProblem | null;
  /** Held sends a reconnect let go. */
  released: number;
}

/** How a connection reads in a banner; `action` says which button belongs there, if any. */
export interface ConnectionWords {
  tone: Tone;
  title: string;
  /** The problem, the held sends, the on-premises note: sentences to show under the title. */
  detail: string | null;
  action: 'connect' | 'reconnect' | null;
  /** The button's label for `action`. */
  actionLabel: string | null;
}

/**
 * Which throttle rule decided a send's slot (the planner's `limitedBy`, with the window and profile),
 * or `retry` when the worker moved it to try again after the provider did not take it.
 */
export interface SlotRule {
  limitedBy: LimitedBy | 'retry';
  windowId: string | null;
  profileId: ProfileId | null;
}

export interface PauseRow extends RowBase {
  kind: 'pause';
  until: string | null;
  reason: string | null;
}

export interface ResumeRow extends RowBase {
  kind: 'resume';
  reason: string | null;
}

/** A bounce we could not tie to a send (e.g. mail sent outside Sendwell). */
export interface StrayBounceRow extends RowBase {
  kind: 'bounce';
  recipient: RecipientOutcome;
}

export interface FeedFilter {
  bouncesOnly?: boolean;
  scope: 'mine' | 'team';
  /** The reader: `mine` keeps their rows. */
  userId: string;
}

/** A line the UI shows, with the tone it is shown in. */
export interface Line {
  tone: Tone;
  text: string;
}

/** How a channel reads. `override` is null when no override note belongs on screen. */
export interface ChannelWords {
  /** "Sends through Gmail — your mailbox" */
  title: string;
  address: string;
  /** "Sends from Gmail always go through your own mailbox." (null for web sends) */
  forced: string | null;
  /** "Not your default channel (Team SMTP)." */
  override: string | null;
}

export interface QuotaWords {
  /** "412 of 1,800 messages in the last 24 hours" (our target, not the provider's ceiling). */
  headline: string;
  /** One line per daily count with a target (messages first), the headline included. */
  lines: string[];
  /** "Gmail allows 2,000 messages a day; Sendwell stops at 90% (1,800) so a burst never meets Gmail's limit." */
  ceiling: string | null;
  /** Short windows: "3 of 27 messages this minute · Exchange Online allows 30". */
  windows: string[];
  /** "A send fits now" / "Next free slot in 12 s" / "Next free slot 2:57 PM". */
  nextSlot: string;
  /** "Paused by Gmail until 3:10 PM: <reason>", or null. */
  paused: string | null;
  /** "3 queued", or null. */
  queued: string | null;
  /** The team's batch setting as applied, and why it was lowered when it was; null without one. */
  batch: string | null;
}

export interface RowWords {
  tone: Tone;
  /** "Sent to ada@x.test, bob@y.test" */
  title: string;
  /** "1 delayed · 1 bounced" or the pause reason; null when nothing to add. */
  detail: string | null;
  /** The row's status line: "Queued for 2:57 PM", "Sent 2:58 PM", "Failed 3:01 PM: …". */
  status: string;
  /** One line per recipient that has news (bounced or delayed); empty when all is well. */
  recipients: Line[];
  /** The row's time, in the rep's clock convention. */
  time: string;
}

export type AnalyticsScope = 'team' | 'mine';
