import { createHash, randomBytes } from 'node:crypto';
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerConsent } from '../../testing/consent';
import { type Harness, startSandbox } from '../../testing/harness';

const APP = 'http://127.0.0.1:3999';
const REDIRECT = `${APP}/connect/callback/microsoft`;
const SCOPES =
  'openid profile email offline_access https://graph.microsoft.com/Mail.Send https://graph.microsoft.com/Mail.Read';

let h: Harness;
beforeAll(async () => {
  h = await startSandbox({ appBaseUrl: APP });
});
afterAll(() => h.close());

const ava = () => h.sandbox.users.find((u) => u.id === 'ava')!;
const client = () => h.sandbox.oauthClients.microsoft;

function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

function authorizeUrl(params: Record<string, string>, tenant = ava().tenantId): string {
  const url = new URL(`${h.sandbox.microsoft.authorityHost}/${tenant}/oauth2/v2.0/authorize`);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.toString();
}

function standardParams(challenge: string, extra: Record<string, string> = {}) {
  return {
    client_id: client().clientId,
    response_type: 'code',
    redirect_uri: REDIRECT,
    scope: SCOPES,
    state: 'st-1',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    login_hint: 'ava@contoso.test',
    ...extra,
  };
}

function token(form: Record<string, string>, init: { basic?: boolean; tenant?: string } = {}) {
  const body = new URLSearchParams(form);
  const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded' };
  if (init.basic) {
    headers.Authorization = `Basic ${Buffer.from(`${client().clientId}:${client().clientSecret}`).toString('base64')}`;
  } else {
    body.set('client_id', form.client_id ?? client().clientId);
    body.set('client_secret', form.client_secret ?? client().clientSecret);
  }
  return fetch(`${h.sandbox.microsoft.authorityHost}/${init.tenant ?? ava().tenantId}/oauth2/v2.0/token`, {
    method: 'POST',
    headers,
    body,
  });
}

async function codeFor(extra: Record<string, string> = {}) {
  const { verifier, challenge } = pkce();
  const location = new URL(await answerConsent(authorizeUrl(standardParams(challenge, extra))));
  return { code: location.searchParams.get('code')!, verifier, location };
}

describe('Entra v2 authorization code + PKCE', () => {
  it('redirects back with code and state, then answers tokens for Graph and an ID token', async () => {
    const { code, verifier, location } = await codeFor();
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
    expect(location.searchParams.get('state')).toBe('st-1');
    const res = await token({
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      code_verifier: verifier,
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599 });
    expect(body.scope.split(' ')).toEqual(
      expect.arrayContaining([
        'https://graph.microsoft.com/Mail.Send',
        'https://graph.microsoft.com/Mail.Read',
        'openid',
      ]),
    );
    expect(body.refresh_token).toMatch(/^1\.A/);
    const jwks = createRemoteJWKSet(new URL(h.sandbox.microsoft.jwksUrl));
    const { payload: id } = await jwtVerify(body.id_token, jwks, {
      issuer: h.sandbox.microsoft.issuer(ava().tenantId),
      audience: client().clientId,
      currentDate: h.clock.now(),
    });
    expect(id).toMatchObject({
      tid: ava().tenantId,
      oid: ava().subject,
      preferred_username: 'ava@contoso.test',
      name: 'Ava Reyes',
    });
    expect(decodeJwt(body.access_token)).toMatchObject({
      aud: 'https://graph.microsoft.com',
      azp: client().clientId,
    });
    const me = await fetch(`${h.sandbox.microsoft.graphBaseUrl}/me`, {
      headers: { Authorization: `Bearer ${body.access_token}` },
    });
    expect((await me.json()).mail).toBe('ava@contoso.test');
  });
});
