import type { SendAccepted } from '../api/types';
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
