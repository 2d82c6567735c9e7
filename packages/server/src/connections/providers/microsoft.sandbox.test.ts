import { answerConsent } from '@sendwell/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphMailbox } from '../../mailboxes/graphMailbox';
import { pkcePair } from '../authRequest';
import { GrantError, type OAuthClient } from '../types';
import { IdentityNotAllowed } from './idToken';
import { createMicrosoftOAuthClient, MICROSOFT_SCOPES, type MicrosoftClientOptions } from './microsoft';
import { type ServedSandbox, serveSandbox } from './sandboxServer.testing';

// The Entra client against the sandbox's Entra v2 routes over HTTP, configured as for the real one.
let served: ServedSandbox;
beforeAll(async () => {
  served = await serveSandbox();
});
afterAll(() => served.close());

const user = (id: string) => served.sandbox.users.find((u) => u.id === id)!;
const entra = (extra: Partial<MicrosoftClientOptions> = {}): OAuthClient =>
  createMicrosoftOAuthClient({
    clientId: served.sandbox.oauthClients.microsoft.clientId,
    clientSecret: served.sandbox.oauthClients.microsoft.clientSecret,
    authorityHost: served.sandbox.microsoft.authorityHost,
    redirectUri: `${served.appBaseUrl}/connect/callback/microsoft`,
    graphBaseUrl: served.sandbox.microsoft.graphBaseUrl,
    clock: served.clock,
    ...extra,
  });

/** The browser's part: open the authorization URL, accept as `userId`, land on our callback. */
async function consent(client: OAuthClient, userId: string, tenantId?: string) {
  const { verifier, challenge } = pkcePair();
  const url = await client.authorizationUrl({
    state: 'st-1',
    codeChallenge: challenge,
    loginHint: user(userId).email,
    ...(tenantId ? { tenantId } : {}),
  });
  const callback = new URL(await answerConsent(url, { account: userId }));
  expect(callback.searchParams.get('state')).toBe('st-1');
  return { code: callback.searchParams.get('code')!, codeVerifier: verifier };
}

const graphWith = (accessToken: string) =>
  new GraphMailbox({
    baseUrl: served.sandbox.microsoft.graphBaseUrl,
    address: 'ava@contoso.test',
    getToken: async () => accessToken,
  });

describe('Microsoft OAuth client against the sandbox Entra', () => {
  it('asks for exactly the least-privilege scopes, with PKCE S256 and the login hint', async () => {
    const url = new URL(
      await entra().authorizationUrl({
        state: 's',
        codeChallenge: 'c',
        loginHint: 'ava@contoso.test',
        tenantId: 't',
      }),
    );
    expect(url.pathname).toBe('/sandbox/login/t/oauth2/v2.0/authorize');
    expect(url.searchParams.get('scope')?.split(' ')).toEqual([...MICROSOFT_SCOPES]);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      response_type: 'code',
      code_challenge: 'c',
      code_challenge_method: 'S256',
      login_hint: 'ava@contoso.test',
      state: 's',
    });
  });

  it('redeems the code for Graph tokens and the rep’s immutable ids (tid + oid)', async () => {
    const client = entra();
    const { tokens, identity } = await client.exchangeCode({
      ...(await consent(client, 'ava', user('ava').tenantId)),
      tenantId: user('ava').tenantId,
    });
    expect(identity).toEqual({
      provider: 'microsoft',
      tenantId: user('ava').tenantId,
      subject: user('ava').subject,
      email: 'ava@contoso.test',
      name: user('ava').name,
      hostedDomain: null,
    });
    expect(tokens.refreshToken).toBeTruthy();
    expect(tokens.scopes).toEqual(expect.arrayContaining(['https://graph.microsoft.com/Mail.Send']));
    expect(tokens.expiresAt.getTime()).toBe(served.clock.now().getTime() + 3599_000);
    expect(await graphWith(tokens.accessToken).findSent('snd-none')).toBe(false);
  });

  it('binds to the token’s own tenant when the rep signed in through /organizations', async () => {
    const client = entra();
    const { identity } = await client.exchangeCode(await consent(client, 'lou'));
    expect(identity).toMatchObject({ tenantId: user('lou').tenantId, subject: user('lou').subject });
  });

  it('refuses a tenant this Sendwell is not configured for', async () => {
    const client = entra({ tenantsAllowed: [user('ava').tenantId] });
    await expect(client.exchangeCode(await consent(client, 'lou'))).rejects.toBeInstanceOf(
      IdentityNotAllowed,
    );
  });

  it('refreshes with a rotated refresh token that Graph’s token works with', async () => {
    const client = entra();
    const tenant = user('ava').tenantId;
    const { tokens } = await client.exchangeCode({
      ...(await consent(client, 'ava', tenant)),
      tenantId: tenant,
    });
    served.clock.advance(3_600_000);
    const refreshed = await client.refresh(tokens.refreshToken!, tenant);
    expect(refreshed.refreshToken).toBeTruthy();
    expect(refreshed.refreshToken).not.toBe(tokens.refreshToken);
    expect(await graphWith(refreshed.accessToken).findSent('snd-none')).toBe(false);
  });

  it.each([
    ['revoke', 'consent-revoked'],
    ['password', 'password-changed'],
  ] as const)('after the sandbox’s %s, refresh is a GrantError (%s)', async (action, problem) => {
    const client = entra();
    const tenant = user('eli').tenantId;
    const { tokens } = await client.exchangeCode({
      ...(await consent(client, 'eli', tenant)),
      tenantId: tenant,
    });
    served.clock.advance(1000);
    await served.dev(action, 'eli');
    const error = await client.refresh(tokens.refreshToken!, tenant).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GrantError);
    expect(error).toMatchObject({ problem, providerError: 'invalid_grant' });
  });

  it('a mailbox whose grant was revoked: Graph’s 401, one forced refresh, the GrantError reaches the caller', async () => {
    const client = entra();
    const tenant = user('ava').tenantId;
    const { tokens } = await client.exchangeCode({
      ...(await consent(client, 'ava', tenant)),
      tenantId: tenant,
    });
    let current = tokens;
    const forced: boolean[] = [];
    const mailbox = new GraphMailbox({
      baseUrl: served.sandbox.microsoft.graphBaseUrl,
      address: 'ava@contoso.test',
      getToken: async (options) => {
        forced.push(options?.forceRefresh === true);
        if (options?.forceRefresh) current = await client.refresh(current.refreshToken!, tenant);
        return current.accessToken;
      },
    });
    expect(await mailbox.findSent('snd-none')).toBe(false);
    await served.dev('revoke', 'ava');
    const error = await mailbox
      .send({
        sendwellId: 'snd-held',
        messageId: 'snd-held@sendwell.local',
        from: 'ava@contoso.test',
        to: ['pat@example.com'],
        subject: 'Held',
        html: '<p>Hi</p>',
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GrantError);
    expect(error).toMatchObject({ problem: 'consent-revoked' });
    expect(forced).toEqual([false, false, true]);
  });

  it('a wrong code verifier is refused as the token endpoint says, not the rep’s problem to fix', async () => {
    const client = entra();
    const { code } = await consent(client, 'ava');
    const error = await client.exchangeCode({ code, codeVerifier: 'x'.repeat(43) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GrantError);
    expect((error as GrantError).providerError).toBe('invalid_grant');
  });

  it.each([
    ['http://login.example.com', true],
    ['http://127.0.0.1:3000/sandbox/login', false],
    ['https://login.microsoftonline.com', false],
  ])('authority %s refused: %s (plain http only on loopback)', (authorityHost, refused) => {
    const create = () => entra({ authorityHost });
    if (refused) expect(create).toThrow(/https/);
    else expect(create).not.toThrow();
  });
});
