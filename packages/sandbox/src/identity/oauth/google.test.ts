import { createHash, randomBytes } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerConsent } from '../../testing/consent';
import { type Harness, startSandbox } from '../../testing/harness';

const APP = 'http://127.0.0.1:3999';
const REDIRECT = `${APP}/connect/callback/google`;
const GMAIL_SEND = 'https://www.googleapis.com/auth/gmail.send';

let h: Harness;
beforeAll(async () => {
  h = await startSandbox({ appBaseUrl: APP });
});
afterAll(() => h.close());

const client = () => h.sandbox.oauthClients.google;

function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

function authUrl(challenge: string, extra: Record<string, string> = {}): string {
  const url = new URL(`${h.sandbox.google.accountsUrl}/o/oauth2/v2/auth`);
  const params = {
    client_id: client().clientId,
    redirect_uri: REDIRECT,
    response_type: 'code',
    scope: `openid email ${GMAIL_SEND}`,
    state: 'g-1',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    access_type: 'offline',
    login_hint: 'gus@acme.test',
    ...extra,
  };
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.toString();
}

function token(form: Record<string, string>) {
  return fetch(`${h.sandbox.google.oauthUrl}/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      client_id: client().clientId,
      client_secret: client().clientSecret,
      ...form,
    }),
  });
}

describe('Google authorization code + PKCE', () => {
  it('answers an opaque access token the Gmail API accepts, a refresh token and an ID token', async () => {
    const { verifier, challenge } = pkce();
    const location = new URL(await answerConsent(authUrl(challenge)));
    expect(location.searchParams.get('state')).toBe('g-1');
    const res = await token({
      grant_type: 'authorization_code',
      code: location.searchParams.get('code')!,
      redirect_uri: REDIRECT,
      code_verifier: verifier,
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3599 });
    expect(body.access_token).toMatch(/^ya29\./);
    expect(body.refresh_token).toMatch(/^1\/\//);
    const { payload } = await jwtVerify(
      body.id_token,
      createRemoteJWKSet(new URL(h.sandbox.google.jwksUrl)),
      {
        issuer: h.sandbox.google.issuer,
        audience: client().clientId,
        currentDate: h.clock.now(),
      },
    );
    expect(payload).toMatchObject({ sub: '104857392018374650021', email: 'gus@acme.test', hd: 'acme.test' });
    const profile = await fetch(`${h.sandbox.google.rootUrl}gmail/v1/users/me/profile`, {
      headers: { Authorization: `Bearer ${body.access_token}` },
    });
    expect((await profile.json()).emailAddress).toBe('gus@acme.test');
  });
});
