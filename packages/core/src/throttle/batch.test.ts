import { describe, expect, it } from 'vitest';
import { effectiveBatch } from './batch';
import { getProfile } from './profiles';
import { ThrottleInputError } from './types';

describe('effectiveBatch', () => {
  it.each([
    // Marketo's documented example, 25 every 45 s (33/min), is above Exchange's 30/min: we aim for 27/min.
    ['exchange-online', 25, 45, 20, 45, true],
    ['exchange-online', 10, 60, 10, 60, false],
    ['exchange-online', 100, 300, 100, 300, false],
    // One email a second is faster than 27 a minute even at size 1: the interval stretches instead.
    ['exchange-online', 1, 1, 1, 3, true],
    // Gmail's API window leaves half the per-user quota: 30 sends a minute.
    ['gmail-workspace', 25, 45, 22, 45, true],
    ['gmail-consumer', 5, 60, 5, 60, false],
    ['custom-smtp', 50, 60, 18, 60, true],
  ] as const)(
    '%s: %i every %i s becomes %i every %i s (clamped: %s)',
    (id, size, every, wantSize, wantEvery, clamped) => {
      const result = effectiveBatch(getProfile(id), { size, everySeconds: every });
      expect(result.effective).toEqual({ size: wantSize, everySeconds: wantEvery });
      expect(result.clamped).toBe(clamped);
    },
  );

  it.each([
    [{ size: 0, everySeconds: 10 }],
    [{ size: 2.5, everySeconds: 10 }],
    [{ size: 5, everySeconds: 0 }],
    [{ size: 5, everySeconds: Number.NaN }],
  ])('rejects the nonsensical setting %o', (batch) => {
    expect(() => effectiveBatch(getProfile('exchange-online'), batch)).toThrow(ThrottleInputError);
  });
});
