import { fromWallTime, wallTime } from '@sendwell/core';

/** The server refuses a `sendAt` more than a year out (422 `send-at-too-far`); the pane says so first. */
const MAX_AHEAD_MS = 365 * 86_400_000;

export type SendAtChoice =
  /** Nothing typed, or a time already past: it goes now (the server treats a past `sendAt` so). */
  | { outcome: 'now' }
  | { outcome: 'at'; at: Date }
  | { outcome: 'too-far' }
  /** Not a date and time the field could have produced (a browser without the picker). */
  | { outcome: 'invalid' };

const INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * What a `datetime-local` value means for the rep: a wall-clock time in their zone (not the
 * browser's idea of UTC), so "Tue 09:00" is nine in the morning where the rep is.
 */
export function readSendAt(value: string, zone: string, now: Date): SendAtChoice {
  if (!value.trim()) return { outcome: 'now' };
  const match = INPUT.exec(value.trim());
  if (!match) return { outcome: 'invalid' };
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  // "Feb 31" would roll over to March in Date.UTC: a date the calendar does not have is refused, not moved.
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day || hour > 23 || minute > 59)
    return { outcome: 'invalid' };
  const at = fromWallTime({ year, month, day, hour, minute, second: 0, millisecond: 0 }, zone);
  if (at.getTime() <= now.getTime()) return { outcome: 'now' };
  if (at.getTime() - now.getTime() > MAX_AHEAD_MS) return { outcome: 'too-far' };
  return { outcome: 'at', at };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `now` as the field's value in the rep's zone: the earliest the picker offers. */
export function sendAtInputValue(now: Date, zone: string): string {
  const w = wallTime(now, zone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}
