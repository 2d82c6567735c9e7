import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { serve } from '@hono/node-server';
import { ManualClock } from '@sendwell/core';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox } from '../sandbox';
import { isLoopbackAddress } from './loopbackOnly';

// The dev token route (POST /sandbox/dev/token) on a real node server listening on every interface
// (port from the atrest range), called over real sockets with the Host and Origin headers a rebinding
// page, a remote caller or a local script would send.

const PORT = 61_301;
/** This machine's first non-loopback IPv4 address, to call from a peer that is not loopback. */
const outside = Object.values(networkInterfaces())
  .flat()
  .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;

const sandbox = createSandbox({ baseUrl: `http://127.0.0.1:${PORT}/sandbox`, clock: new ManualClock() });
let server: ReturnType<typeof serve>;
beforeAll(async () => {
  const app = new Hono().route('/sandbox', sandbox.app);
  server = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: PORT, hostname: '0.0.0.0' }, () => resolve(s));
  });
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** POSTs a token request to `address` with exactly these headers; answers status and error code. */
function ask(address: string, headers: Record<string, string>): Promise<[number, string]> {
  const body = JSON.stringify({ userId: 'ava', kind: 'microsoft-access' });
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: address,
        port: (server.address() as AddressInfo).port,
        method: 'POST',
        path: '/sandbox/dev/token',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...headers,
        },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk) => {
          text += chunk;
        });
        res.on('end', () => {
          const parsed = JSON.parse(text) as { token?: string; error?: { code: string } };
          resolve([res.statusCode!, parsed.error?.code ?? (parsed.token ? 'token' : 'none')]);
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('POST /sandbox/dev/token answers only on loopback with a matching Host', () => {
  it.each([
    ['a local script at 127.0.0.1', { host: `127.0.0.1:${PORT}` }, [200, 'token']],
    ['a local script at localhost', { host: `localhost:${PORT}` }, [200, 'token']],
    [
      'the sandbox page itself (same Origin)',
      { host: `127.0.0.1:${PORT}`, origin: `http://127.0.0.1:${PORT}` },
      [200, 'token'],
    ],
    [
      'a DNS-rebinding page (its own name as Host)',
      { host: `rebind.attacker.test:${PORT}` },
      [403, 'loopback-only'],
    ],
    [
      'a rebinding page that kept the Host but sends its Origin',
      { host: `127.0.0.1:${PORT}`, origin: 'http://rebind.attacker.test' },
      [403, 'loopback-only'],
    ],
    ['a loopback Host at another port', { host: `127.0.0.1:${PORT + 1}` }, [403, 'loopback-only']],
    ['a loopback Host with no port (80)', { host: '127.0.0.1' }, [403, 'loopback-only']],
    [
      'a local reverse proxy passing the public name',
      { host: 'sendwell.example.com' },
      [403, 'loopback-only'],
    ],
    ['a private-network name', { host: `192.168.1.10:${PORT}` }, [403, 'loopback-only']],
  ])('%s', async (_who, headers, expected) => {
    expect(await ask('127.0.0.1', headers)).toEqual(expected);
  });

  it.skipIf(!outside)(
    'refuses a caller that is not on this machine’s loopback, whatever Host it sends',
    async () => {
      expect(isLoopbackAddress(outside!)).toBe(false);
      expect(await ask(outside!, { host: `127.0.0.1:${PORT}` })).toEqual([403, 'loopback-only']);
    },
  );

  it('refuses an in-process call that has no socket to check', async () => {
    const response = await sandbox.app.request('/dev/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json', host: `127.0.0.1:${PORT}` },
      body: JSON.stringify({ userId: 'ava', kind: 'microsoft-access' }),
    });
    expect(response.status).toBe(403);
  });

  it.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['10.0.0.5', false],
    ['::ffff:10.0.0.5', false],
    ['fe80::1', false],
  ])('takes %s as loopback: %s', (address, loopback) => {
    expect(isLoopbackAddress(address)).toBe(loopback);
  });
});
