import { GmailApiMailbox, GmailDrafts } from '@sendwell/gmail';
import { answerConsent } from '@sendwell/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pkcePair } from '../authRequest';
import { GrantError, type OAuthClient } from '../types';
import { createGoogleOAuthClient, GOOGLE_SCOPES } from './google';
import { type ServedSandbox, serveSandbox } from './sandboxServer.testing';

// Google's OAuth2 client against the sandbox's Google routes over HTTP, configured as for the real one.
let served: ServedSandbox;
beforeAll(async () => {
  served = await serveSandbox();
});
afterAll(() => served.close());

const gus = () => served.sandbox.users.find((u) => u.id === 'gus')!;
const google = (): OAuthClient => {
  const { sandbox } = served;
  return createGoogleOAuthClient({
    clientId: sandbox.oauthClients.google.clientId,
    clientSecret: sandbox.oauthClients.google.clientSecret,
    authUrl: `${sandbox.google.accountsUrl}/o/oauth2/v2/auth`,
    tokenUrl: `${sandbox.google.oauthUrl}/token`,
    revokeUrl: `${sandbox.google.oauthUrl}/revoke`,
    issuer: sandbox.google.issuer,
    jwksUrl: sandbox.google.jwksUrl,
    redirectUri: `${served.appBaseUrl}/connect/callback/google`,
    gmailRootUrl: sandbox.google.rootUrl,
    clock: served.clock,
  });
};

/** The browser's part: open the authorization URL, accept as `userId`, land on our callback. */
async function connect(client: OAuthClient, userId: string) {
  const { verifier, challenge } = pkcePair();
  const email = served.sandbox.users.find((u) => u.id === userId)!.email;
  const url = await client.authorizationUrl({ state: 'g-1', codeChallenge: challenge, loginHint: email });
  const callback = new URL(await answerConsent(url, { account: userId }));
  expect(callback.searchParams.get('state')).toBe('g-1');
  return client.exchangeCode({ code: callback.searchParams.get('code')!, codeVerifier: verifier });
}

const gmailWith = (accessToken: string) =>
  new GmailApiMailbox({
    address: 'gus@acme.test',
    rootUrl: served.sandbox.google.rootUrl,
    getToken: async () => accessToken,
    clock: served.clock,
  });

describe('Google OAuth client against the sandbox Google', () => {
  it('asks offline, with consent, granted scopes included, PKCE S256 and least-privilege scopes', async () => {
    const url = new URL(
      await google().authorizationUrl({ state: 's', codeChallenge: 'c', loginHint: 'gus@acme.test' }),
    );
    expect(url.pathname).toBe('/sandbox/google/accounts/o/oauth2/v2/auth');
    expect(url.searchParams.get('scope')?.split(' ')).toEqual([...GOOGLE_SCOPES]);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      access_type: 'offline',
      prompt: 'consent',
      include_granted_scopes: 'true',
      code_challenge: 'c',
      code_challenge_method: 'S256',
      login_hint: 'gus@acme.test',
      response_type: 'code',
    });
  });

  it('redeems the code: a refresh token, a Gmail token and the rep’s Google sub', async () => {
    const { tokens, identity } = await connect(google(), 'gus');
    expect(identity).toEqual({
      provider: 'google',
      tenantId: 'google',
      subject: gus().subject,
      email: 'gus@acme.test',
      name: 'gus@acme.test',
      hostedDomain: 'acme.test',
    });
    expect(tokens.refreshToken).toBeTruthy();
    expect(tokens.scopes).toEqual(expect.arrayContaining(['https://www.googleapis.com/auth/gmail.compose']));
    expect(tokens.expiresAt.getTime()).toBeGreaterThan(served.clock.now().getTime() + 3500_000);
    expect(await gmailWith(tokens.accessToken).findSent('snd-none')).toBe(false);
    const drafts = new GmailDrafts({
      rootUrl: served.sandbox.google.rootUrl,
      getToken: async () => tokens.accessToken,
    });
    expect(await drafts.recent()).toEqual(expect.any(Array));
  });

  it('refreshes: a new access token, and null for the refresh token Google keeps', async () => {
    const client = google();
    const { tokens } = await connect(client, 'gus');
    served.clock.advance(3_600_000);
    const refreshed = await client.refresh(tokens.refreshToken!);
    expect(refreshed.refreshToken).toBeNull();
    expect(refreshed.accessToken).not.toBe(tokens.accessToken);
    expect(await gmailWith(refreshed.accessToken).findSent('snd-none')).toBe(false);
  });

  it('after the rep removes access in the sandbox, refresh is GrantError(grant-revoked)', async () => {
    const client = google();
    const { tokens } = await connect(client, 'ivy');
    await served.dev('revoke', 'ivy');
    const error = await client.refresh(tokens.refreshToken!).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GrantError);
    expect(error).toMatchObject({ problem: 'grant-revoked', providerError: 'invalid_grant' });
  });

  it('revoke ends the grant at Google; revoking again is fine', async () => {
    const client = google();
    const { tokens } = await connect(client, 'gus');
    await client.revoke(tokens.refreshToken!);
    await expect(client.refresh(tokens.refreshToken!)).rejects.toMatchObject({ problem: 'grant-revoked' });
    await expect(client.revoke(tokens.refreshToken!)).resolves.toBeUndefined();
  });

  it('a wrong code verifier is GrantError(invalid_grant)', async () => {
    const client = google();
    const { challenge } = pkcePair();
    const url = await client.authorizationUrl({ state: 'g-2', codeChallenge: challenge });
    const code = new URL(await answerConsent(url, { account: 'gus' })).searchParams.get('code')!;
    const error = await client.exchangeCode({ code, codeVerifier: 'y'.repeat(43) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GrantError);
    expect((error as GrantError).providerError).toBe('invalid_grant');
  });
});
