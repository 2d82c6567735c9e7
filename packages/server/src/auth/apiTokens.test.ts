import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { apiTokenFor, verifyApiToken } from './apiTokens';

describe('api tokens', () => {
  const secret = randomBytes(32);

  it('round-trips the user id', () => {
    expect(verifyApiToken(secret, apiTokenFor(secret, 'u-ava'))).toBe('u-ava');
  });

  it.each([
    ['another secret', apiTokenFor(randomBytes(32), 'u-ava')],
    [
      'a swapped user id',
      apiTokenFor(secret, 'u-ava').replace(/^sw_[^.]+/, `sw_${Buffer.from('u-gus').toString('base64url')}`),
    ],
    ['garbage', 'Bearer nonsense'],
    ['an empty mac', 'sw_dS1hdmE.'],
  ])('rejects a token with %s', (_label, token) => {
    expect(verifyApiToken(secret, token)).toBeNull();
  });
});
