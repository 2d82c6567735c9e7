import { describe, expect, it } from 'vitest';
import { readSendAt, sendAtInputValue } from './sendAt';

const now = new Date('2026-03-02T09:00:00Z'); // a Monday; Paris is UTC+1, New York UTC-5 that day

describe('readSendAt', () => {
  it.each([
    { value: '', zone: 'Europe/Paris', want: { outcome: 'now' } },
    { value: '  ', zone: 'UTC', want: { outcome: 'now' } },
    {
      value: '2026-03-03T09:00',
      zone: 'Europe/Paris',
      want: { outcome: 'at', at: '2026-03-03T08:00:00.000Z' },
    },
    {
      value: '2026-03-03T09:00',
      zone: 'America/New_York',
      want: { outcome: 'at', at: '2026-03-03T14:00:00.000Z' },
    },
    // Spring forward in New York (2026-03-08, 2:00 → 3:00): 2:30 never happens, it goes at 3:30.
    {
      value: '2026-03-08T02:30',
      zone: 'America/New_York',
      want: { outcome: 'at', at: '2026-03-08T07:30:00.000Z' },
    },
    { value: '2026-03-02T09:30', zone: 'Europe/Paris', want: { outcome: 'now' } }, // 8:30 UTC: past
    { value: '2027-03-03T09:00', zone: 'UTC', want: { outcome: 'too-far' } },
    { value: '2026-02-31T09:00', zone: 'UTC', want: { outcome: 'invalid' } },
    { value: '2026-03-03T24:00', zone: 'UTC', want: { outcome: 'invalid' } },
    { value: 'tomorrow at nine', zone: 'UTC', want: { outcome: 'invalid' } },
  ])('"$value" in $zone → $want.outcome', ({ value, zone, want }) => {
    const choice = readSendAt(value, zone, now);
    expect(choice.outcome === 'at' ? { outcome: 'at', at: choice.at.toISOString() } : choice).toEqual(want);
  });
});

describe('sendAtInputValue', () => {
  it.each([
    ['UTC', '2026-03-02T09:00'],
    ['Europe/Paris', '2026-03-02T10:00'],
    ['Asia/Shanghai', '2026-03-02T17:00'],
  ])('reads now on the clock in %s', (zone, want) => {
    expect(sendAtInputValue(now, zone)).toBe(want);
    expect(readSendAt(want, zone, new Date(now.getTime() - 60_000))).toEqual({ outcome: 'at', at: now });
  });
});
