import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { ManualClock } from '@sendwell/core';
import { Hono } from 'hono';
import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GrantError } from '../types';
import { IdTokenRejected } from './idToken';
import { createMicrosoftOAuthClient } from './microsoft';

// A fake Entra on loopback whose token endpoint answers whatever ID token a case signs, so each way
// an ID token can lie is refused. (The sandbox's Entra only signs honest ones.)
const TENANT = '6c1a3b2e-0000-4000-8000-00000000c0de';
const CLIENT_ID = 'client-under-test';
const clock = new ManualClock('2026-03-02T10:00:00Z');
let host: string;
let idToken = '';
let close: () => Promise<void>;
let published: Awaited<ReturnType<typeof generateKeyPair>>;
let forger: Awaited<ReturnType<typeof generateKeyPair>>;

beforeAll(async () => {
  published = await generateKeyPair('RS256');
  forger = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(published.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  const app = new Hono();
  app.get('/:tenant/discovery/v2.0/keys', (c) => c.json({ keys: [jwk] }));
  app.post('/:tenant/oauth2/v2.0/token', (c) =>
    c.json({
      token_type: 'Bearer',
      access_token: 'at',
      expires_in: 3599,
      refresh_token: 'rt',
      id_token: idToken,
    }),
  );
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  host = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise<void>((resolve) => server.close(() => resolve()));
});
afterAll(() => close());

async function sign(overrides: JWTPayload, key = published.privateKey): Promise<string> {
  const now = Math.floor(clock.now().getTime() / 1000);
  return new SignJWT({
    iss: `${host}/${TENANT}/v2.0`,
    aud: CLIENT_ID,
    tid: TENANT,
    oid: 'oid-1',
    sub: 'pairwise-1',
    preferred_username: 'rep@contoso.test',
    name: 'Rep',
    iat: now,
    nbf: now,
    exp: now + 3600,
    ...overrides,
  })
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .sign(key);
}

const exchange = () =>
  createMicrosoftOAuthClient({
    clientId: CLIENT_ID,
    clientSecret: 'secret',
    authorityHost: host,
    redirectUri: 'http://127.0.0.1/connect/callback/microsoft',
    graphBaseUrl: 'http://127.0.0.1/graph',
    clock,
  }).exchangeCode({ code: 'c', codeVerifier: 'v'.repeat(43), tenantId: TENANT });

describe('Microsoft ID token checks', () => {
  it('accepts an honest token and reads tid + oid from it', async () => {
    idToken = await sign({});
    expect((await exchange()).identity).toMatchObject({ tenantId: TENANT, subject: 'oid-1' });
  });

  it('refuses a token signed with a key the tenant does not publish', async () => {
    idToken = await sign({}, forger.privateKey);
    await expect(exchange()).rejects.toBeInstanceOf(IdTokenRejected);
  });

  it.each<[string, JWTPayload]>([
    ['for another app', { aud: 'someone-else' }],
    ['from another issuer than its tenant', { iss: `${host}/another-tenant/v2.0` }],
    ['expired', { exp: Math.floor(clock.now().getTime() / 1000) - 3600 }],
    ['without an oid', { oid: undefined }],
  ])('refuses a token %s, and not as a grant problem', async (_case, overrides) => {
    idToken = await sign(overrides);
    const error = await exchange().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(GrantError);
  });
});
