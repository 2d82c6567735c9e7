import { describe, expect, it } from 'vitest';
import { RollingWindow } from './window';

const t0 = new Date('2026-01-05T09:00:00Z').getTime();
const at = (ms: number) => new Date(t0 + ms);

describe('RollingWindow', () => {
  it('counts weights inside the window and forgets them after it', () => {
    const w = new RollingWindow(60_000, 30);
    w.add(at(0), 10);
    w.add(at(30_000), 15);
    expect(w.used(at(59_999))).toBe(25);
    expect(w.used(at(60_000))).toBe(15);
    expect(w.used(at(90_000))).toBe(0);
  });

  it.each([
    // [events (offset ms, weight)], now offset, request weight, expected wait ms
    [[[0, 30]], 10_000, 1, 50_001],
    [
      [
        [0, 20],
        [5_000, 10],
      ],
      10_000,
      15,
      50_001,
    ],
    [
      [
        [0, 20],
        [5_000, 10],
      ],
      10_000,
      25,
      55_001,
    ],
    [[[0, 10]], 10_000, 5, 0],
  ] as [number[][], number, number, number][])(
    'events %j at +%d, weight %d → wait %d ms',
    (events, now, weight, wait) => {
      const w = new RollingWindow(60_000, 30);
      for (const [offset, weight_] of events) w.add(at(offset!), weight_!);
      expect(w.waitMs(at(now), weight)).toBe(wait);
      expect(w.fits(at(now + wait), weight)).toBe(true);
    },
  );

  it('never fits a single use bigger than the limit', () => {
    expect(new RollingWindow(60_000, 30).waitMs(at(0), 31)).toBe(Number.POSITIVE_INFINITY);
  });
});
