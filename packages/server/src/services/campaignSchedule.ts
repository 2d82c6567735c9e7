import type { SendWindow, StepDelay } from '@sendwell/core';

/**
 * When a step is due: the delay after `from` (business days skip Saturday and Sunday), then moved
 * into the next allowed window in the zone. A local stand-in for core's `stepDueAt` (issue 9 design,
 * H1) with the same input; the campaign code calls only `stepDueAt` below.
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const WEEKDAY_OF: Record<string, SendWindow['days'][number]> = {
  Mon: 'mon',
  Tue: 'tue',
  Wed: 'wed',
  Thu: 'thu',
  Fri: 'fri',
  Sat: 'sat',
  Sun: 'sun',
};

const formats = new Map<string, Intl.DateTimeFormat>();
function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    formats.set(timeZone, format);
  }
  return format;
}

/** Whether Intl knows the zone (an unknown one would throw when a step is planned). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

function localParts(at: Date, timeZone: string) {
  const parts = Object.fromEntries(
    formatFor(timeZone)
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return {
    day: WEEKDAY_OF[parts.weekday!]!,
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

function afterDelay(from: Date, delay: StepDelay, timeZone: string): Date {
  if (delay.unit === 'hours') return new Date(from.getTime() + delay.amount * HOUR_MS);
  if (!delay.businessDays) return new Date(from.getTime() + delay.amount * DAY_MS);
  let at = from;
  for (let counted = 0; counted < delay.amount; ) {
    at = new Date(at.getTime() + DAY_MS);
    const { day } = localParts(at, timeZone);
    if (day !== 'sat' && day !== 'sun') counted++;
  }
  return at;
}

/**
 * The first instant at or after `at` inside the window. Jumps hour by hour boundary (not minute by
 * minute): a few iterations even across a weekend; a DST change only means one more check.
 */
function intoWindow(at: Date, window: SendWindow, timeZone: string): Date {
  let t = at;
  for (let guard = 0; guard < 64; guard++) {
    const { day, hour, minute, second } = localParts(t, timeZone);
    const sinceHour = (minute * 60 + second) * 1000 + (t.getTime() % 1000);
    if (window.days.includes(day) && hour >= window.startHour && hour < window.endHour) return t;
    const hoursAhead =
      window.days.includes(day) && hour < window.startHour
        ? window.startHour - hour
        : 24 - hour + window.startHour;
    t = new Date(t.getTime() - sinceHour + hoursAhead * HOUR_MS);
  }
  return t;
}

export function stepDueAt(input: {
  from: Date;
  delay: StepDelay;
  window: SendWindow | null;
  timeZone: string;
}): Date {
  const zone = isKnownTimeZone(input.timeZone) ? input.timeZone : 'UTC';
  const due = afterDelay(input.from, input.delay, zone);
  return input.window ? intoWindow(due, input.window, zone) : due;
}
