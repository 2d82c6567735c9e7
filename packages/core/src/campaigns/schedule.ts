import { type SendWindow, type StepDelay, WEEKDAYS } from '../api/v1/campaigns';
import { isTimeZone } from './timeZone';
import { addWallDays, fromWallTime, type WallTime, wallTime } from './zonedTime';

/** A step's timing: its delay after `from`, then the first moment its send window allows. */
export interface StepTiming {
  /** When the previous step's email went out (the first step: when the person was enrolled). */
  from: Date;
  delay: StepDelay;
  window: SendWindow | null;
  /** The IANA zone the delay's days and the window are read in (the person's or the campaign's). */
  timeZone: string;
}

/** A zone Intl does not know: the caller's data is wrong, and no guess is made about when to send. */
export class UnknownTimeZoneError extends Error {
  readonly code = 'unknown-time-zone';
  constructor(readonly timeZone: string) {
    super(`"${timeZone}" is not a time zone`);
  }
}

const HOUR_MS = 3_600_000;
const isWeekend = (weekday: number) => weekday === 0 || weekday === 6;
// WEEKDAYS starts on Monday; Date's getUTCDay() on Sunday.
const WEEKDAY_OF = (day: (typeof WEEKDAYS)[number]) => (WEEKDAYS.indexOf(day) + 1) % 7;

/**
 * When a step is due. Hours are elapsed time (3 hours is 3 hours across a DST change); days keep the
 * wall-clock time in `timeZone` (a day after 9:00 is 9:00, even on the day clocks change); business
 * days count only Monday to Friday there. Then the result moves to the first moment the send window
 * allows in that zone (a moment already inside the window stays). Pure: same input, same answer.
 */
export function stepDueAt(timing: StepTiming): Date {
  if (!isTimeZone(timing.timeZone)) throw new UnknownTimeZoneError(timing.timeZone);
  const delayed = afterDelay(timing.from, timing.delay, timing.timeZone);
  return timing.window ? intoWindow(delayed, timing.window, timing.timeZone) : delayed;
}

function afterDelay(from: Date, delay: StepDelay, zone: string): Date {
  if (delay.unit === 'hours') return new Date(from.getTime() + delay.amount * HOUR_MS);
  const start = wallTime(from, zone);
  if (!delay.businessDays) return fromWallTime(addWallDays(start, delay.amount), zone);
  let day: WallTime = start;
  for (let counted = 0; counted < delay.amount; ) {
    day = addWallDays(day, 1);
    if (!isWeekend(day.weekday)) counted++;
  }
  return fromWallTime(day, zone);
}

const inWindow = (w: WallTime, sendWindow: SendWindow, days: Set<number>) =>
  days.has(w.weekday) && w.hour >= sendWindow.startHour && w.hour < sendWindow.endHour;

/** The first instant at or after `at` inside the window (a week always holds one: days is never empty). */
function intoWindow(at: Date, sendWindow: SendWindow, zone: string): Date {
  const days = new Set(sendWindow.days.map(WEEKDAY_OF));
  const now = wallTime(at, zone);
  if (inWindow(now, sendWindow, days)) return at;
  const opening = { hour: sendWindow.startHour, minute: 0, second: 0, millisecond: 0 };
  for (let offset = 0; offset <= 8; offset++) {
    const day = addWallDays(now, offset);
    if (!days.has(day.weekday)) continue;
    const candidate = fromWallTime({ ...day, ...opening }, zone);
    // An opening inside a DST gap lands later than its hour; it must still be in the window.
    if (candidate >= at && inWindow(wallTime(candidate, zone), sendWindow, days)) return candidate;
  }
  throw new Error(`No opening for the send window ${JSON.stringify(sendWindow)} in ${zone}`);
}
