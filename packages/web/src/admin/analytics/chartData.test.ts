import type { TeamNumbers } from '@sendwell/core';
import { describe, expect, it } from 'vitest';
import { bounceRate, type ChartWords, dayLabel, perDayBars, reasonDonut } from './chartData';

const words: ChartWords = {
  sends: 'Sends',
  bounces: 'Bounces',
  reason: (r) => `reason:${r}`,
  day: (d) => `day:${d}`,
};

const numbers = (patch: Partial<TeamNumbers> = {}): TeamNumbers => ({
  days: 2,
  from: '2026-12-03',
  to: '2026-12-04',
  totals: { sends: 40, bounces: 2 },
  perDay: [
    { date: '2026-12-03', sends: 15, bounces: 0 },
    { date: '2026-12-04', sends: 25, bounces: 2 },
  ],
  bounceReasons: [
    { reason: 'userunknown', count: 2 },
    { reason: 'mailboxfull', count: 0 },
  ],
  members: [],
  ...patch,
});

describe('perDayBars', () => {
  it('puts sends and bounces side by side for each day, in the API order', () => {
    expect(perDayBars(numbers(), words, ['blue', 'red'])).toEqual([
      {
        name: 'day:2026-12-03',
        series: [
          { key: 'sends', legend: 'Sends', data: 15, color: 'blue' },
          { key: 'bounces', legend: 'Bounces', data: 0, color: 'red' },
        ],
      },
      {
        name: 'day:2026-12-04',
        series: [
          { key: 'sends', legend: 'Sends', data: 25, color: 'blue' },
          { key: 'bounces', legend: 'Bounces', data: 2, color: 'red' },
        ],
      },
    ]);
  });
});

describe('reasonDonut', () => {
  it('has one arc per reason that happened, in the voice’s words', () => {
    expect(reasonDonut(numbers(), words, ['c1', 'c2'])?.chartData).toEqual([
      { legend: 'reason:userunknown', data: 2, color: 'c1' },
    ]);
  });

  it('is null when nothing bounced, so the page says so instead of an empty donut', () => {
    expect(reasonDonut(numbers({ bounceReasons: [] }), words, ['c1'])).toBeNull();
  });
});

describe('dayLabel and bounceRate', () => {
  it.each([
    ['2026-12-04', 'Dec 4'],
    ['2026-01-01', 'Jan 1'],
  ])('%s reads as %s in English, whatever the zone', (date, label) => {
    expect(dayLabel(date, 'en')).toBe(label);
  });

  it.each([
    { totals: { sends: 40, bounces: 2 }, rate: 0.05 },
    { totals: { sends: 0, bounces: 0 }, rate: null },
  ])('bounce rate of $totals.bounces in $totals.sends is $rate', ({ totals, rate }) => {
    expect(bounceRate(numbers({ totals }))).toBe(rate);
  });
});
