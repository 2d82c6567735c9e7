import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type SendWindow, type StepDelay, WEEKDAYS } from '../api/v1/campaigns';
import { stepDueAt, UnknownTimeZoneError } from './schedule';
import { wallTime } from './zonedTime';

const WORKDAYS: SendWindow['days'] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const nineToFive: SendWindow = { startHour: 9, endHour: 17, days: WORKDAYS, zone: 'rep' };
const days = (amount: number, businessDays = false): StepDelay => ({ amount, unit: 'days', businessDays });
const hours = (amount: number): StepDelay => ({ amount, unit: 'hours', businessDays: false });
const due = (from: string, delay: StepDelay, window: SendWindow | null, timeZone = 'UTC') =>
  stepDueAt({ from: new Date(from), delay, window, timeZone }).toISOString();

describe('stepDueAt: worked examples', () => {
  // 2026-01-05 is a Monday; 2026-01-09 a Friday.
  it.each<[string, string, StepDelay, SendWindow | null, string, string]>([
    ['no delay, no window', '2026-01-05T10:00:00.000Z', days(0), null, 'UTC', '2026-01-05T10:00:00.000Z'],
    ['3 hours', '2026-01-05T10:00:00.000Z', hours(3), null, 'UTC', '2026-01-05T13:00:00.000Z'],
    [
      '2 calendar days over a weekend',
      '2026-01-09T10:00:00.000Z',
      days(2),
      null,
      'UTC',
      '2026-01-11T10:00:00.000Z',
    ],
    [
      '1 business day from Friday is Monday',
      '2026-01-09T10:00:00.000Z',
      days(1, true),
      null,
      'UTC',
      '2026-01-12T10:00:00.000Z',
    ],
    [
      '3 business days from Thursday is Tuesday',
      '2026-01-08T10:00:00.000Z',
      days(3, true),
      null,
      'UTC',
      '2026-01-13T10:00:00.000Z',
    ],
    [
      '1 business day from Saturday is Monday',
      '2026-01-10T10:00:00.000Z',
      days(1, true),
      null,
      'UTC',
      '2026-01-12T10:00:00.000Z',
    ],
    [
      'inside the window: stays',
      '2026-01-05T10:00:00.000Z',
      days(0),
      nineToFive,
      'UTC',
      '2026-01-05T10:00:00.000Z',
    ],
    [
      'before the window: its opening',
      '2026-01-05T07:30:00.000Z',
      days(0),
      nineToFive,
      'UTC',
      '2026-01-05T09:00:00.000Z',
    ],
    [
      'after the window: next day',
      '2026-01-05T17:00:00.000Z',
      days(0),
      nineToFive,
      'UTC',
      '2026-01-06T09:00:00.000Z',
    ],
    [
      'Friday evening: Monday',
      '2026-01-09T18:00:00.000Z',
      days(0),
      nineToFive,
      'UTC',
      '2026-01-12T09:00:00.000Z',
    ],
    [
      'the window in Paris (UTC+1 in winter)',
      '2026-01-05T07:30:00.000Z',
      days(0),
      nineToFive,
      'Europe/Paris',
      '2026-01-05T08:00:00.000Z',
    ],
    [
      'the window in Tokyo: Monday 8:00 UTC is 17:00 there',
      '2026-01-05T08:00:00.000Z',
      days(0),
      nineToFive,
      'Asia/Tokyo',
      '2026-01-06T00:00:00.000Z',
    ],
    [
      'Sunday in New York is Monday 9:00 there',
      '2026-01-11T12:00:00.000Z',
      days(0),
      nineToFive,
      'America/New_York',
      '2026-01-12T14:00:00.000Z',
    ],
    // Paris moves to summer time on 2026-03-29 (02:00 → 03:00).
    [
      'a day keeps 9:00 across spring-forward',
      '2026-03-28T08:00:00.000Z',
      days(1),
      null,
      'Europe/Paris',
      '2026-03-29T07:00:00.000Z',
    ],
    [
      '24 hours are 24 hours across it',
      '2026-03-28T08:00:00.000Z',
      hours(24),
      null,
      'Europe/Paris',
      '2026-03-29T08:00:00.000Z',
    ],
    [
      'an opening in the gap moves past it',
      '2026-03-29T00:30:00.000Z',
      days(0),
      { startHour: 2, endHour: 6, days: ['sun'], zone: 'rep' },
      'Europe/Paris',
      '2026-03-29T01:00:00.000Z',
    ],
    // Paris back to winter time on 2026-10-25 (03:00 → 02:00): 02:30 happens twice, the first one counts.
    [
      'a day into the repeated hour: its first occurrence',
      '2026-10-24T00:30:00.000Z',
      days(1),
      null,
      'Europe/Paris',
      '2026-10-25T00:30:00.000Z',
    ],
  ])('%s', (_name, from, delay, window, zone, expected) => {
    expect(due(from, delay, window, zone)).toBe(expected);
  });

  it('refuses a zone Intl does not know, rather than guess', () => {
    expect(() => due('2026-01-05T10:00:00Z', days(1), null, 'Mars/Olympus')).toThrow(UnknownTimeZoneError);
  });
});

const ZONES = [
  'UTC',
  'Europe/Paris',
  'America/New_York',
  'America/Sao_Paulo',
  'Asia/Kolkata',
  'Australia/Lord_Howe', // a 30-minute DST shift
  'Pacific/Chatham', // UTC+12:45
  'Pacific/Kiritimati', // UTC+14
];
const zone = fc.constantFrom(...ZONES);
const instant = fc.date({ min: new Date('2020-01-01Z'), max: new Date('2035-12-31Z'), noInvalidDate: true });
const delay = fc.record({
  amount: fc.integer({ min: 0, max: 30 }),
  unit: fc.constantFrom('hours' as const, 'days' as const),
  businessDays: fc.boolean(),
});
const window = fc
  .record({
    startHour: fc.integer({ min: 0, max: 23 }),
    length: fc.integer({ min: 1, max: 24 }),
    days: fc.subarray([...WEEKDAYS], { minLength: 1 }),
  })
  .map(
    ({ startHour, length, days }): SendWindow => ({
      startHour,
      endHour: Math.min(24, startHour + length),
      days,
      zone: 'rep',
    }),
  );
const inside = (at: Date, w: SendWindow, tz: string) => {
  const wall = wallTime(at, tz);
  const day = WEEKDAYS[(wall.weekday + 6) % 7]!;
  return w.days.includes(day) && wall.hour >= w.startHour && wall.hour < w.endHour;
};

describe('stepDueAt: properties', () => {
  it('is never before the delay, always inside the window, and the earliest such moment', () => {
    fc.assert(
      fc.property(instant, delay, window, zone, (from, d, w, tz) => {
        const unwindowed = stepDueAt({ from, delay: d, window: null, timeZone: tz });
        const result = stepDueAt({ from, delay: d, window: w, timeZone: tz });
        expect(result.getTime()).toBeGreaterThanOrEqual(unwindowed.getTime());
        expect(inside(result, w, tz)).toBe(true);
        // Earliest: a minute sooner is either before the delay ran out or outside the window.
        const sooner = new Date(result.getTime() - 60_000);
        expect(sooner < unwindowed || !inside(sooner, w, tz)).toBe(true);
        expect(result.getTime() - unwindowed.getTime()).toBeLessThanOrEqual(8 * 86_400_000);
      }),
      { numRuns: 400 },
    );
  });

  it('is idempotent: a due time inside its window is due at once', () => {
    fc.assert(
      fc.property(instant, delay, window, zone, (from, d, w, tz) => {
        const once = stepDueAt({ from, delay: d, window: w, timeZone: tz });
        const again = stepDueAt({ from: once, delay: days(0), window: w, timeZone: tz });
        expect(again.toISOString()).toBe(once.toISOString());
      }),
      { numRuns: 200 },
    );
  });

  it('days keep the clock reading; business days never land on a weekend', () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 1, max: 30 }),
        fc.boolean(),
        zone,
        (from, amount, business, tz) => {
          const result = stepDueAt({ from, delay: days(amount, business), window: null, timeZone: tz });
          const before = wallTime(from, tz);
          const after = wallTime(result, tz);
          // The same reading, unless it falls into a DST gap that day: then later by the gap (≤ 1 h).
          const drift = after.hour * 60 + after.minute - (before.hour * 60 + before.minute);
          expect(drift).toBeGreaterThanOrEqual(0);
          expect(drift).toBeLessThanOrEqual(60);
          if (business) expect([0, 6]).not.toContain(after.weekday);
          expect(result > from).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
