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
export const googleIssuers = (issuer: string) => [issuer, issuer.replace(/^https:\/\//, '')];

export function createGoogleOAuthClient(options: GoogleClientOptions): OAuthClient {
  return new GoogleOAuthClient(options);
}

class GoogleOAuthClient implements OAuthClient {
  readonly provider = 'google' as const;
  readonly scopes = GOOGLE_SCOPES;
  readonly #options: GoogleClientOptions;
  readonly #clock: Clock;
  readonly #keys = keySets();

  constructor(options: GoogleClientOptions) {
    this.#options = options;
    this.#clock = options.clock ?? systemClock;
    for (const [name, url] of Object.entries({ authUrl: options.authUrl, tokenUrl: options.tokenUrl }))
      insecureLoopbackAllowed(`Google ${name}`, url);
  }

  async authorizationUrl(input: { state: string; codeChallenge: string; loginHint?: string }) {
    return this.#google().generateAuthUrl({
      scope: [...GOOGLE_SCOPES],
      access_type: 'offline',
      // Google hands a refresh token only on a consent; reconnecting must bring a new one.
      prompt: 'consent',
      include_granted_scopes: true,
      state: input.state,
      code_challenge: input.codeChallenge,
      code_challenge_method: 'S256' as ChallengeMethod,
      ...(input.loginHint ? { login_hint: input.loginHint } : {}),
    });
  }

  async exchangeCode({ code, codeVerifier }: { code: string; codeVerifier: string }) {
    const { tokens } = await grant(() => this.#google().getToken({ code, codeVerifier }));
    return {
      tokens: tokenSet(tokens, this.#clock, tokens.refresh_token ?? null),
      identity: await this.#identityOf(tokens.id_token),
    };
  }

  async refresh(refreshToken: string): Promise<TokenSet> {
    const client = this.#google();
    client.setCredentials({ refresh_token: refreshToken });
    const { credentials } = await grant(() => client.refreshAccessToken());
    // Google does not rotate: null keeps the stored refresh token.
    return tokenSet(credentials, this.#clock, null);
  }

  /**
   * Revoking the refresh token ends the whole grant (and its access tokens) at Google. A token
   * Google no longer knows (`invalid_token`) means the grant is already gone: nothing to do.
   */
  async revoke(refreshToken: string): Promise<void> {
    try {
      await grant(() => this.#google().revokeToken(refreshToken));
    } catch (error) {
      if (!(error instanceof GrantError && error.providerError === 'invalid_token')) throw error;
    }
  }

  /** A client per operation: OAuth2Client keeps credentials, and each rep's are their own. */
  #google(): GoogleOAuth2 {
    const o = this.#options;
    return new GoogleOAuth2({
      clientId: o.clientId,
      clientSecret: o.clientSecret,
      redirectUri: o.redirectUri,
      endpoints: {
        oauth2AuthBaseUrl: o.authUrl,
        oauth2TokenUrl: o.tokenUrl,
        oauth2RevokeUrl: o.revokeUrl,
        oauth2FederatedSignonJwkCertsUrl: o.jwksUrl,
      },
    });
  }

  async #identityOf(idToken: string | null | undefined): Promise<ProviderIdentity> {
    if (!idToken) throw new IdTokenRejected('Google answered no ID token (is openid among the scopes?).');
    // jose rather than OAuth2Client.verifyIdToken: on Node that one fetches the PEM certs (not the
    // configured JWK URL) and checks times on the wall clock, not the injected one.
    const claims = await verifyIdToken(idToken, {
      keys: this.#keys(this.#options.jwksUrl),
      issuer: googleIssuers(this.#options.issuer),
      audience: this.#options.clientId,
      clock: this.#clock,
    });
    const email = stringClaim(claims, 'email');
    if (!claims.sub || !email || claims.email_verified === false)
      throw new IdTokenRejected('ID token refused: no subject or no verified email.');
    const name = stringClaim(claims, 'name') ?? email;
    return {
      provider: 'google',
      tenantId: 'google',
      subject: claims.sub,
      email,
      name,
      hostedDomain: stringClaim(claims, 'hd'),
    };
  }
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
