import { describe, expect, it } from 'vitest';
import { peakUsage } from './peaks';
import { getProfile } from './profiles';
import { windowsHoldAt } from './testing';

const at = (s: number) => new Date(Date.UTC(2026, 0, 5, 9) + s * 1000);

describe('peakUsage', () => {
  it.each([
    ['no reservations', [], 0],
    ['one', [0], 1],
    ['a burst in one minute', [0, 10, 20, 59], 4],
    ['the oldest ages out exactly a minute later', [0, 10, 60], 2],
    ['two bursts far apart', [0, 1, 2, 200, 201], 3],
  ])('%s', (_name, seconds, peak) => {
    const windows = getProfile('exchange-online').windows.filter((w) => w.id === 'messages-per-minute');
    const reservations = seconds.map((s) => ({ at: at(s), recipients: 1, external: 0 }));
    expect(peakUsage(windows, reservations)[0]!.peak).toBe(peak);
    // Agrees with the brute-force check: the peak fits a window whose target is the peak.
    const tight = windows.map((w) => ({ ...w, target: peak }));
    for (const r of reservations) expect(windowsHoldAt(tight, reservations, r.at.getTime())).toBeNull();
  });

  it('sums recipients for recipient windows', () => {
    const windows = getProfile('exchange-online').windows.filter((w) => w.id === 'recipients-per-day');
    const reservations = [at(0), at(3600)].map((t) => ({ at: t, recipients: 300, external: 0 }));
    expect(peakUsage(windows, reservations)[0]!.peak).toBe(600);
  });
});
