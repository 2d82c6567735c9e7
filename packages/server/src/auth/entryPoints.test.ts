import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import { silentLogger } from '@sendwell/core';
import { Hono } from 'hono';
import { exportJWK, type JWTPayload, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config';
import { createSendwell, type Sendwell } from '../sendwell';

// Real mode, pointed at a stand-in Entra that publishes one signing key: every API entry point
// (a route with a bearer header, the SSE feed with its access_token query) must refuse each kind of
// bad token, and accept the good one only for a configured tenant.
const TENANT = '11111111-2222-4333-8444-555555555555';
const OTHER_TENANT = '99999999-2222-4333-8444-555555555555';
const CLIENT_ID = '0d1c6f3e-7a2b-4c5d-9e8f-123456789abc';

function keyPair() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { privateKey, publicKey, kid: randomBytes(8).toString('hex') };
}

describe('every API entry point verifies Microsoft tokens (real mode)', () => {
  const entra = keyPair();
  const stranger = keyPair();
  let authority: ServerType;
  let server: ServerType;
  let sendwell: Sendwell;
  let host: string;
  let base: string;
  let audience: string;
  const dataDir = mkdtempSync(join(tmpdir(), 'sendwell-entry-'));

  const listen = (app: { fetch: (r: Request) => Response | Promise<Response> }) =>
    new Promise<{ server: ServerType; url: string }>((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
        resolve({ server: s, url: `http://127.0.0.1:${info.port}` }),
      );
    });

  beforeAll(async () => {
    const jwks = new Hono();
    jwks.get('/:tenant/discovery/v2.0/keys', async (c) =>
      c.json({ keys: [{ ...(await exportJWK(entra.publicKey)), kid: entra.kid, use: 'sig', alg: 'RS256' }] }),
    );
    const a = await listen(jwks);
    authority = a.server;
    host = a.url;
    const app = { fetch: (r: Request) => sendwell.app.fetch(r) };
    const s = await listen(app);
    server = s.server;
    const port = Number(new URL(s.url).port);
    sendwell = await createSendwell(
      loadConfig(
        { port, dataDir },
        {
          SENDWELL_MS_CLIENT_ID: CLIENT_ID,
          SENDWELL_MS_CLIENT_SECRET: 'secret',
          SENDWELL_MS_TENANTS: TENANT,
          SENDWELL_MS_AUTHORITY: host,
          SENDWELL_MS_GRAPH_URL: `${host}/graph/v1.0`,
          SENDWELL_SECRET: randomBytes(32).toString('base64'),
          SENDWELL_BASE_URL: `https://sendwell.example.com`,
        },
      ),
      { logger: silentLogger },
    );
    base = s.url;
    audience = sendwell.config.microsoft!.apiAudience;
  });
  afterAll(async () => {
    server?.close();
    authority?.close();
    await sendwell?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const now = () => Math.floor(Date.now() / 1000);
  function token(over: JWTPayload = {}, key = entra) {
    const tid = (over.tid as string | undefined) ?? TENANT;
    return new SignJWT({
      iss: `${host}/${tid}/v2.0`,
      aud: audience,
      tid,
      oid: 'b1f0c2d3-0000-4000-8000-00000000000a',
      preferred_username: 'rio@example.com',
      name: 'Rio',
      scp: 'access_as_user',
      ver: '2.0',
      iat: now() - 60,
      nbf: now() - 60,
      exp: now() + 3600,
      ...over,
    })
      .setProtectedHeader({ alg: 'RS256', kid: key.kid })
      .sign(key.privateKey);
  }

  const entryPoints = {
    'GET /api/v1/me': (t: string) =>
      fetch(`${base}/api/v1/me`, { headers: { authorization: `Bearer ${t}` } }),
    'GET /api/v1/connections': (t: string) =>
      fetch(`${base}/api/v1/connections`, { headers: { authorization: `Bearer ${t}` } }),
    'GET /api/v1/feed/stream (SSE, access_token)': (t: string) =>
      fetch(`${base}/api/v1/feed/stream?access_token=${encodeURIComponent(t)}`, {
        signal: AbortSignal.timeout(5000),
      }),
  };

  const bad: [string, () => Promise<string>][] = [
    ['forged (signed by another key)', () => token({}, { ...stranger, kid: entra.kid })],
    ['expired', () => token({ iat: now() - 7200, nbf: now() - 7200, exp: now() - 3600 })],
    [
      'from an issuer that is not its tenant',
      () => token({ iss: `${'https://evil.example.com'}/${TENANT}/v2.0` }),
    ],
    ['for another audience (Graph)', () => token({ aud: 'https://graph.microsoft.com' })],
    [
      'that is an ID token (no delegated scope), even with our client id as audience',
      () => token({ aud: CLIENT_ID, scp: undefined }),
    ],
    ['not a JWT', async () => 'not-a-token'],
  ];

  describe.each(Object.entries(entryPoints))('%s', (_name, call) => {
    it.each(bad)('refuses a token %s with 401', async (_label, make) => {
      const response = await call(await make());
      expect(response.status).toBe(401);
      expect((await response.json()).error.code).toBe('invalid-token');
    });

    it('refuses a valid token from a tenant this Sendwell is not set up for with 403', async () => {
      const response = await call(await token({ tid: OTHER_TENANT }));
      expect(response.status).toBe(403);
      expect((await response.json()).error.code).toBe('tenant-not-allowed');
    });
  });

  it('accepts a valid token from a configured tenant and finds the same user by tid+oid', async () => {
    const first = await (await entryPoints['GET /api/v1/me'](await token())).json();
    const renamed = await (
      await entryPoints['GET /api/v1/me'](await token({ preferred_username: 'rio.new@example.com' }))
    ).json();
    expect(first.user.id).toBeTruthy();
    expect(renamed.user.id).toBe(first.user.id);
    const other = await (
      await entryPoints['GET /api/v1/me'](
        await token({ oid: 'b1f0c2d3-0000-4000-8000-00000000000b', preferred_username: 'sam@example.com' }),
      )
    ).json();
    expect(other.user.id).not.toBe(first.user.id);
  });
});
