import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerConsent } from '../../testing/consent';
import { type Harness, startSandbox } from '../../testing/harness';
import { APP, MS_REDIRECT, MS_SCOPES } from './entraTestKit';

// The standards client Sendwell's server uses. It is a dependency of packages/server, not of the
// sandbox, so it is loaded from there at run time (untyped here; the server's own tests type it):
// the test proves the sandbox's Entra endpoints speak plain OAuth 2.0 + OIDC to a client not ours.
const fromServer = createRequire(new URL('../../../../server/package.json', import.meta.url));
const oauth = await import(pathToFileURL(fromServer.resolve('oauth4webapi')).href);

let h: Harness;
beforeAll(async () => {
  h = await startSandbox({ appBaseUrl: APP });
});
afterAll(() => h.close());

describe('oauth4webapi against the sandbox Entra v2 (discovery, code + PKCE, refresh, revoke)', () => {
  it.each(['post', 'basic'] as const)('runs the whole flow with client_secret_%s', async (method) => {
    const ava = h.sandbox.users.find((u) => u.id === 'ava')!;
    const issuer = new URL(h.sandbox.microsoft.issuer(ava.tenantId));
    const allowHttp = { [oauth.allowInsecureRequests]: true };
    const as = await oauth.processDiscoveryResponse(
      issuer,
      await oauth.discoveryRequest(issuer, { algorithm: 'oidc', ...allowHttp }),
    );
    const { clientId, clientSecret } = h.sandbox.oauthClients.microsoft;
    // The sandbox runs on the harness's manual clock: tell the client how far it is from real time.
    const skew = Math.round((h.clock.now().getTime() - Date.now()) / 1000);
    const client = {
      client_id: clientId,
      [oauth.clockSkew]: skew,
    };
    const auth =
      method === 'post' ? oauth.ClientSecretPost(clientSecret) : oauth.ClientSecretBasic(clientSecret);
    const verifier = oauth.generateRandomCodeVerifier();
    const state = oauth.generateRandomState();
    const url = new URL(as.authorization_endpoint!);
    for (const [k, v] of Object.entries({
      client_id: clientId,
      redirect_uri: MS_REDIRECT,
      response_type: 'code',
      scope: MS_SCOPES,
      state,
      code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
    }))
      url.searchParams.set(k, v);
    const params = oauth.validateAuthResponse(
      as,
      client,
      new URL(await answerConsent(url.toString())),
      state,
    );
    const response = await oauth.authorizationCodeGrantRequest(
      as,
      client,
      auth,
      params,
      MS_REDIRECT,
      verifier,
      allowHttp,
    );
    const tokens = await oauth.processAuthorizationCodeResponse(as, client, response);
    const claims = oauth.getValidatedIdTokenClaims(tokens)!;
    expect(claims).toMatchObject({ oid: ava.subject, tid: ava.tenantId, preferred_username: ava.email });

    const refreshed = await oauth.processRefreshTokenResponse(
      as,
      client,
      await oauth.refreshTokenGrantRequest(as, client, auth, tokens.refresh_token!, allowHttp),
    );
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);

    h.sandbox.revokeAccess('ava');
    const refused = oauth.processRefreshTokenResponse(
      as,
      client,
      await oauth.refreshTokenGrantRequest(as, client, auth, refreshed.refresh_token!, allowHttp),
    );
    await expect(refused).rejects.toMatchObject({ error: 'invalid_grant', cause: { error_codes: [65001] } });
  });
});
