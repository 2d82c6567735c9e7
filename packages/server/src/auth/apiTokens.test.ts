import { randomBytes } from 'node:crypto';
import { API_TOKEN_MAX_DAYS } from '@sendwell/core';
import { describe, expect, it } from 'vitest';
import { apiTokenDays, apiTokenFor, DEFAULT_API_TOKEN_DAYS, readApiToken } from './apiTokens';

describe('api tokens', () => {
  const secret = randomBytes(32);
  const now = new Date('2026-12-05T09:00:00Z');
  const later = (ms: number) => new Date(now.getTime() + ms);
  const DAY = 86_400_000;

  it('round-trips the user id, when it was issued and when it ends', () => {
    const check = readApiToken(secret, apiTokenFor(secret, 'u-ava', now, 7), now);
    expect(check.outcome).toBe('valid');
    if (check.outcome !== 'valid') return;
    expect(check.claims).toMatchObject({ userId: 'u-ava', issuedAt: now, expiresAt: later(7 * DAY) });
  });

  it.each([
    ['a millisecond before its end', 7 * DAY - 1, 'valid'],
    ['at its end', 7 * DAY, 'expired'],
    ['long after', 400 * DAY, 'expired'],
  ])('is %s: %s', (_label, ms, outcome) => {
    expect(readApiToken(secret, apiTokenFor(secret, 'u-ava', now, 7), later(ms)).outcome).toBe(outcome);
  });

  const token = apiTokenFor(secret, 'u-ava', now, 7);
  const parts = token.split('.');
  const swap = (index: number, value: string) => parts.map((p, i) => (i === index ? value : p)).join('.');
  it.each([
    ['another secret', apiTokenFor(randomBytes(32), 'u-ava', now, 7)],
    ['a swapped user id', swap(2, Buffer.from('u-gus').toString('base64url'))],
    ['a lengthened lifetime', swap(4, String(later(365 * DAY).getTime()))],
    ['another issue time (dodging a revocation)', swap(3, String(now.getTime() + 1))],
    ['another token id', swap(1, 'AAAAAAAAAAAAAAAAAAAAAA')],
    ['garbage', 'Bearer nonsense'],
    ['an empty mac', `${parts.slice(0, 5).join('.')}.`],
  ])('rejects a token with %s', (_label, forged) => {
    expect(readApiToken(secret, forged, now).outcome).toBe('invalid');
  });

  it.each([
    [undefined, DEFAULT_API_TOKEN_DAYS],
    ['1', 1],
    [String(API_TOKEN_MAX_DAYS), API_TOKEN_MAX_DAYS],
  ])('takes SENDWELL_API_TOKEN_DAYS=%s as %i days', (raw, days) => {
    expect(apiTokenDays(raw)).toBe(days);
  });

  it.each(['0', '1.5', String(API_TOKEN_MAX_DAYS + 1), 'forever'])(
    'refuses SENDWELL_API_TOKEN_DAYS=%s',
    (raw) => {
      expect(() => apiTokenDays(raw)).toThrow(/SENDWELL_API_TOKEN_DAYS must be a whole number of days/);
    },
  );
});
