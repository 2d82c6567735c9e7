import { classifyTokenError } from '@sendwell/core';
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerConsent } from '../../testing/consent';
import { type Harness, startSandbox } from '../../testing/harness';
import { pkcePair } from '../../testing/oauth';
import { APP, ENTRA_DESCRIPTION, entraKit, MS_REDIRECT } from './entraTestKit';

let h: Harness;
beforeAll(async () => {
  h = await startSandbox({ appBaseUrl: APP });
});
afterAll(() => h.close());
const kit = entraKit(() => h);
const ava = () => h.sandbox.users.find((u) => u.id === 'ava')!;

describe('Entra v2 authorization code + PKCE', () => {
  it.each(['post', 'basic'] as const)(
    'redeems a code with client_secret_%s: Graph access token and ID token',
    async (auth) => {
      const { code, verifier, location } = await kit.codeFor();
      expect(`${location.origin}${location.pathname}`).toBe(MS_REDIRECT);
      expect(location.searchParams.get('state')).toBe('st-1');
      const res = await kit.token(
        { grant_type: 'authorization_code', code, redirect_uri: MS_REDIRECT, code_verifier: verifier },
        auth,
      );
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599 });
      expect(body.scope.split(' ')).toEqual(
        expect.arrayContaining([
          'openid',
          'https://graph.microsoft.com/Mail.Send',
          'https://graph.microsoft.com/Mail.Read',
        ]),
      );
      expect(body.refresh_token).toMatch(/^1\.A/);
      const { payload: id } = await jwtVerify(
        body.id_token,
        createRemoteJWKSet(new URL(h.sandbox.microsoft.jwksUrl)),
        {
          issuer: h.sandbox.microsoft.issuer(ava().tenantId),
          audience: kit.client().clientId,
          currentDate: h.clock.now(),
        },
      );
      expect(id).toMatchObject({
        tid: ava().tenantId,
        oid: ava().subject,
        preferred_username: 'ava@contoso.test',
        name: 'Ava Reyes',
      });
      expect(typeof id.sub).toBe('string');
      expect(decodeJwt(body.access_token)).toMatchObject({
        aud: 'https://graph.microsoft.com',
        azp: kit.client().clientId,
        scp: 'Mail.Send Mail.Read',
      });
      expect((await (await kit.graphMe(body.access_token)).json()).mail).toBe('ava@contoso.test');
    },
  );

  it('signs in the account picked on the page, here nia of the same tenant', async () => {
    const body = await kit.redeem({ login_hint: 'nia@contoso.test' }, 'nia');
    expect(decodeJwt(body.id_token)).toMatchObject({ preferred_username: 'nia@contoso.test' });
    expect((await (await kit.graphMe(body.access_token)).json()).mail).toBe('nia@contoso.test');
  });

  it('answers no refresh token without offline_access', async () => {
    const body = await kit.redeem({ scope: 'openid https://graph.microsoft.com/Mail.Send' }, 'eli');
    expect(body.refresh_token).toBeUndefined();
    expect(body.access_token).toBeTruthy();
  });

  it('rotates refresh tokens on every refresh; the old one keeps working (as Entra)', async () => {
    const first = await kit.redeem();
    const refreshed = await (
      await kit.token({ grant_type: 'refresh_token', refresh_token: first.refresh_token })
    ).json();
    expect(refreshed.refresh_token).toMatch(/^1\.A/);
    expect(refreshed.refresh_token).not.toBe(first.refresh_token);
    expect(refreshed.scope).toContain('https://graph.microsoft.com/Mail.Send');
    const again = await kit.token(
      {
        grant_type: 'refresh_token',
        refresh_token: refreshed.refresh_token,
        scope: 'https://graph.microsoft.com/Mail.Send offline_access',
      },
      'basic',
    );
    expect(again.status).toBe(200);
    expect(
      (await kit.token({ grant_type: 'refresh_token', refresh_token: first.refresh_token })).status,
    ).toBe(200);
  });

  it('refuses a refresh for a permission never consented with AADSTS65001 consent_required', async () => {
    const first = await kit.redeem();
    const res = await kit.token({
      grant_type: 'refresh_token',
      refresh_token: first.refresh_token,
      scope: 'https://graph.microsoft.com/Calendars.Read',
    });
    const body = await res.json();
    expect([res.status, body.error, body.error_codes, body.suberror]).toEqual([
      400,
      'invalid_grant',
      [65001],
      'consent_required',
    ]);
  });
});

describe('Entra token endpoint errors', () => {
  const cases: [string, () => Promise<Response>, number, string, number][] = [
    [
      'a wrong client secret',
      async () =>
        kit.token({
          grant_type: 'authorization_code',
          code: (await kit.codeFor()).code,
          client_secret: 'nope',
        }),
      401,
      'invalid_client',
      7000215,
    ],
    [
      'no client secret',
      async () => kit.token({ grant_type: 'refresh_token', refresh_token: 'x', client_secret: '' }),
      401,
      'invalid_client',
      7000218,
    ],
    [
      'an unknown client',
      async () =>
        kit.token({
          grant_type: 'refresh_token',
          refresh_token: 'x',
          client_id: '00000000-0000-0000-0000-000000000001',
        }),
      400,
      'unauthorized_client',
      700016,
    ],
    [
      'a code redeemed twice',
      async () => {
        const { code, verifier } = await kit.codeFor();
        const form = {
          grant_type: 'authorization_code',
          code,
          redirect_uri: MS_REDIRECT,
          code_verifier: verifier,
        };
        expect((await kit.token(form)).status).toBe(200);
        return kit.token(form);
      },
      400,
      'invalid_grant',
      54005,
    ],
    [
      'a code older than 10 minutes',
      async () => {
        const { code, verifier } = await kit.codeFor();
        h.clock.advance(10 * 60_000 + 1);
        return kit.token({
          grant_type: 'authorization_code',
          code,
          redirect_uri: MS_REDIRECT,
          code_verifier: verifier,
        });
      },
      400,
      'invalid_grant',
      70008,
    ],
    [
      'a wrong code_verifier',
      async () =>
        kit.token({
          grant_type: 'authorization_code',
          code: (await kit.codeFor()).code,
          redirect_uri: MS_REDIRECT,
          code_verifier: pkcePair().verifier,
        }),
      400,
      'invalid_grant',
      501481,
    ],
    [
      'no code_verifier',
      async () =>
        kit.token({
          grant_type: 'authorization_code',
          code: (await kit.codeFor()).code,
          redirect_uri: MS_REDIRECT,
        }),
      400,
      'invalid_request',
      900144,
    ],
    [
      'another redirect_uri',
      async () => {
        const { code, verifier } = await kit.codeFor();
        return kit.token({
          grant_type: 'authorization_code',
          code,
          redirect_uri: `${APP}/elsewhere`,
          code_verifier: verifier,
        });
      },
      400,
      'invalid_grant',
      70000,
    ],
    [
      'an unknown code',
      async () =>
        kit.token({
          grant_type: 'authorization_code',
          code: 'made-up',
          redirect_uri: MS_REDIRECT,
          code_verifier: 'v',
        }),
      400,
      'invalid_grant',
      9002313,
    ],
    [
      'an unknown refresh token',
      async () => kit.token({ grant_type: 'refresh_token', refresh_token: '1.AQmade-up' }),
      400,
      'invalid_grant',
      9002313,
    ],
    [
      'an unsupported grant type',
      async () => kit.token({ grant_type: 'password' }),
      400,
      'unsupported_grant_type',
      70003,
    ],
  ];

  it.each(cases)("%s → %i %s AADSTS%i, in Entra's error shape", async (_name, send, status, error, code) => {
    const res = await send();
    const body = await res.json();
    expect([res.status, body.error, body.error_codes]).toEqual([status, error, [code]]);
    expect(body.error_description).toMatch(ENTRA_DESCRIPTION);
    expect(body.error_description.startsWith(`AADSTS${code}: `)).toBe(true);
    expect(body.error_description).toContain(`Trace ID: ${body.trace_id}`);
    expect(body.error_description).toContain(`Correlation ID: ${body.correlation_id}`);
    expect(body.error_description).toContain(`Timestamp: ${body.timestamp}`);
    expect(body.error_uri).toBe(`${h.baseUrl}/login/error?code=${code}`);
  });

  it("says nothing is the rep's to fix for a misconfigured client (core classifies it null)", async () => {
    const res = await kit.token({ grant_type: 'refresh_token', refresh_token: 'x', client_secret: 'nope' });
    expect(classifyTokenError(await res.json())).toBeNull();
  });
});

describe('Entra authorize request checks', () => {
  const page = async (url: string) => {
    const res = await fetch(url, { redirect: 'manual' });
    return { status: res.status, location: res.headers.get('location'), html: await res.text() };
  };

  it.each([
    ['an unknown client_id', { client_id: '00000000-0000-0000-0000-000000000009' }, 'AADSTS700016'],
    ['a redirect_uri not registered', { redirect_uri: 'https://evil.test/callback' }, 'AADSTS50011'],
    ['a redirect_uri differing only by a trailing slash', { redirect_uri: `${MS_REDIRECT}/` }, 'AADSTS50011'],
  ])('shows an error page, never a redirect, for %s', async (_name, override, code) => {
    const res = await page(kit.authorizeUrl({ ...kit.params(pkcePair().challenge), ...override }));
    expect([res.status, res.location]).toEqual([400, null]);
    expect(res.html).toContain(code);
  });

  it('shows an error page for an unknown tenant', async () => {
    const res = await page(kit.authorizeUrl(kit.params(pkcePair().challenge), 'nowhere.test'));
    expect([res.status, res.html.includes('AADSTS90002')]).toEqual([400, true]);
  });

  it.each([
    ['no code_challenge', { code_challenge: '' }, 'invalid_request', '9002325'],
    ['a plain code_challenge_method', { code_challenge_method: 'plain' }, 'invalid_request', '50149'],
    ['response_type=token', { response_type: 'token' }, 'unsupported_response_type', '700054'],
    ['a bad scope', { scope: 'openid Mail.Send!' }, 'invalid_scope', '70011'],
    ['scopes of two resources', { scope: 'openid Mail.Send api://other/do' }, 'invalid_scope', '28000'],
    ['prompt=none (no session in the sandbox)', { prompt: 'none' }, 'login_required', '50058'],
  ])('redirects back with an error for %s', async (_name, override, error, code) => {
    const params = { ...kit.params(pkcePair().challenge), ...override } as Record<string, string>;
    for (const [k, v] of Object.entries(params)) if (v === '') delete params[k];
    const res = await page(kit.authorizeUrl(params));
    expect(res.status).toBe(302);
    const location = new URL(res.location!);
    expect([location.searchParams.get('error'), location.searchParams.get('state')]).toEqual([error, 'st-1']);
    expect(location.searchParams.get('error_description')).toMatch(new RegExp(`^AADSTS${code}: `));
  });

  it('Cancel sends the browser back with access_denied AADSTS65004 and the state', async () => {
    const location = new URL(
      await answerConsent(kit.authorizeUrl(kit.params(pkcePair().challenge)), { decision: 'cancel' }),
    );
    expect(`${location.origin}${location.pathname}`).toBe(MS_REDIRECT);
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('error_description')).toMatch(/^AADSTS65004: User declined to consent/);
    expect(location.searchParams.get('state')).toBe('st-1');
    expect(location.searchParams.has('code')).toBe(false);
  });
});
