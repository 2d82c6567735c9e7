import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { apiTokenFor } from './apiTokens';
import { issueSessionToken, readSigned, SESSION_TTL_MS, signed, verifySessionToken } from './sessionTokens';

describe('session tokens', () => {
  const secret = randomBytes(32);
  const now = new Date('2026-03-02T10:00:00Z');
  const later = (ms: number) => new Date(now.getTime() + ms);

  it('round-trips the user id until the 8-hour expiry', () => {
    const token = issueSessionToken(secret, 'u-ava', now);
    expect(verifySessionToken(secret, token, later(SESSION_TTL_MS - 1))).toEqual({
      outcome: 'valid',
      userId: 'u-ava',
      expiresAt: later(SESSION_TTL_MS),
    });
    expect(verifySessionToken(secret, token, later(SESSION_TTL_MS))).toEqual({ outcome: 'expired' });
  });

  const forged = (token: string) => {
    const [body, mac] = token.slice(4).split('.');
    const payload = JSON.parse(Buffer.from(body!, 'base64url').toString());
    const other = Buffer.from(JSON.stringify({ ...payload, u: 'u-gus' })).toString('base64url');
    return `sws_${other}.${mac}`;
  };

  it.each([
    ['another secret', issueSessionToken(randomBytes(32), 'u-ava', now)],
    ['a swapped user id', forged(issueSessionToken(secret, 'u-ava', now))],
    ['an API token', apiTokenFor(secret, 'u-ava')],
    [
      'a sign-in cookie value (another purpose)',
      `sws_${signed(secret, 'web-signin', { u: 'u-ava', exp: 9e15 })}`,
    ],
    ['garbage', 'sws_nonsense'],
  ])('is not a session token: %s', (_label, token) => {
    expect(verifySessionToken(secret, token, now)).toEqual({ outcome: 'not-session' });
  });

  it('reads a signed value only for its own purpose', () => {
    const value = signed(secret, 'web-signin', { state: 's' });
    expect(readSigned(secret, 'web-signin', value)).toEqual({ state: 's' });
    expect(readSigned(secret, 'session', value)).toBeNull();
  });
});
