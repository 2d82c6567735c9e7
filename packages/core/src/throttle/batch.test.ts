import { describe, expect, it } from 'vitest';
import { batchInfo, effectiveBatch } from './batch';
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

describe('batchInfo', () => {
  it('says which provider window lowered the setting', () => {
    const info = batchInfo(getProfile('exchange-online'), { size: 25, everySeconds: 45 });
    expect(info).toMatchObject({
      requested: { size: 25, everySeconds: 45 },
      effective: { size: 20, everySeconds: 45 },
      clamped: true,
      clampedBy: { id: expect.any(String), target: 27 },
    });
    expect(info.explanation).toContain(info.clampedBy!.label);
    expect(info.explanation).toContain('25 every 45 seconds');
  });

  it('leaves a setting that fits alone', () => {
    const info = batchInfo(getProfile('exchange-online'), { size: 10, everySeconds: 60 });
    expect(info).toMatchObject({
      clamped: false,
      clampedBy: null,
      effective: { size: 10, everySeconds: 60 },
    });
  });
});
