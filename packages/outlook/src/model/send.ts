import type { SendAccepted } from '../api/types';
import { formatWhen } from './time';

/** What the rep reads after "Send with Sendwell": queued now, or scheduled for a later slot. */
export function describeAcceptedSend(send: SendAccepted, now: Date): string {
  const at = send.sendAt ? new Date(send.sendAt) : null;
  const when =
    at && at.getTime() > now.getTime() + 1000 ? `scheduled for ${formatWhen(at, now)}` : 'going out now';
  const status = send.status === 'queued' ? 'Queued' : `Accepted (${send.status})`;
  return `${status}: ${when}.${send.explanation ? ` ${send.explanation}` : ''}`;
}
