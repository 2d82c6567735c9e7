import { reasonText } from './feed';
import type { RecipientOutcome, SendLife } from './sendLife';
import { formatWhen } from './time';

/** "in 12 min", "in 40 s": how long until `at`, from `now` (re-derived on every tick). */
export function untilText(at: Date, now: Date): string {
  const seconds = Math.max(1, Math.ceil((at.getTime() - now.getTime()) / 1000));
  if (seconds < 60) return `in ${seconds} s`;
  const minutes = Math.ceil(seconds / 60);
  return minutes < 60 ? `in ${minutes} min` : `in ${Math.round(minutes / 6) / 10} h`;
}

export function outcomeText(outcome: RecipientOutcome): string {
  const why = [outcome.reason && reasonText(outcome.reason), outcome.status].filter(Boolean).join(', ');
  if (outcome.state === 'delayed')
    return `delivery to ${outcome.recipient} is delayed (not bounced yet)${why ? `: ${why}` : ''}`;
  const kind = outcome.hard === true ? ' (hard)' : outcome.hard === false ? ' (soft)' : '';
  return `${outcome.recipient} bounced${kind}${why ? `: ${why}` : ''}`;
}

/** One line for a send, as of `now`: queued → sent → bounced / failed. */
export function lifeText(life: SendLife, now: Date): string {
  switch (life.state) {
    case 'queued':
      return 'Queued — going out now';
    case 'scheduled':
      return `Queued — goes out at ${formatWhen(life.sendAt!, now)} (${untilText(life.sendAt!, now)})`;
    case 'sent':
      return life.sentAt
        ? `Sent from your mailbox at ${formatWhen(life.sentAt, now)}`
        : 'Sent from your mailbox';
    case 'failed':
      return `Not sent: ${life.error ?? 'the provider refused it'}`;
    case 'bounced':
    case 'delayed':
      return `Sent, but ${life.outcomes.map(outcomeText).join('; ')}`;
  }
}
