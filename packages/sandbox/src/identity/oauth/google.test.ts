import { auth } from '@googleapis/gmail';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerConsent } from '../../testing/consent';
import { type Harness, startSandbox } from '../../testing/harness';
import { pkcePair } from '../../testing/oauth';
import { APP } from './entraTestKit';
import { GMAIL_SEND, GOOGLE_REDIRECT, googleKit } from './googleTestKit';

let h: Harness;
beforeAll(async () => {
  h = await startSandbox({ appBaseUrl: APP });
});
afterAll(() => h.close());
const kit = googleKit(() => h);

describe('Google authorization code + PKCE', () => {
  it('answers an opaque access token the Gmail API accepts, a refresh token and an ID token', async () => {
    const { code, verifier, location } = await kit.codeFor();
    expect(location.searchParams.get('state')).toBe('g-1');
    expect(location.searchParams.get('scope')!.split(' ')).toContain(GMAIL_SEND);
    const res = await kit.token({
      grant_type: 'authorization_code',
      code,
      redirect_uri: GOOGLE_REDIRECT,
      code_verifier: verifier,
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3599 });
    expect(body.access_token).toMatch(/^ya29\./);
    expect(body.refresh_token).toMatch(/^1\/\//);
    expect(body.scope.split(' ')).toEqual([
      'openid',
      'https://www.googleapis.com/auth/userinfo.email',
      GMAIL_SEND,
    ]);
    const { payload } = await jwtVerify(
      body.id_token,
      createRemoteJWKSet(new URL(h.sandbox.google.jwksUrl)),
      {
        issuer: h.sandbox.google.issuer,
        audience: kit.client().clientId,
        currentDate: h.clock.now(),
      },
    );
    expect(payload).toMatchObject({
      sub: '104857392018374650021',
      email: 'gus@acme.test',
      hd: 'acme.test',
      azp: kit.client().clientId,
    });
    expect((await (await kit.gmailProfile(body.access_token)).json()).emailAddress).toBe('gus@acme.test');
  });

  it('gives a refresh token on the first offline consent, then only with prompt=consent', async () => {
    expect((await kit.redeem({}, 'ivy')).refresh_token).toBeTruthy();
    expect((await kit.redeem({}, 'ivy')).refresh_token).toBeUndefined();
    expect((await kit.redeem({ prompt: 'consent' }, 'ivy')).refresh_token).toBeTruthy();
    expect(
      (await kit.redeem({ access_type: 'online', prompt: 'consent' }, 'ivy')).refresh_token,
    ).toBeUndefined();
  });

  it('adds earlier scopes with include_granted_scopes=true (incremental consent)', async () => {
    await kit.redeem({ scope: 'openid https://www.googleapis.com/auth/gmail.readonly' }, 'max');
    const widened = await kit.redeem({ scope: GMAIL_SEND, include_granted_scopes: 'true' }, 'max');
    expect(widened.scope.split(' ')).toEqual(
      expect.arrayContaining([GMAIL_SEND, 'https://www.googleapis.com/auth/gmail.readonly']),
    );
    const narrow = await kit.redeem({ scope: GMAIL_SEND }, 'max');
    expect(narrow.scope).toBe(GMAIL_SEND);
  });

  it('refreshes without rotating: a new access token, no refresh_token, the same one keeps working', async () => {
    const first = await kit.redeem({ prompt: 'consent' });
    for (let i = 0; i < 2; i++) {
      const body = await (
        await kit.token({ grant_type: 'refresh_token', refresh_token: first.refresh_token })
      ).json();
      expect(body.access_token).toMatch(/^ya29\./);
      expect(body.access_token).not.toBe(first.access_token);
      expect(body.refresh_token).toBeUndefined();
      expect(body.id_token).toBeTruthy();
    }
  });

  it('serves userinfo for a bearer access token, 401 for anything else', async () => {
    const { access_token } = await kit.redeem({ prompt: 'consent' });
    const url = `${h.sandbox.google.openIdUrl}/v1/userinfo`;
    const ok = await fetch(url, { headers: { Authorization: `Bearer ${access_token}` } });
    expect(await ok.json()).toMatchObject({
      sub: '104857392018374650021',
      email: 'gus@acme.test',
      email_verified: true,
      hd: 'acme.test',
    });
    const bad = await fetch(url, { headers: { Authorization: 'Bearer ya29.nope' } });
    expect([bad.status, await bad.json()]).toEqual([
      401,
      { error: 'invalid_request', error_description: 'Invalid Credentials' },
    ]);
  });
});

describe("Google's own OAuth client (auth.OAuth2 of @googleapis/gmail) against the sandbox", () => {
  it('builds the URL, redeems with the verifier, refreshes and revokes, pointed by endpoints only', async () => {
    const oauth = new auth.OAuth2({
      clientId: kit.client().clientId,
      clientSecret: kit.client().clientSecret,
      redirectUri: GOOGLE_REDIRECT,
      endpoints: {
        oauth2AuthBaseUrl: `${h.sandbox.google.accountsUrl}/o/oauth2/v2/auth`,
        oauth2TokenUrl: `${h.sandbox.google.oauthUrl}/token`,
        oauth2RevokeUrl: `${h.sandbox.google.oauthUrl}/revoke`,
      },
    });
    const { codeVerifier, codeChallenge } = await oauth.generateCodeVerifierAsync();
    const url = oauth.generateAuthUrl({
      access_type: 'offline',
      prompt: 'consent',
      scope: ['openid', 'email', GMAIL_SEND],
      state: 's',
      code_challenge: codeChallenge,
      code_challenge_method: 'S256' as never,
      login_hint: 'ivy@acme.test',
    });
    const code = new URL(await answerConsent(url)).searchParams.get('code')!;
    const { tokens } = await oauth.getToken({ code, codeVerifier });
    expect(tokens.refresh_token).toMatch(/^1\/\//);
    oauth.setCredentials({ refresh_token: tokens.refresh_token });
    const { token } = await oauth.getAccessToken();
    expect((await (await kit.gmailProfile(token!)).json()).emailAddress).toBe('ivy@acme.test');
    await oauth.revokeToken(tokens.refresh_token!);
    oauth.setCredentials({ refresh_token: tokens.refresh_token });
    await expect(oauth.getAccessToken()).rejects.toThrow(/invalid_grant/);
  });
});

describe('Google token endpoint errors', () => {
  const cases: [string, () => Promise<Response>, number, Record<string, string>][] = [
    [
      'a wrong client secret',
      async () =>
        kit.token({
          grant_type: 'authorization_code',
          code: (await kit.codeFor()).code,
          client_secret: 'nope',
        }),
      401,
      { error: 'invalid_client', error_description: 'Unauthorized' },
    ],
    [
      'an unknown client',
      async () =>
        kit.token({
          grant_type: 'refresh_token',
          refresh_token: 'x',
          client_id: '1-x.apps.googleusercontent.com',
        }),
      401,
      { error: 'invalid_client', error_description: 'The OAuth client was not found.' },
    ],
    [
      'a code redeemed twice',
      async () => {
        const { code, verifier } = await kit.codeFor();
        const form = {
          grant_type: 'authorization_code',
          code,
          redirect_uri: GOOGLE_REDIRECT,
          code_verifier: verifier,
        };
        expect((await kit.token(form)).status).toBe(200);
        return kit.token(form);
      },
      400,
      { error: 'invalid_grant', error_description: 'Bad Request' },
    ],
    [
      'a malformed code',
      async () =>
        kit.token({
          grant_type: 'authorization_code',
          code: 'garbage',
          redirect_uri: GOOGLE_REDIRECT,
          code_verifier: 'v',
        }),
      400,
      { error: 'invalid_grant', error_description: 'Malformed auth code.' },
    ],
    [
      'a wrong code_verifier',
      async () =>
        kit.token({
          grant_type: 'authorization_code',
          code: (await kit.codeFor()).code,
          redirect_uri: GOOGLE_REDIRECT,
          code_verifier: pkcePair().verifier,
        }),
      400,
      { error: 'invalid_grant', error_description: 'Invalid code verifier.' },
    ],
    [
      'no code_verifier',
      async () =>
        kit.token({
          grant_type: 'authorization_code',
          code: (await kit.codeFor()).code,
          redirect_uri: GOOGLE_REDIRECT,
        }),
      400,
      { error: 'invalid_grant', error_description: 'Missing code verifier.' },
    ],
    [
      'another redirect_uri',
      async () => {
        const { code, verifier } = await kit.codeFor();
        return kit.token({
          grant_type: 'authorization_code',
          code,
          redirect_uri: `${APP}/x`,
          code_verifier: verifier,
        });
      },
      400,
      { error: 'redirect_uri_mismatch', error_description: 'Bad Request' },
    ],
    [
      'an unsupported grant type',
      async () => kit.token({ grant_type: 'password' }),
      400,
      { error: 'unsupported_grant_type', error_description: 'Invalid grant_type: password' },
    ],
  ];
  it.each(cases)('%s → %i', async (_name, send, status, body) => {
    const res = await send();
    expect([res.status, await res.json()]).toEqual([status, body]);
  });

  it('revoke answers 400 invalid_token for a token it does not know', async () => {
    const res = await fetch(`${h.sandbox.google.oauthUrl}/revoke?token=nope`, { method: 'POST' });
    expect([res.status, await res.json()]).toEqual([
      400,
      { error: 'invalid_token', error_description: 'Token expired or revoked' },
    ]);
  });
});

describe('Google auth request checks', () => {
  const open = async (url: string) => {
    const res = await fetch(url, { redirect: 'manual' });
    return { status: res.status, location: res.headers.get('location'), html: await res.text() };
  };
  it.each([
    [
      'an unknown client_id',
      { client_id: '1-x.apps.googleusercontent.com' },
      401,
      'Error 401: invalid_client',
    ],
    [
      'a redirect_uri not registered',
      { redirect_uri: 'https://evil.test/cb' },
      400,
      'Error 400: redirect_uri_mismatch',
    ],
    [
      'an unknown scope',
      { scope: 'openid https://www.googleapis.com/auth/drive' },
      400,
      'Error 400: invalid_scope',
    ],
    ['no code_challenge', { code_challenge: '' }, 400, 'Error 400: invalid_request'],
  ])('shows an error page, never a redirect, for %s', async (_name, override, status, heading) => {
    const params = { ...kit.params(pkcePair().challenge), ...override } as Record<string, string>;
    for (const [k, v] of Object.entries(params)) if (v === '') delete params[k];
    const res = await open(kit.authUrl(params));
    expect([res.status, res.location, res.html.includes(heading)]).toEqual([status, null, true]);
  });

  it('Cancel sends the browser back with error=access_denied and the state', async () => {
    const location = new URL(
      await answerConsent(kit.authUrl(kit.params(pkcePair().challenge)), { decision: 'cancel' }),
    );
    expect(`${location.origin}${location.pathname}`).toBe(GOOGLE_REDIRECT);
    expect([location.searchParams.get('error'), location.searchParams.get('state')]).toEqual([
      'access_denied',
      'g-1',
    ]);
  });
});
