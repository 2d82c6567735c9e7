import type { FeedEvent } from '../api/wire';
import type { ProfileId } from '../channel/types';
import type { ConnectionProblem } from '../connection/types';
import { applyNews, describesSend, isOwnRowEvent, newsRow, noNews } from './feedNews';
import type { FeedFilter, FeedRow, RecipientOutcome, SendHold, SendPhase, SendRow, SlotRule } from './types';

const str = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

// A later phase never goes back: a late-arriving "queued" does not undo "sent".
const PHASE_RANK: Record<SendPhase, number> = { queued: 0, sent: 1, failed: 2, cancelled: 2 };

/**
 * Fold feed events into rows: ONE row per send that updates through its life (queued → sent →
 * each recipient's bounce or delay, or failed), and pauses, resumes and unattributed bounces as rows
 * of their own. Pure and order-proof: events are de-duplicated by id and applied in id order, so a
 * replay on reconnect or an out-of-order delivery gives the same rows. Newest row first, by when the
 * row started, so a row that updates stays where it is.
 */
export function foldFeed(events: readonly FeedEvent[]): FeedRow[] {
  const unique = new Map<number, FeedEvent>();
  for (const event of events) unique.set(event.id, event);
  const ordered = [...unique.values()].sort((a, b) => a.id - b.id);
  const rows = new Map<string, FeedRow>();
  for (const event of ordered) {
    const ofSend = event.sendId && !isOwnRowEvent(event.type);
    const key = ofSend ? `send:${event.sendId}` : `event:${event.id}`;
    const row = ofSend ? applyToSend(rows.get(key) as SendRow | undefined, event) : standalone(event);
    if (row) rows.set(key, row);
  }
  return [...rows.values()].sort(
    (a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt) || (b.key < a.key ? -1 : 1),
  );
}

/** Keep the rows a reader asked for: their own or the team's, and optionally only those with a bounce. */
export function filterFeed(rows: readonly FeedRow[], filter: FeedFilter): FeedRow[] {
  return rows.filter((row) => {
    if (filter.scope === 'mine' && row.userId !== null && row.userId !== filter.userId) return false;
    if (!filter.bouncesOnly) return true;
    if (row.kind === 'bounce') return row.recipient.state === 'bounced';
    return row.kind === 'send' && row.recipients.some((r) => r.state === 'bounced');
  });
}

function base(event: FeedEvent, key: string) {
  return { key, userId: event.userId ?? null, startedAt: event.at, updatedAt: event.at };
}

function standalone(event: FeedEvent): FeedRow | null {
  const key = `event:${event.id}`;
  const d = event.detail;
  switch (event.type) {
    case 'throttle.paused':
      return { ...base(event, key), kind: 'pause', until: str(d.until), reason: str(d.reason) };
    case 'throttle.resumed':
      return { ...base(event, key), kind: 'resume', reason: str(d.reason) };
    case 'bounce':
      return event.recipient ? { ...base(event, key), kind: 'bounce', recipient: outcomeOf(event) } : null;
    case 'connection.connected':
    case 'connection.reconnected':
    case 'connection.needs-reconnect':
    case 'connection.disconnected':
    case 'connection.disabled':
    case 'connection.enabled':
      return {
        ...base(event, key),
        kind: 'connection',
        event: event.type,
        address: str(d.address),
        problem: (str(d.problem) as ConnectionProblem | null) ?? null,
        released: typeof d.released === 'number' ? d.released : 0,
      };
    default:
      // Campaign, suppression and unattributed reply rows; a send event without a send id shows nothing.
      return newsRow(event, base(event, key));
  }
}

function emptySend(event: FeedEvent, sendId: string): SendRow {
  return {
    ...base(event, `send:${sendId}`),
    kind: 'send',
    sendId,
    templateId: event.templateId,
    to: [],
    subject: null,
    phase: 'queued',
    queuedAt: null,
    sendAt: null,
    slotReason: null,
    slot: null,
    sentAt: null,
    failedAt: null,
    error: null,
    cancelledAt: null,
    cancelledBy: null,
    cancelReason: null,
    recipients: [],
    held: null,
    ...noNews(),
  };
}

function applyToSend(existing: SendRow | undefined, event: FeedEvent): SendRow {
  const row = { ...(existing ?? emptySend(event, event.sendId!)) };
  if (Date.parse(event.at) < Date.parse(row.startedAt)) row.startedAt = event.at;
  if (Date.parse(event.at) > Date.parse(row.updatedAt)) row.updatedAt = event.at;
  row.userId ??= event.userId ?? null;
  row.templateId ??= event.templateId;
  const d = event.detail;
  if (describesSend(event.type)) {
    if (strings(d.to).length) row.to = strings(d.to);
    row.subject = str(d.subject) ?? row.subject;
  }
  switch (event.type) {
    case 'send.queued':
      row.queuedAt = event.at;
      row.sendAt = str(d.sendAt);
      row.slotReason = str(d.reason);
      row.slot = slotRule(d);
      break;
    case 'send.held':
      row.held = holdOf(d);
      break;
    case 'send.rescheduled':
      // The worker held it back (pacing, a pause, a 429, a retry): same row, still queued, new time.
      row.held = null;
      row.sendAt = str(d.sendAt) ?? row.sendAt;
      row.slotReason = str(d.reason) ?? row.slotReason;
      row.slot = slotRule(d) ?? row.slot;
      break;
    case 'send.submitted':
      row.held = null;
      row.sentAt = event.at;
      row.phase = advance(row.phase, 'sent');
      break;
    case 'send.failed':
      row.held = null;
      row.failedAt = event.at;
      row.error = str(d.error) ?? str(d.message);
      row.phase = advance(row.phase, 'failed');
      break;
    case 'send.cancelled':
      // Only a waiting send can be cancelled; it never reaches the provider afterwards.
      row.held = null;
      row.cancelledAt = event.at;
      row.cancelledBy = d.bySender === false ? (str(d.byName) ?? null) : null;
      // No person cancelled it (a campaign exit, a suppression): the server's reason says why.
      row.cancelReason = d.bySender === undefined ? str(d.reason) : null;
      row.phase = advance(row.phase, 'cancelled');
      break;
    case 'bounce':
      // A notice proves the message left, even if its "sent" event has not arrived yet.
      row.phase = advance(row.phase, 'sent');
      if (event.recipient) row.recipients = withOutcome(row.recipients, outcomeOf(event));
      break;
    default:
      // Replies, opt-outs, opens and clicks; pauses, resumes and connection changes tied to no send
      // are rows of their own (see standalone).
      applyNews(row, event);
      break;
  }
  row.recipients = withListed(row.recipients, row.to);
  return row;
}

const LIMITS: readonly SlotRule['limitedBy'][] = [
  'none',
  'window',
  'batch',
  'pause',
  'queue',
  'pace',
  'retry',
];

function slotRule(d: FeedEvent['detail']): SlotRule | null {
  const limitedBy = LIMITS.find((l) => l === d.limitedBy);
  if (!limitedBy) return null;
  return { limitedBy, windowId: str(d.windowId), profileId: (str(d.profileId) as ProfileId | null) ?? null };
}

const advance = (from: SendPhase, to: SendPhase): SendPhase =>
  PHASE_RANK[to] > PHASE_RANK[from] ? to : from;

function outcomeOf(event: FeedEvent): RecipientOutcome {
  const d = event.detail;
  const delayed = d.action === 'delayed' || d.delayed === true;
  return {
    address: event.recipient ?? '',
    state: delayed ? 'delayed' : 'bounced',
    hard: delayed ? null : (d.hard ?? null),
    reason: str(d.reason),
    status: str(d.status),
    retryUntil: str(d.retryUntil) ?? str(d.willRetryUntil),
    at: event.at,
  };
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** A failure outranks a delay for the same recipient; a later delay never hides an earlier bounce. */
function withOutcome(list: RecipientOutcome[], next: RecipientOutcome): RecipientOutcome[] {
  const known = list.find((r) => same(r.address, next.address));
  if (!known) return [...list, next];
  const keep = known.state === 'bounced' && next.state !== 'bounced';
  const merged = keep
    ? known
    : { ...next, hard: next.hard ?? (known.state === 'bounced' ? known.hard : null) };
  return list.map((r) => (r === known ? merged : r));
}

/** Every addressee shows, with "sent" until a notice says otherwise. */
function withListed(list: RecipientOutcome[], to: string[]): RecipientOutcome[] {
  const missing = to.filter((address) => !list.some((r) => same(r.address, address)));
  const added = missing.map(
    (address): RecipientOutcome => ({
      address,
      state: 'sent',
      hard: null,
      reason: null,
      status: null,
      retryUntil: null,
      at: null,
    }),
  );
  const all = [...list, ...added];
  // Keep the `to` order the rep typed, then anyone only a notice named.
  const rank = (r: RecipientOutcome) => {
    const i = to.findIndex((a) => same(a, r.address));
    return i === -1 ? to.length : i;
  };
  return all.sort((a, b) => rank(a) - rank(b));
}

const HOLD_STATES: readonly SendHold['state'][] = ['needs-reconnect', 'disconnected', 'disabled'];

function holdOf(d: FeedEvent['detail']): SendHold {
  const state = HOLD_STATES.find((h) => h === d.state) ?? 'needs-reconnect';
  return { state, problem: (str(d.problem) as ConnectionProblem | null) ?? null };
}
