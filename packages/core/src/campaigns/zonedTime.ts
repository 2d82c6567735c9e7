/**
 * Wall-clock arithmetic in an IANA zone with nothing but `Intl`: what a date reads in a zone, and
 * which instant a wall-clock reading is (DST gaps and overlaps resolved the way a rep expects).
 */

/** A wall-clock reading; `month` 1–12, `weekday` 0 = Sunday … 6 = Saturday. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number;
}

const FORMATS = new Map<string, Intl.DateTimeFormat>();

function formatIn(zone: string): Intl.DateTimeFormat {
  let format = FORMATS.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    FORMATS.set(zone, format);
  }
  return format;
}

/** What `at` reads on a clock in `zone`. */
export function wallTime(at: Date, zone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const part of formatIn(zone).formatToParts(at))
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  const { year, month, day } = parts as { year: number; month: number; day: number };
  return {
    year,
    month,
    day,
    hour: parts.hour! % 24,
    minute: parts.minute!,
    second: parts.second!,
    millisecond: at.getUTCMilliseconds(),
    weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay(),
  };
}

/** The wall reading as if it were UTC: handy for calendar arithmetic (Date.UTC normalises overflow). */
const asUtc = (w: Omit<WallTime, 'weekday'>) =>
  Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);

/** `zone`'s offset from UTC at `at`, in ms (Paris in winter: +3,600,000). */
function offsetAt(at: number, zone: string): number {
  const w = wallTime(new Date(at), zone);
  return asUtc(w) - at;
}

/**
 * The instant a wall-clock reading names in `zone`. A reading that happens twice (the hour clocks go
 * back) is its first occurrence; one that never happens (the hour clocks skip) is moved forward by the
 * gap, so "2:30" on a spring-forward night is 3:30 — never earlier than asked.
 */
export function fromWallTime(w: Omit<WallTime, 'weekday'>, zone: string): Date {
  const wall = asUtc(w);
  const DAY = 86_400_000;
  // The offsets on either side: no real zone changes offset twice within three days.
  const offsets = [...new Set([offsetAt(wall - 1.5 * DAY, zone), offsetAt(wall + 1.5 * DAY, zone)])];
  const candidates = offsets.map((offset) => wall - offset);
  const exact = candidates.filter((t) => asUtc(wallTime(new Date(t), zone)) === wall);
  return new Date(exact.length ? Math.min(...exact) : Math.max(...candidates));
}

/** The same wall date `days` later (or earlier), normalised ("Jan 32" is "Feb 1"). */
export function addWallDays<T extends Omit<WallTime, 'weekday'>>(w: T, days: number): WallTime {
  const shifted = new Date(Date.UTC(w.year, w.month - 1, w.day + days));
  return {
    ...w,
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    weekday: shifted.getUTCDay(),
  };
}
