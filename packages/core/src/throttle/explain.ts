import type { Slot } from './ledger';
import type { ThrottleProfile } from './types';

export interface ExplainContext {
  profile: ThrottleProfile;
  now: number;
  slot: Slot;
  timeZone?: string;
  /** Sentence about the admin's batch setting, when one applies. */
  batchText?: string;
}

/** One sentence a rep can read: when the message goes and which rule decided it. */
export function explainSlot(ctx: ExplainContext): string {
  const { profile, slot } = ctx;
  if (slot.at <= ctx.now) return `Sends now: within ${profile.name}'s limits.`;
  const when = `Next slot ${formatWhen(slot.at, ctx.now, ctx.timeZone)}`;
  switch (slot.limitedBy) {
    case 'window': {
      const limit = slot.window;
      if (!limit) return `${when}.`;
      const aim = limit.target < limit.ceiling ? ` (we aim for ${limit.target.toLocaleString('en-US')})` : '';
      return `${when}: ${profile.name} allows ${limit.label}${aim}.`;
    }
    case 'batch':
      return `${when}: ${ctx.batchText ?? 'your team sends in batches.'}`;
    case 'pause':
      return `${when}: ${profile.name} asked us to pause sending from this mailbox until then.`;
    case 'queue':
      return `${when}: after the messages already queued for this mailbox.`;
    case 'pace':
      return `${when}: sends from one mailbox are spaced ${Math.round(profile.minIntervalMs / 1000)} seconds apart.`;
    default:
      return `${when}.`;
  }
}

/** "in 12 s" for short waits, "09:14" today, "Tue 09:14" on another day. */
export function formatWhen(at: number, now: number, timeZone = 'UTC'): string {
  const waitMs = at - now;
  if (waitMs < 60_000) return `in ${Math.max(1, Math.ceil(waitMs / 1000))} s`;
  const time = new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(at);
  const day = (t: number) => new Intl.DateTimeFormat('en-GB', { dateStyle: 'short', timeZone }).format(t);
  if (day(at) === day(now)) return time;
  const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone }).format(at);
  return `${weekday} ${time}`;
}
