import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sendwell } from '../../sendwell';
import { bodyLimitFor } from './bodyLimits';
import { RawConnection } from './rawHttp';
import { BODY_LIMITS, type Limits, readLimits } from './settings';
import { type SocketSendwell, socketSendwell } from './socketSendwell';

// The whole Sendwell app behind a real socket, with tiny budgets so a handful of requests reaches
// them. Each test speaks from its own loopback address (127.0.0.x): per-IP budgets stay apart.
const tiny = { perSecond: 0.001, burst: 6 };
const limits: Limits = {
  ...readLimits({}),
  perIp: { api: { perSecond: 0.001, burst: 30 }, addon: tiny, signin: tiny, tracking: tiny, other: tiny },
  perToken: { perSecond: 0.001, burst: 12 },
  authFailures: { perSecond: 0.001, burst: 3 },
};
let nextIp = 10;
const freshIp = () => `127.0.0.${nextIp++}`;

describe('rate limits and body limits on a real Sendwell, over sockets', () => {
  let served: SocketSendwell;
  let sendwell: Sendwell;
  let port: number;

  beforeAll(async () => {
    served = await socketSendwell({ limits });
    ({ sendwell, port } = served);
  }, 180_000); // PGlite's first migration is slow on a busy machine
  afterAll(() => served.close());

  // One token per user: each apiTokenFor call issues a new token (its own issue time), and the limit is per token.
  const tokens = new Map<string, string>();
  const tokenOf = (user: string) =>
    tokens.get(user) ?? tokens.set(user, sendwell.apiTokenFor(user)).get(user)!;
  const bearer = (user: string) => ({ authorization: `Bearer ${tokenOf(user)}` });
  const get = async (c: RawConnection, path: string, headers: Record<string, string> = {}) => {
    c.send('GET', path, headers);
    return c.response();
  };

  it('answers 429 with Retry-After and the documented body once a token spends its burst; other tokens go on', async () => {
    const c = new RawConnection(port, freshIp());
    const statuses: number[] = [];
    for (let i = 0; i < limits.perToken.burst; i++)
      statuses.push((await get(c, '/api/v1/me', bearer('ava'))).status);
    const refused = await get(c, '/api/v1/me', bearer('ava'));
    expect(statuses).toEqual(Array(limits.perToken.burst).fill(200));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(JSON.parse(refused.body).error.code).toBe('rate-limited');
    expect((await get(c, '/api/v1/me', bearer('eli'))).status).toBe(200);
    c.close();
  });

  it.each([
    ['the API (no token)', '/api/v1/auth-config'],
    ['web app sign-in', '/app/auth/providers'],
    ['tracking', '/t/o/not-a-token'],
    ['unsubscribe', '/u/not-a-token'],
    ['the start page', '/'],
  ])('limits %s per IP, and another address is still served', async (_label, path) => {
    const c = new RawConnection(port, freshIp());
    const burst = path.startsWith('/api/') ? limits.perIp.api.burst : tiny.burst;
    for (let i = 0; i < burst; i++) expect((await get(c, path)).status).not.toBe(429);
    const refused = await get(c, path);
    expect([refused.status, JSON.parse(refused.body).error.code]).toEqual([429, 'rate-limited']);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    const other = new RawConnection(port, freshIp());
    expect((await get(other, path)).status).not.toBe(429);
    c.close();
    other.close();
  });

  it('refuses an address after a few wrong-MAC tokens, even with a good token, while others go on', async () => {
    const c = new RawConnection(port, freshIp());
    const good = sendwell.apiTokenFor('ava');
    const at = good.length - 6; // inside the MAC, away from base64's padding bits
    const forged = `${good.slice(0, at)}${good[at] === 'A' ? 'B' : 'A'}${good.slice(at + 1)}`;
    const guesses: number[] = [];
    for (let i = 0; i < limits.authFailures.burst; i++)
      guesses.push((await get(c, '/api/v1/me', { authorization: `Bearer ${forged}` })).status);
    expect(guesses).toEqual(Array(limits.authFailures.burst).fill(401));
    expect((await get(c, '/api/v1/me', { authorization: `Bearer ${forged}` })).status).toBe(429);
    expect((await get(c, '/api/v1/me', bearer('lou'))).status).toBe(429);
    expect((await get(new RawConnection(port, freshIp()), '/api/v1/me', bearer('lou'))).status).toBe(200);
    c.close();
  });

  // A body within a few times the limit is read and dropped: the same socket answers the next request.
  it.each([
    ['POST', '/api/v1/sends'],
    ['POST', '/gmail/addon'],
    ['POST', '/u/some-token'],
    ['POST', '/app/signout'],
    ['PATCH', '/api/v1/settings/throttle'],
  ])(
    '%s %s: 413 for a body over the limit, then the next request on the same socket works',
    async (method, path) => {
      const limit = bodyLimitFor(path, BODY_LIMITS);
      const c = new RawConnection(port, freshIp());
      c.send(method, path, { 'content-type': 'application/json', ...bearer('gus') }, 'x'.repeat(limit + 1));
      const refused = await c.response();
      expect([refused.status, JSON.parse(refused.body).error.code]).toEqual([413, 'body-too-large']);
      expect(refused.headers.connection).toBe('keep-alive');
      expect((await get(c, '/api/v1/me', bearer('gus'))).status).toBe(200);
      c.close();
    },
  );

  it.each([
    [
      'declared far over the limit',
      (limit: number): Record<string, string> => ({ 'content-length': String(16 * limit) }),
    ],
    ['chunked past the limit', (): Record<string, string> => ({ 'transfer-encoding': 'chunked' })],
  ])(
    'a body %s: the 413 says Connection: close, arrives whole, and the socket then ends',
    async (_label, headers) => {
      const path = '/u/some-token';
      const limit = bodyLimitFor(path, BODY_LIMITS);
      const c = new RawConnection(port, freshIp());
      c.send('POST', path, headers(limit));
      const chunk = 'x'.repeat(limit + 1);
      c.write(headers(limit)['transfer-encoding'] ? `${chunk.length.toString(16)}\r\n${chunk}\r\n` : chunk);
      const refused = await c.response();
      expect([refused.status, refused.headers.connection]).toEqual([413, 'close']);
      expect(JSON.parse(refused.body).error.message).toContain(`${limit / 1024} KB`);
      await c.closed;
    },
  );
});
