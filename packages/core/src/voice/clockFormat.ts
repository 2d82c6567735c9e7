import type { Locale } from './locale';
import type { Instant } from './types';

/**
 * One clock convention per locale, everywhere the voice prints a time, so a sentence never mixes
 * "02:57 PM" with "14:57": English reads 12-hour ("2:57 PM"), Chinese 24-hour ("14:57").
 */
const HOUR_CYCLE: Record<Locale, 'h12' | 'h23'> = { en: 'h12', 'zh-Hans': 'h23' };
const WEEK_MS = 6 * 24 * 3600_000;

export interface TimeFormatter {
  /** "2:57 PM" today, "Tue 2:57 PM" within the week, "Mar 3, 2:57 PM" further away. */
  time(at: Instant, now: Date): string;
  number(n: number): string;
  percent(fraction: number): string;
}

export function timeFormatter(locale: Locale, timeZone: string): TimeFormatter {
  const hourCycle = HOUR_CYCLE[locale];
  const clock = { hour: 'numeric', minute: '2-digit', hourCycle, timeZone } as const;
  const f = {
    time: new Intl.DateTimeFormat(locale, clock),
    weekday: new Intl.DateTimeFormat(locale, { ...clock, weekday: 'short' }),
    date: new Intl.DateTimeFormat(locale, { ...clock, month: 'short', day: 'numeric' }),
    // en-CA prints YYYY-MM-DD: a cheap "same calendar day in this zone" key.
    day: new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }),
    number: new Intl.NumberFormat(locale),
    percent: new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }),
  };
  return {
    time(at, now) {
      const when = new Date(at);
      if (f.day.format(when) === f.day.format(now)) return f.time.format(when);
      if (Math.abs(when.getTime() - now.getTime()) < WEEK_MS) return f.weekday.format(when);
      return f.date.format(when);
    },
    number: (n) => f.number.format(n),
    percent: (fraction) => f.percent.format(fraction),
  };
}
