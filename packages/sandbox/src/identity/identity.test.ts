import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startSandbox } from '../testing/harness';

let h: Harness;
beforeAll(async () => {
  h = await startSandbox();
});
afterAll(() => h.close());

const at = () => h.clock.now();

describe('Entra ID stand-in', () => {
  it('issues v2-style tokens that verify against the published tenant JWKS', async () => {
    const ava = h.sandbox.users.find((u) => u.id === 'ava')!;
    const token = await h.sandbox.issueMicrosoftToken('ava');
    const jwks = createRemoteJWKSet(new URL(`${h.baseUrl}/login/${ava.tenantId}/discovery/v2.0/keys`));
    const { payload } = await jwtVerify(token, jwks, {
      issuer: h.sandbox.microsoft.issuer(ava.tenantId),
      audience: 'https://graph.microsoft.com',
      currentDate: at(),
    });
    expect(payload).toMatchObject({
      tid: ava.tenantId,
      oid: ava.subject,
      preferred_username: 'ava@contoso.test',
      ver: '2.0',
    });
    expect(String(payload.scp).split(' ')).toEqual(expect.arrayContaining(['Mail.Send', 'Mail.Read']));
    expect(payload.iss).toBe(`${h.baseUrl}/login/${ava.tenantId}/v2.0`);
    expect(payload.exp! - payload.iat!).toBe(3600);
  });

  it('uses the requested audience for our own API', async () => {
    const claims = decodeJwt(await h.sandbox.issueMicrosoftToken('eli', 'api://sendwell'));
    expect(claims).toMatchObject({
      aud: 'api://sendwell',
      scp: 'access_as_user',
      preferred_username: 'eli@contoso.test',
    });
  });

  it('publishes an OpenID configuration pointing at the keys', async () => {
    const config = await (
      await fetch(`${h.baseUrl}/login/common/v2.0/.well-known/openid-configuration`)
    ).json();
    expect(config.jwks_uri).toBe(`${h.baseUrl}/login/common/discovery/v2.0/keys`);
    expect(config.authorization_endpoint).toBe(`${h.baseUrl}/login/common/oauth2/v2.0/authorize`);
    expect(config.token_endpoint).toBe(`${h.baseUrl}/login/common/oauth2/v2.0/token`);
  });

  it.each([
    ['common', '{tenantid}'],
    ['organizations', '{tenantid}'],
    ['contoso.test', '7f3c1e52-9d4a-4b6e-8a21-3c5d0f9b1a10'],
    ['7f3c1e52-9d4a-4b6e-8a21-3c5d0f9b1a10', '7f3c1e52-9d4a-4b6e-8a21-3c5d0f9b1a10'],
  ])('names the issuer of /%s as Entra does (%s)', async (tenant, issuerTenant) => {
    const config = await (
      await fetch(`${h.baseUrl}/login/${tenant}/v2.0/.well-known/openid-configuration`)
    ).json();
    expect(config.issuer).toBe(`${h.baseUrl}/login/${issuerTenant}/v2.0`);
  });
});

describe('Google identity stand-in', () => {
  it('publishes an OpenID configuration with the OAuth endpoints', async () => {
    const config = await (
      await fetch(`${h.baseUrl}/google/accounts/.well-known/openid-configuration`)
    ).json();
    expect(config).toMatchObject({
      issuer: h.sandbox.google.issuer,
      authorization_endpoint: `${h.sandbox.google.accountsUrl}/o/oauth2/v2/auth`,
      token_endpoint: `${h.sandbox.google.oauthUrl}/token`,
      revocation_endpoint: `${h.sandbox.google.oauthUrl}/revoke`,
      userinfo_endpoint: `${h.sandbox.google.openIdUrl}/v1/userinfo`,
      jwks_uri: h.sandbox.google.jwksUrl,
    });
  });

  const jwks = () => createRemoteJWKSet(new URL(h.sandbox.google.jwksUrl));

  it('issues user ID tokens for the add-on client id', async () => {
    const token = await h.sandbox.issueGoogleIdToken('gus');
    const { payload } = await jwtVerify(token, jwks(), {
      issuer: h.sandbox.google.issuer,
      audience: h.sandbox.google.clientId,
      currentDate: at(),
    });
    expect(payload).toMatchObject({
      email: 'gus@acme.test',
      email_verified: true,
      sub: '104857392018374650021',
    });
  });

  it('issues system ID tokens for the endpoint URL, from the add-on service account', async () => {
    const endpoint = 'http://127.0.0.1:3000/gmail/addon';
    const token = await h.sandbox.issueGoogleSystemIdToken(endpoint);
    const { payload } = await jwtVerify(token, jwks(), {
      issuer: h.sandbox.google.issuer,
      audience: endpoint,
      currentDate: at(),
    });
    expect(payload.email).toBe(h.sandbox.google.serviceAccountEmail);
    expect(payload.email).toMatch(/^service-\d+@gcp-sa-gsuiteaddons\.iam\.gserviceaccount\.com$/);
    await expect(
      jwtVerify(token, jwks(), { audience: 'http://elsewhere/', currentDate: at() }),
    ).rejects.toThrow();
  });

  it('does not verify Google tokens with the Microsoft keys', async () => {
    const token = await h.sandbox.issueGoogleIdToken('gus');
    await expect(
      jwtVerify(token, createRemoteJWKSet(new URL(h.sandbox.microsoft.jwksUrl)), { currentDate: at() }),
    ).rejects.toThrow();
  });
});

describe('dev endpoints', () => {
  const post = (body: unknown) =>
    fetch(`${h.baseUrl}/dev/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('lists the demo users', async () => {
    const { users } = await (await fetch(`${h.baseUrl}/dev/users`)).json();
    expect(users.map((u: { email: string }) => u.email)).toEqual([
      'ava@contoso.test',
      'eli@contoso.test',
      'lou@fabrikam.test',
      'gus@acme.test',
      'ivy@acme.test',
      'nia@contoso.test',
      'max@acme.test',
    ]);
    expect(users.find((u: { id: string }) => u.id === 'lou').legacy).toBe(true);
    // nia and max start without a connection: they go through the consent page themselves.
    const unconnected = users
      .filter((u: { connected: boolean }) => !u.connected)
      .map((u: { id: string }) => u.id);
    expect(unconnected).toEqual(['nia', 'max']);
  });

  it.each([
    [{ userId: 'ava', kind: 'microsoft-access' }, 200],
    [{ userId: 'gus', kind: 'google-access' }, 200],
    [{ userId: 'gus', kind: 'google-id' }, 200],
    [{ userId: 'nobody', kind: 'google-system-id', audience: 'http://x/gmail/addon' }, 200],
    [{ userId: 'gus', kind: 'google-system-id' }, 400],
    [{ userId: 'gus', kind: 'microsoft-access' }, 400],
    [{ userId: 'ava', kind: 'google-access' }, 400],
    [{ userId: 'zed', kind: 'google-id' }, 404],
    [{ userId: 'ava', kind: 'password' }, 400],
  ])('POST /dev/token %j → %d', async (body, status) => {
    const res = await post(body);
    expect(res.status).toBe(status);
    if (status === 200) expect(typeof (await res.json()).token).toBe('string');
  });

  it('hands out a Google access token the Gmail API accepts', async () => {
    const { token } = await (await post({ userId: 'ivy', kind: 'google-access' })).json();
    const res = await fetch(`${h.sandbox.google.rootUrl}gmail/v1/users/me/profile`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect((await res.json()).emailAddress).toBe('ivy@acme.test');
  });
});
