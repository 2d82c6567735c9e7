/**
 * Google OAuth 2.0 for Sendwell's Gmail connections, with Google's own client (google-auth-library's
 * OAuth2Client, taken from @googleapis/gmail through @sendwell/gmail so there is one copy of it).
 * Its endpoints are configuration, so the sandbox stands in for accounts.google.com and
 * oauth2.googleapis.com without a branch here.
 */
import { type Clock, classifyTokenError, systemClock, type TokenErrorBody } from '@sendwell/core';
import { GoogleOAuth2 } from '@sendwell/gmail';
import {
  type GoogleOAuthConfig,
  GrantError,
  type OAuthClient,
  type ProviderIdentity,
  type TokenSet,
} from '../types';
import { insecureLoopbackAllowed } from './endpoints';
import { IdTokenRejected, keySets, stringClaim, verifyIdToken } from './idToken';

const GMAIL = 'https://www.googleapis.com/auth/gmail';

/**
 * Least privilege for what Sendwell does with a Gmail mailbox (each Gmail API method's scopes from
 * its discovery document, as @googleapis/gmail's v1.ts lists them):
 * - `gmail.readonly`: `messages.list` with `q` and `history.list` (inbox scan, Sent folder scan,
 *   findSent by `rfc822msgid:`), `messages.get` with `format=raw` (the bounce's MIME).
 *   `gmail.metadata` forbids `q` and raw, so it cannot;
 * - `gmail.compose`: `drafts.list/get` read the compose window's saved draft and `drafts.delete`
 *   removes it once queued (delete takes compose, modify or mail.google.com only). Compose also
 *   covers `messages.send`, so `gmail.send` would add nothing. Not `gmail.modify`: no labels, no
 *   trash, nothing else changes in the mailbox;
 * - `openid`, `email`: the ID token's `sub` (the immutable id we bind to), `email` and `hd`.
 */
export const GOOGLE_SCOPES = ['openid', 'email', `${GMAIL}.readonly`, `${GMAIL}.compose`] as const;

/** google-auth-library's `CodeChallengeMethod` enum (its value 'S256'), which it does not re-export. */
type ChallengeMethod = NonNullable<Parameters<GoogleOAuth2['generateAuthUrl']>[0]>['code_challenge_method'];

export interface GoogleClientOptions extends GoogleOAuthConfig {
  clock?: Clock;
}

/**
 * Google's ID tokens say `https://accounts.google.com` or `accounts.google.com` (both are
 * documented); the configured issuer is the first, its scheme-less spelling the second.
 */
const issuersOf = (issuer: string) => [issuer, issuer.replace(/^https:\/\//, '')];

export function createGoogleOAuthClient(options: GoogleClientOptions): OAuthClient {
  const clock = options.clock ?? systemClock;
  for (const [name, url] of Object.entries({ authUrl: options.authUrl, tokenUrl: options.tokenUrl }))
    insecureLoopbackAllowed(`Google ${name}`, url);
  const keys = keySets();
  const google = () =>
    new GoogleOAuth2({
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      redirectUri: options.redirectUri,
      endpoints: {
        oauth2AuthBaseUrl: options.authUrl,
        oauth2TokenUrl: options.tokenUrl,
        oauth2RevokeUrl: options.revokeUrl,
        oauth2FederatedSignonJwkCertsUrl: options.jwksUrl,
      },
    });

  async function identityOf(idToken: string | null | undefined): Promise<ProviderIdentity> {
    if (!idToken) throw new IdTokenRejected('Google answered no ID token (is openid among the scopes?).');
    // jose rather than OAuth2Client.verifyIdToken: on Node that one fetches the PEM certs (not the
    // configured JWK URL) and checks times on the wall clock, not the injected one.
    const claims = await verifyIdToken(idToken, {
      keys: keys(options.jwksUrl),
      issuer: issuersOf(options.issuer),
      audience: options.clientId,
      clock,
    });
    const email = stringClaim(claims, 'email');
    if (!claims.sub || !email || claims.email_verified === false)
      throw new IdTokenRejected('ID token refused: no subject or no verified email.');
    return {
      provider: 'google',
      tenantId: 'google',
      subject: claims.sub,
      email,
      name: stringClaim(claims, 'name') ?? email,
      hostedDomain: stringClaim(claims, 'hd'),
    };
  }

  return {
    provider: 'google',
    scopes: GOOGLE_SCOPES,

    async authorizationUrl({ state, codeChallenge, loginHint }) {
      return google().generateAuthUrl({
        scope: [...GOOGLE_SCOPES],
        access_type: 'offline',
        // Google hands a refresh token only on a consent; reconnecting must bring a new one.
        prompt: 'consent',
        include_granted_scopes: true,
        state,
        code_challenge: codeChallenge,
        code_challenge_method: 'S256' as ChallengeMethod,
        ...(loginHint ? { login_hint: loginHint } : {}),
      });
    },

    async exchangeCode({ code, codeVerifier }) {
      const { tokens } = await grant(() => google().getToken({ code, codeVerifier }));
      return {
        tokens: tokenSet(tokens, clock, tokens.refresh_token ?? null),
        identity: await identityOf(tokens.id_token),
      };
    },

    async refresh(refreshToken) {
      const client = google();
      client.setCredentials({ refresh_token: refreshToken });
      const { credentials } = await grant(() => client.refreshAccessToken());
      // Google does not rotate: null keeps the stored refresh token.
      return tokenSet(credentials, clock, null);
    },

    async revoke(refreshToken) {
      // Revoking the refresh token ends the whole grant (and its access tokens) at Google. A token
      // Google no longer knows (`invalid_token`) means the grant is already gone: nothing to do.
      try {
        await grant(() => google().revokeToken(refreshToken));
      } catch (error) {
        if (!(error instanceof GrantError && error.providerError === 'invalid_token')) throw error;
      }
    },
  };
}

interface GoogleTokens {
  access_token?: string | null;
  expiry_date?: number | null;
  scope?: string;
}

function tokenSet(tokens: GoogleTokens, clock: Clock, refreshToken: string | null): TokenSet {
  if (!tokens.access_token) throw new Error('Google answered no access token.');
  // OAuth2Client turns `expires_in` into a wall-clock `expiry_date`; we take the lifetime back out
  // and count it on the injected clock.
  const lifetimeMs = tokens.expiry_date ? Math.max(0, tokens.expiry_date - Date.now()) : 3_600_000;
  return {
    accessToken: tokens.access_token,
    expiresAt: new Date(clock.now().getTime() + lifetimeMs),
    refreshToken,
    scopes: (tokens.scope ?? '').split(' ').filter(Boolean),
  };
}

/** Google's token endpoint error body (a GaxiosError's `response.data`) → GrantError. */
async function grant<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const body = (error as { response?: { data?: unknown } }).response?.data as
      | Partial<TokenErrorBody>
      | undefined;
    if (!body || typeof body.error !== 'string') throw error;
    const said = body.error_description ? ` (${body.error_description})` : '';
    throw new GrantError(
      classifyTokenError(body as TokenErrorBody),
      body.error,
      `Google refused the grant: ${body.error}${said}`,
    );
  }
}
