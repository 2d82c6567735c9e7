import type { ChartProps, GroupedVerticalBarChartData } from '@fluentui/react-charts';
import type { TeamNumbers } from '@sendwell/core';

/**
 * The team's numbers shaped for Fluent's charts. Pure: the page passes the words (voice) in, so the
 * same data reads the same in the chart, its callouts and the table beside it.
 */

export interface ChartWords {
  sends: string;
  bounces: string;
  /** "userunknown" → "address does not exist" (core's voice). */
  reason(reason: string): string;
  /** "Dec 4" for the x axis. */
  day(date: string): string;
}

/** Sends and bounces side by side for each day, oldest first (the API's order). */
export function perDayBars(
  numbers: TeamNumbers,
  words: ChartWords,
  colors: [string, string],
): GroupedVerticalBarChartData[] {
  return numbers.perDay.map((d) => ({
    name: words.day(d.date),
    series: [
      { key: 'sends', legend: words.sends, data: d.sends, color: colors[0] },
      { key: 'bounces', legend: words.bounces, data: d.bounces, color: colors[1] },
    ],
  }));
}

/** One arc per bounce reason, most frequent first; null when nothing bounced (no empty donut). */
export function reasonDonut(numbers: TeamNumbers, words: ChartWords, palette: string[]): ChartProps | null {
  const reasons = numbers.bounceReasons.filter((r) => r.count > 0);
  if (reasons.length === 0) return null;
  return {
    chartTitle: 'Bounce reasons',
    chartData: reasons.map((r, i) => ({
      legend: words.reason(r.reason),
      data: r.count,
      color: palette[i % palette.length],
    })),
  };
}

/** "Dec 4" from the API's UTC day (YYYY-MM-DD), read as that UTC day whatever the browser's zone. */
export function dayLabel(date: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

/** The bounce share of the period, for the summary line ("2.5%"), null with no sends. */
export function bounceRate(numbers: TeamNumbers): number | null {
  return numbers.totals.sends === 0 ? null : numbers.totals.bounces / numbers.totals.sends;
}
