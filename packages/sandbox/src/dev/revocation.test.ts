import { classifyTokenError } from '@sendwell/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNAUTHENTICATED_MESSAGE } from '../gmail/errors';
import { APP, ENTRA_DESCRIPTION, entraKit } from '../identity/oauth/entraTestKit';
import { googleKit } from '../identity/oauth/googleTestKit';
import { type Harness, startSandbox } from '../testing/harness';
import { postJson } from '../testing/oauth';

let h: Harness;
beforeAll(async () => {
  h = await startSandbox({ appBaseUrl: APP });
});
afterAll(() => h.close());
const ms = entraKit(() => h);
const google = googleKit(() => h);
const revoke = (userId: string) => postJson(`${h.baseUrl}/dev/revoke`, { userId });
const changePassword = (userId: string) => postJson(`${h.baseUrl}/dev/password`, { userId });
const devToken = async (userId: string, kind: string) =>
  (await (await postJson(`${h.baseUrl}/dev/token`, { userId, kind })).json()).token as string;

describe('the rep removes Sendwell from their Microsoft account (POST /dev/revoke)', () => {
  it('ends refresh tokens with AADSTS65001 consent_required and Graph access tokens with a 401', async () => {
    const tokens = await ms.redeem();
    const rotated = await (
      await ms.token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token })
    ).json();
    const untouched = await devToken('ava', 'microsoft-access');
    expect((await revoke('ava')).status).toBe(200);

    for (const refreshToken of [tokens.refresh_token, rotated.refresh_token]) {
      const res = await ms.token({ grant_type: 'refresh_token', refresh_token: refreshToken });
      const body = await res.json();
      expect([res.status, body.error, body.error_codes, body.suberror]).toEqual([
        400,
        'invalid_grant',
        [65001],
        'consent_required',
      ]);
      expect(body.error_description).toMatch(ENTRA_DESCRIPTION);
      expect(classifyTokenError(body)).toBe('consent-revoked');
    }
    for (const accessToken of [tokens.access_token, rotated.access_token]) {
      const me = await ms.graphMe(accessToken);
      expect(me.status).toBe(401);
      expect((await me.json()).error.code).toBe('InvalidAuthenticationToken');
      expect(me.headers.get('www-authenticate')).toMatch(/error="insufficient_claims", claims="/);
    }
    // Tokens minted by the dev route belong to no grant: the tests that use them keep working.
    expect((await ms.graphMe(untouched)).status).toBe(200);
  });

  it('lets the rep consent again: new tokens work', async () => {
    await revoke('eli');
    const again = await ms.redeem({ login_hint: 'eli@contoso.test' }, 'eli');
    expect((await ms.graphMe(again.access_token)).status).toBe(200);
    expect((await ms.token({ grant_type: 'refresh_token', refresh_token: again.refresh_token })).status).toBe(
      200,
    );
  });
});

describe('the rep changes their Microsoft password (POST /dev/password)', () => {
  it('ends earlier refresh tokens with AADSTS50173 and Graph rejects earlier access tokens; later ones work', async () => {
    const before = await ms.redeem({ login_hint: 'nia@contoso.test' }, 'nia');
    expect((await changePassword('nia')).status).toBe(200);
    const res = await ms.token({ grant_type: 'refresh_token', refresh_token: before.refresh_token });
    const body = await res.json();
    expect([res.status, body.error, body.error_codes]).toEqual([400, 'invalid_grant', [50173]]);
    expect(body.error_description).toMatch(
      /^AADSTS50173: The provided grant has expired due to it being revoked/,
    );
    expect(classifyTokenError(body)).toBe('password-changed');
    expect((await ms.graphMe(before.access_token)).status).toBe(401);

    const after = await ms.redeem({ login_hint: 'nia@contoso.test' }, 'nia');
    expect((await ms.graphMe(after.access_token)).status).toBe(200);
    expect((await ms.token({ grant_type: 'refresh_token', refresh_token: after.refresh_token })).status).toBe(
      200,
    );
  });
});

describe('the rep removes Sendwell from their Google account', () => {
  const gmailUnauthenticated = {
    error: {
      code: 401,
      message: UNAUTHENTICATED_MESSAGE,
      errors: [
        {
          message: UNAUTHENTICATED_MESSAGE,
          domain: 'global',
          reason: 'authError',
          location: 'Authorization',
          locationType: 'header',
        },
      ],
      status: 'UNAUTHENTICATED',
    },
  };

  it('ends refresh tokens (invalid_grant "Token has been expired or revoked.") and access tokens (Gmail 401)', async () => {
    const tokens = await google.redeem({ prompt: 'consent' }, 'gus');
    const untouched = await devToken('gus', 'google-access');
    expect((await revoke('gus')).status).toBe(200);
    const res = await google.token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
    const body = await res.json();
    expect([res.status, body]).toEqual([
      400,
      { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' },
    ]);
    expect(classifyTokenError(body)).toBe('grant-revoked');
    const profile = await google.gmailProfile(tokens.access_token);
    expect([profile.status, await profile.json()]).toEqual([401, gmailUnauthenticated]);
    expect((await google.gmailProfile(untouched)).status).toBe(200);
  });

  it('does the same through the revoke endpoint (the app disconnects), for the access token too', async () => {
    const tokens = await google.redeem({ prompt: 'consent' }, 'ivy');
    const res = await fetch(
      `${h.sandbox.google.oauthUrl}/revoke?token=${encodeURIComponent(tokens.access_token)}`,
      { method: 'POST' },
    );
    expect(res.status).toBe(200);
    expect(
      (await google.token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token })).status,
    ).toBe(400);
    expect((await google.gmailProfile(tokens.access_token)).status).toBe(401);
  });

  it('a password change ends refresh tokens with Gmail scopes; the access token lives until it expires', async () => {
    const tokens = await google.redeem({ prompt: 'consent' }, 'max');
    await changePassword('max');
    const res = await google.token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
    expect(await res.json()).toEqual({
      error: 'invalid_grant',
      error_description: 'Token has been expired or revoked.',
    });
    expect((await google.gmailProfile(tokens.access_token)).status).toBe(200);
  });
});

describe('grantOffline (the seed\'s "connected once")', () => {
  it.each([
    ['ava', 'microsoft'],
    ['gus', 'google'],
  ] as const)(
    'gives %s a refresh token the %s token endpoint honours, and revoke ends it',
    async (userId, provider) => {
      const { refreshToken } = h.sandbox.grantOffline(userId, provider);
      const send = () =>
        provider === 'microsoft'
          ? ms.token({ grant_type: 'refresh_token', refresh_token: refreshToken })
          : google.token({ grant_type: 'refresh_token', refresh_token: refreshToken });
      const ok = await (await send()).json();
      const probe =
        provider === 'microsoft'
          ? await ms.graphMe(ok.access_token)
          : await google.gmailProfile(ok.access_token);
      expect(probe.status).toBe(200);
      expect(h.sandbox.revokeAccess(userId)).toBeGreaterThan(0);
      expect((await send()).status).toBe(400);
    },
  );

  it('refuses a provider the user has no account at', () => {
    expect(() => h.sandbox.grantOffline('gus', 'microsoft')).toThrow(/no microsoft account/);
  });
});
