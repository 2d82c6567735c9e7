import { describe, expect, it } from 'vitest';
import { getProfile, MINUTE_MS } from './profiles';
import { quotaSnapshot } from './quota';
import type { Reservation } from './types';

const NOW = new Date('2026-01-05T09:00:00Z');
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs);

describe('quotaSnapshot', () => {
  it('reports a fresh mailbox as free with the daily targets as remaining', () => {
    const snap = quotaSnapshot(getProfile('gmail-workspace'), [], NOW);
    expect(snap.used).toEqual({ messages: 0, recipients: 0, external: 0 });
    expect(snap.limits).toEqual({ messages: 1_800, recipients: 2_700, external: 1_800 });
    expect(snap.remaining).toEqual(snap.limits);
    expect(snap.nextFreeAt).toBeNull();
  });

  it('counts the last 24 hours and queued reservations, not older ones', () => {
    const history: Reservation[] = [
      { at: at(-25 * 60 * MINUTE_MS), recipients: 50, external: 50 },
      { at: at(-2 * 60 * MINUTE_MS), recipients: 3, external: 1 },
      { at: at(10 * MINUTE_MS), recipients: 2, external: 2 },
    ];
    const snap = quotaSnapshot(getProfile('exchange-online'), history, NOW);
    expect(snap.used).toEqual({ messages: 2, recipients: 5, external: 3 });
    expect(snap.limits).toEqual({ messages: null, recipients: 9_000, external: null });
    expect(snap.remaining.recipients).toBe(8_995);
    expect(snap.windows.find((w) => w.id === 'messages-per-minute')).toMatchObject({
      used: 1,
      target: 27,
      remaining: 26,
    });
    // The queued reservation at +10 min holds the line: the next send goes after it.
    expect(snap.nextFreeAt).toEqual(at(10 * MINUTE_MS + 2_000));
  });

  it('gives the time the next send fits when a window is full', () => {
    const history = Array.from({ length: 450 }, (_, i) => ({
      at: at(-3_600_000 + i),
      recipients: 1,
      external: 1,
    }));
    const snap = quotaSnapshot(getProfile('gmail-consumer'), history, NOW);
    expect(snap.remaining.messages).toBe(0);
    expect(snap.nextFreeAt).toEqual(at(23 * 3_600_000));
  });

  it('includes a pause in the next free time', () => {
    const snap = quotaSnapshot(getProfile('gmail-consumer'), [], NOW, { pausedUntil: at(MINUTE_MS * 5) });
    expect(snap.nextFreeAt).toEqual(at(MINUTE_MS * 5));
  });
});
