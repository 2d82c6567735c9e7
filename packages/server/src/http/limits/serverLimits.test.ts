import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RawConnection } from './rawHttp';
import { applyServerLimits, serverOptions } from './serverLimits';
import { type Limits, readLimits } from './settings';

// The socket-level limits on a real Node server and real sockets. Short timeouts so the test runs in
// seconds; every assertion is about what happens (closed, refused, answered), never how fast.
const limits: Limits['server'] = {
  headersTimeoutMs: 1_000,
  requestTimeoutMs: 1_000,
  keepAliveTimeoutMs: 1_000,
  idleTimeoutMs: 1_500,
  maxConnections: 4,
};

describe('the HTTP server’s own limits, on real sockets', () => {
  let server: Server;
  let port: number;
  const drops: number[] = [];

  beforeAll(async () => {
    const app = new Hono().get('/hello', (c) => c.text('hi'));
    server = serve({
      fetch: app.fetch,
      port: 0,
      hostname: '127.0.0.1',
      serverOptions: serverOptions(limits),
    }) as Server;
    applyServerLimits(server, limits, (cap) => drops.push(cap));
    await new Promise((resolve) => server.once('listening', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  const openConnections = () =>
    new Promise<number>((resolve) => server.getConnections((_e, n) => resolve(n)));

  it('closes a socket that never sends a byte', async () => {
    const idle = new RawConnection(port);
    await idle.ready();
    await idle.closed;
    expect(idle.ended).toBe(true);
  });

  it('answers 408 and closes when the headers never finish', async () => {
    const slow = new RawConnection(port);
    slow.write('GET /hello HTTP/1.1\r\nHost: localhost\r\nX-Slow: ');
    const response = await slow.response();
    expect(response.status).toBe(408);
    await slow.closed;
  });

  it('keeps a socket for the next request, then closes it once idle past the keep-alive timeout', async () => {
    const client = new RawConnection(port);
    client.send('GET', '/hello');
    expect((await client.response()).body).toBe('hi');
    client.send('GET', '/hello');
    const second = await client.response();
    expect([second.status, second.headers.connection]).toEqual([200, 'keep-alive']);
    await client.closed;
  });

  it('refuses connections past the cap at once, and serves again once they go', async () => {
    const held = Array.from({ length: limits.maxConnections }, () => new RawConnection(port));
    await Promise.all(held.map((c) => c.ready()));
    while ((await openConnections()) < limits.maxConnections) await new Promise((r) => setTimeout(r, 20));
    const extra = new RawConnection(port);
    extra.send('GET', '/hello');
    await extra.closed;
    await expect(extra.response()).rejects.toThrow(/socket closed/);
    expect(drops).toEqual([limits.maxConnections]);
    for (const c of held) c.close();
    while ((await openConnections()) > 0) await new Promise((r) => setTimeout(r, 20));
    const after = new RawConnection(port);
    after.send('GET', '/hello');
    expect((await after.response()).status).toBe(200);
    after.close();
  });
});

describe('readLimits', () => {
  it('keeps the connection cap below the descriptor limit and takes overrides', () => {
    const defaults = readLimits({});
    expect(defaults.server.maxConnections).toBeGreaterThanOrEqual(64);
    expect(defaults.server.idleTimeoutMs).toBeGreaterThan(15_000); // the feed pings every 15 s
    const set = readLimits({
      SENDWELL_MAX_CONNECTIONS: '100',
      SENDWELL_RATE_LIMIT_SCALE: '10',
      SENDWELL_RATE_LIMITS: 'off',
    });
    expect([set.server.maxConnections, set.perToken.burst, set.rateLimits]).toEqual([
      100,
      defaults.perToken.burst * 10,
      false,
    ]);
  });

  it.each([
    ['SENDWELL_MAX_CONNECTIONS', 'lots'],
    ['SENDWELL_IDLE_TIMEOUT_MS', '5'],
    ['SENDWELL_RATE_LIMITS', 'maybe'],
  ])('refuses %s=%s, naming it', (name, value) => {
    expect(() => readLimits({ [name]: value })).toThrow(name);
  });
});
