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
  const f = formatters(timeZone);
  const time = f.time.format(at);
  if (f.day.format(at) === f.day.format(now)) return time;
  return `${f.weekday.format(at)} ${time}`;
}

interface Formatters {
  time: Intl.DateTimeFormat;
  day: Intl.DateTimeFormat;
  weekday: Intl.DateTimeFormat;
}

// Building an Intl.DateTimeFormat costs far more than a planning decision, so build each zone's once.
const FORMATTERS = new Map<string, Formatters>();

function formatters(timeZone: string): Formatters {
  let f = FORMATTERS.get(timeZone);
  if (!f) {
    f = {
      time: new Intl.DateTimeFormat('en-GB', {
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        timeZone,
      }),
      day: new Intl.DateTimeFormat('en-GB', { dateStyle: 'short', timeZone }),
      weekday: new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone }),
    };
    FORMATTERS.set(timeZone, f);
  }
  return f;
}
