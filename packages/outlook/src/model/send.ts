import type { FeedEvent, SendAccepted } from '../api/types';
import { describeFeedEvent } from './feed';
import { formatWhen } from './time';

export interface AcceptedSendView {
  title: string;
  /** The server's explanation: channel and throttle reasoning. */
  detail: string | null;
}

const STATUS_WORDS: Record<string, string> = {
  queued: 'Queued',
  scheduled: 'Queued',
  sending: 'Sending',
  submitted: 'Sent',
  failed: 'Failed',
};

/** What the rep reads after "Send with Sendwell": queued to go now, or scheduled for a later slot. */
export function describeAcceptedSend(send: SendAccepted, now: Date): AcceptedSendView {
  const at = send.sendAt ? new Date(send.sendAt) : null;
  const later = at !== null && at.getTime() > now.getTime() + 1000;
  const status = STATUS_WORDS[send.status] ?? send.status;
  const when = later ? `scheduled for ${formatWhen(at, now)}` : 'going out now';
  const title = status === 'Queued' ? `${status} — ${when}` : status;
  return { title, detail: send.explanation?.trim() || null };
}

export interface SendProgress {
  state: 'submitted' | 'failed' | 'bounced' | 'delayed' | 'paused';
  text: string;
}

/** What became of a send after it was queued, from the newest feed event about it (events newest first). */
export function sendProgress(sendId: string, events: readonly FeedEvent[], now: Date): SendProgress | null {
  const latest = events.find((event) => event.sendId === sendId && event.type !== 'send.queued');
  if (!latest) return null;
  const view = describeFeedEvent(latest, now);
  const text = view.detail ? `${view.title} · ${view.detail}` : view.title;
  switch (latest.type) {
    case 'send.submitted':
      return {
        state: 'submitted',
        text: `Sent from your mailbox at ${formatWhen(new Date(latest.at), now)}`,
      };
    case 'send.failed':
      return { state: 'failed', text };
    case 'bounce':
      return { state: view.tone === 'warning' ? 'delayed' : 'bounced', text };
    case 'throttle.paused':
      return { state: 'paused', text };
    default:
      return null;
  }
}
