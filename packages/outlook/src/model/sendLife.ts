import type { FeedEvent, SendAccepted } from '../api/types';

/** Where a send is in its life, from the server's answer and the feed events about it. */
export type LifeState = 'queued' | 'scheduled' | 'sent' | 'delayed' | 'bounced' | 'failed';

export interface RecipientOutcome {
  recipient: string;
  state: 'bounced' | 'delayed';
  hard: boolean | null;
  reason: string | null;
  status: string | null;
}

export interface SendLife {
  id: string;
  to: string[];
  state: LifeState;
  /** When it is due to go out (queued/scheduled). */
  sendAt: Date | null;
  /** When the provider took it (sent and after). */
  sentAt: Date | null;
  error: string | null;
  /** Per recipient, the latest notice: a bounce outranks a delay. */
  outcomes: RecipientOutcome[];
}

interface EventDetail {
  hard?: boolean | null;
  reason?: string | null;
  status?: string | null;
  action?: string | null;
  delayed?: boolean;
  error?: string;
  message?: string;
}

const detailOf = (event: FeedEvent): EventDetail =>
  event.detail && typeof event.detail === 'object' ? (event.detail as EventDetail) : {};

const isDelay = (detail: EventDetail) => detail.delayed === true || detail.action === 'delayed';

/** One outcome per recipient, oldest event first so a later bounce replaces an earlier delay. */
function outcomesOf(bounces: readonly FeedEvent[]): RecipientOutcome[] {
  const byRecipient = new Map<string, RecipientOutcome>();
  for (const event of [...bounces].reverse()) {
    const detail = detailOf(event);
    const recipient = event.recipient ?? 'a recipient';
    const state = isDelay(detail) ? 'delayed' : 'bounced';
    if (state === 'delayed' && byRecipient.get(recipient)?.state === 'bounced') continue;
    const { hard = null, reason = null, status = null } = detail;
    byRecipient.set(recipient, { recipient, state, hard: state === 'bounced' ? hard : null, reason, status });
  }
  return [...byRecipient.values()];
}

function stateOf(events: readonly FeedEvent[], outcomes: RecipientOutcome[]): LifeState | null {
  if (events.some((event) => event.type === 'send.failed')) return 'failed';
  if (outcomes.some((outcome) => outcome.state === 'bounced')) return 'bounced';
  if (outcomes.length) return 'delayed';
  if (events.some((event) => event.type === 'send.submitted')) return 'sent';
  return null;
}

/** A send's life as of `now`; `events` are the feed's, newest first. Derived, never stored: it cannot go stale. */
export function followSend(send: SendAccepted, events: readonly FeedEvent[], now: Date): SendLife {
  const mine = events.filter((event) => event.sendId === send.id);
  const outcomes = outcomesOf(mine.filter((event) => event.type === 'bounce'));
  const submitted = mine.find((event) => event.type === 'send.submitted');
  const failed = mine.find((event) => event.type === 'send.failed');
  const sendAt = send.sendAt ? new Date(send.sendAt) : null;
  const alreadySent = send.status === 'submitted' ? 'sent' : null;
  const waiting = sendAt && sendAt.getTime() > now.getTime() + 1000 ? 'scheduled' : 'queued';
  const failure = failed ? detailOf(failed) : null;
  return {
    id: send.id,
    to: send.to ?? [],
    state: stateOf(mine, outcomes) ?? alreadySent ?? waiting,
    sendAt,
    sentAt: submitted ? new Date(submitted.at) : null,
    error: failure ? (failure.error ?? failure.message ?? null) : null,
    outcomes,
  };
}

const SEVERITY: LifeState[] = ['failed', 'bounced', 'delayed', 'scheduled', 'queued', 'sent'];

/** The state to headline for several messages: the one that needs the rep's attention most. */
export function overallState(lives: readonly SendLife[]): LifeState {
  return SEVERITY.find((state) => lives.some((life) => life.state === state)) ?? 'queued';
}
