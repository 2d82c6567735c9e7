import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ManualClock } from '@sendwell/core';
import { createLocalJWKSet, exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGoogleRequestVerifier, type GoogleAuthConfig, GoogleAuthError } from './verifyGoogleRequest';

const ENDPOINT = 'https://sendwell.example/gmail/addon';
const CLIENT_ID = 'addon-client-id';
const SERVICE_ACCOUNT = 'service-42@gcp-sa-gsuiteaddons.iam.gserviceaccount.com';
const clock = new ManualClock('2026-03-02T10:00:00Z');
const nowSeconds = () => Math.floor(clock.now().getTime() / 1000);

let signingKey: CryptoKey;
let strangerKey: CryptoKey;
let jwk: JWK;

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  signingKey = pair.privateKey;
  strangerKey = (await generateKeyPair('RS256')).privateKey;
  jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
});

interface TokenSpec {
  aud?: string;
  iss?: string;
  email?: string;
  emailVerified?: boolean;
  expiresIn?: number;
  key?: 'good' | 'stranger';
  /** null: no `sub` claim at all. */
  sub?: string | null;
  hd?: string;
}

function sign(spec: TokenSpec): Promise<string> {
  const claims = { email: spec.email, email_verified: spec.emailVerified ?? true, hd: spec.hd };
  const jwt = new SignJWT(spec.sub === null ? claims : { ...claims, sub: spec.sub ?? '1234' });
  return jwt
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .setIssuer(spec.iss ?? 'https://accounts.google.com')
    .setAudience(spec.aud ?? ENDPOINT)
    .setIssuedAt(nowSeconds() - 10)
    .setExpirationTime(nowSeconds() + (spec.expiresIn ?? 3600))
    .sign(spec.key === 'stranger' ? strangerKey : signingKey);
}

const systemDefaults: TokenSpec = { aud: ENDPOINT, email: SERVICE_ACCOUNT };
const userDefaults: TokenSpec = { aud: CLIENT_ID, email: 'Rep@Example.com' };

function config(extra: Partial<GoogleAuthConfig> = {}): GoogleAuthConfig {
  return {
    jwksUrl: 'http://unused.invalid/certs',
    issuers: ['https://accounts.google.com', 'accounts.google.com'],
    systemAudience: ENDPOINT,
    userAudience: CLIENT_ID,
    serviceAccountEmail: SERVICE_ACCOUNT,
    keys: createLocalJWKSet({ keys: [jwk] }),
    clock,
    ...extra,
  };
}

async function attempt(system: TokenSpec | null, user: TokenSpec | null) {
  const verify = createGoogleRequestVerifier(config());
  const authorization = system ? `Bearer ${await sign({ ...systemDefaults, ...system })}` : undefined;
  const userIdToken = user ? await sign({ ...userDefaults, ...user }) : undefined;
  return verify({ authorization, userIdToken });
}

describe('createGoogleRequestVerifier', () => {
  it('accepts a valid pair and returns the user (email lower-cased)', async () => {
    await expect(attempt({}, {})).resolves.toEqual({
      email: 'rep@example.com',
      subject: '1234',
      hostedDomain: null,
    });
  });

  it("returns the Workspace domain (hd) beside the account's sub", async () => {
    await expect(attempt({}, { hd: 'Example.com', sub: '99' })).resolves.toEqual({
      email: 'rep@example.com',
      subject: '99',
      hostedDomain: 'example.com',
    });
  });

  it('ignores a query string on the system token audience', async () => {
    await expect(attempt({ aud: `${ENDPOINT}?t=home` }, {})).resolves.toMatchObject({
      email: 'rep@example.com',
    });
  });

  it.each<[string, TokenSpec | null, TokenSpec | null, string]>([
    ['no system token', null, {}, 'missing-system-token'],
    ['no user token', {}, null, 'missing-user-token'],
    ['system token for another endpoint', { aud: 'https://evil.example/addon' }, {}, 'invalid-system-token'],
    ['system token from another account', { email: 'someone@evil.example' }, {}, 'invalid-system-token'],
    ['system token with unverified email', { emailVerified: false }, {}, 'invalid-system-token'],
    ['system token signed by an unknown key', { key: 'stranger' }, {}, 'invalid-system-token'],
    ['expired system token', { expiresIn: -120 }, {}, 'invalid-system-token'],
    ['system token from another issuer', { iss: 'https://login.example' }, {}, 'invalid-system-token'],
    ['user token for another client', {}, { aud: 'other-client' }, 'invalid-user-token'],
    ['user token with unverified email', {}, { emailVerified: false }, 'invalid-user-token'],
    ['expired user token', {}, { expiresIn: -120 }, 'invalid-user-token'],
    ['user token signed by an unknown key', {}, { key: 'stranger' }, 'invalid-user-token'],
    ['user token from another issuer', {}, { iss: 'https://login.example' }, 'invalid-user-token'],
    ['user token without a subject', {}, { sub: null }, 'invalid-user-token'],
  ])('rejects %s', async (_name, system, user, code) => {
    const failure = await attempt(system, user).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GoogleAuthError);
    expect((failure as GoogleAuthError).code).toBe(code);
  });

  it('rejects a malformed Authorization header', async () => {
    const verify = createGoogleRequestVerifier(config());
    const userIdToken = await sign(userDefaults);
    await expect(verify({ authorization: 'Basic abc', userIdToken })).rejects.toMatchObject({
      code: 'missing-system-token',
    });
  });

  it('never puts the token into the error message', async () => {
    const token = await sign({ ...systemDefaults, aud: 'https://evil.example' });
    const verify = createGoogleRequestVerifier(config());
    const failure = (await verify({ authorization: `Bearer ${token}`, userIdToken: token }).catch(
      (e: unknown) => e,
    )) as Error;
    expect(failure.message).not.toContain(token.split('.')[1]!);
  });
});

describe('createGoogleRequestVerifier with a remote JWKS', () => {
  let server: Server;
  let jwksUrl: string;
  beforeAll(async () => {
    server = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/oauth2/v3/certs`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('fetches the keys from jwksUrl', async () => {
    const verify = createGoogleRequestVerifier(config({ keys: undefined, jwksUrl }));
    const identity = await verify({
      authorization: `Bearer ${await sign(systemDefaults)}`,
      userIdToken: await sign(userDefaults),
    });
    expect(identity.email).toBe('rep@example.com');
  });
});
