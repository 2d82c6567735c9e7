/**
 * Entra ID (Microsoft identity platform v2) for Sendwell's mailbox connections, with oauth4webapi.
 *
 * Why not @azure/msal-node: (1) msal-common refuses any authority that is not https — its
 * `UrlString.validateAsUri` throws `authority_uri_insecure` ("Authority URIs must use https.")
 * unless the protocol is `https:` (AzureAD/microsoft-authentication-library-for-js,
 * lib/msal-common/src/url/UrlString.ts; same in the installed @azure/msal-common 16.16.1), so the
 * sandbox on http://127.0.0.1 could not stand in for login.microsoftonline.com by configuration
 * alone; (2) it keeps refresh tokens inside its own token cache and never hands them to the app —
 * "MSAL does not expose refresh tokens for security reasons" (learn.microsoft.com/en-us/entra/msal/
 * javascript/node/caching; its `AuthenticationResult` has no refresh token field) — while Sendwell
 * must seal each rep's rotating refresh token in its own vault and refresh under a row lock shared
 * by every instance. oauth4webapi speaks the same protocol and leaves both to us.
 */
import { type Clock, classifyTokenError, systemClock, type TokenErrorBody } from '@sendwell/core';
import { decodeJwt } from 'jose';
import * as oauth from 'oauth4webapi';
import {
  GrantError,
  type MicrosoftOAuthConfig,
  type OAuthClient,
  type ProviderIdentity,
  type TokenSet,
} from '../types';
import { insecureLoopbackAllowed, trimSlash } from './endpoints';
import { IdentityNotAllowed, IdTokenRejected, keySets, stringClaim, verifyIdToken } from './idToken';

const GRAPH = 'https://graph.microsoft.com';

/**
 * Least privilege for what Sendwell does with an Exchange Online mailbox:
 * - `offline_access`: a refresh token, so sends and scans run while the rep is away;
 * - `openid`, `profile`: the ID token with `tid`, `oid` (needs `profile`), `preferred_username` and
 *   `name`, to bind the connection to the rep's immutable ids. No `email`: Entra's `email` claim is
 *   optional and not verified, and we never identify anyone by address;
 * - `Mail.Send`: `POST /me/sendMail` (the sender);
 * - `Mail.Read`: inbox delta with internetMessageHeaders and `$value` raw MIME (the bounce
 *   scanner), and Sent Items lookups filtered and expanded on our extended property (reconcile,
 *   the budget scan). `Mail.ReadBasic` excludes bodies, MIME and extended properties, so it cannot.
 * Not `Mail.ReadWrite`: Sendwell never creates, moves or deletes messages (Outlook edits the draft).
 * Not `User.Read`: the ID token already says who the rep is.
 * Graph scopes name Graph's resource id, which stays graph.microsoft.com wherever Graph is served.
 */
export const MICROSOFT_SCOPES = [
  'offline_access',
  'openid',
  'profile',
  `${GRAPH}/Mail.Send`,
  `${GRAPH}/Mail.Read`,
] as const;

/** Entra's tenant for "any work or school account" when the rep's own tenant is not known yet. */
const ANY_ORGANIZATION = 'organizations';

export interface MicrosoftClientOptions extends MicrosoftOAuthConfig {
  /** Tenant ids (GUIDs) whose users may connect; absent = every tenant that consented to the app. */
  tenantsAllowed?: readonly string[];
  clock?: Clock;
}

export function createMicrosoftOAuthClient(options: MicrosoftClientOptions): OAuthClient {
  return new MicrosoftOAuthClient(options);
}

type Process = (as: oauth.AuthorizationServer, response: Response) => Promise<oauth.TokenEndpointResponse>;

class MicrosoftOAuthClient implements OAuthClient {
  readonly provider = 'microsoft' as const;
  readonly scopes = MICROSOFT_SCOPES;
  readonly #options: MicrosoftClientOptions;
  readonly #host: string;
  readonly #clock: Clock;
  readonly #http: { [oauth.allowInsecureRequests]: boolean };
  readonly #keys = keySets();
  readonly #authentication: oauth.ClientAuth;
  readonly #scope = MICROSOFT_SCOPES.join(' ');

  constructor(options: MicrosoftClientOptions) {
    this.#options = options;
    this.#host = trimSlash(options.authorityHost);
    this.#clock = options.clock ?? systemClock;
    this.#http = {
      [oauth.allowInsecureRequests]: insecureLoopbackAllowed('The Entra authority', this.#host),
    };
    this.#authentication = oauth.ClientSecretPost(options.clientSecret);
  }

  async authorizationUrl(input: {
    state: string;
    codeChallenge: string;
    loginHint?: string;
    tenantId?: string;
  }) {
    const url = new URL(this.#server(input.tenantId ?? ANY_ORGANIZATION).authorization_endpoint!);
    const params: Record<string, string> = {
      client_id: this.#options.clientId,
      response_type: 'code',
      response_mode: 'query',
      redirect_uri: this.#options.redirectUri,
      scope: this.#scope,
      state: input.state,
      code_challenge: input.codeChallenge,
      code_challenge_method: 'S256',
      ...(input.loginHint ? { login_hint: input.loginHint } : {}),
    };
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
    return url.toString();
  }

  async exchangeCode({
    code,
    codeVerifier,
    tenantId,
  }: {
    code: string;
    codeVerifier: string;
    tenantId?: string;
  }) {
    const tenant = tenantId ?? ANY_ORGANIZATION;
    const as = this.#server(tenant);
    // The service already matched `state` against its own record; here only the code counts.
    const callback = oauth.validateAuthResponse(
      as,
      this.#client(),
      new URLSearchParams({ code }),
      oauth.skipStateCheck,
    );
    const response = await oauth.authorizationCodeGrantRequest(
      as,
      this.#client(),
      this.#authentication,
      callback,
      this.#options.redirectUri,
      codeVerifier,
      { ...this.#http, additionalParameters: { scope: this.#scope } },
    );
    const result = await this.#processed(tenant, response, (checked, r) =>
      oauth.processAuthorizationCodeResponse(checked, this.#client(), r, { requireIdToken: true }),
    );
    return { tokens: tokenSet(result, this.#clock), identity: await this.#identityOf(result.id_token!) };
  }

  async refresh(refreshToken: string, tenantId?: string): Promise<TokenSet> {
    const tenant = tenantId ?? ANY_ORGANIZATION;
    const response = await oauth.refreshTokenGrantRequest(
      this.#server(tenant),
      this.#client(),
      this.#authentication,
      refreshToken,
      { ...this.#http, additionalParameters: { scope: this.#scope } },
    );
    const result = await this.#processed(tenant, response, (checked, r) =>
      oauth.processRefreshTokenResponse(checked, this.#client(), r),
    );
    return tokenSet(result, this.#clock);
  }

  // Entra has no per-grant revocation endpoint for a confidential client: the rep removes the app
  // at myapps.microsoft.com, or an admin in the tenant. Forgetting the token is our part.
  async revoke(): Promise<void> {}

  #server(tenant: string, issuerTenant = tenant): oauth.AuthorizationServer {
    return {
      issuer: `${this.#host}/${issuerTenant}/v2.0`,
      authorization_endpoint: `${this.#host}/${tenant}/oauth2/v2.0/authorize`,
      token_endpoint: `${this.#host}/${tenant}/oauth2/v2.0/token`,
    };
  }

  /** oauth4webapi checks token times against Date.now(); its clockSkew moves that to our clock. */
  #client(): oauth.Client {
    return {
      client_id: this.#options.clientId,
      [oauth.clockSkew]: Math.round((this.#clock.now().getTime() - Date.now()) / 1000),
    };
  }

  /**
   * Validates the token answer with the issuer of the tenant its ID token names (a rep who came
   * through /organizations gets tokens from their own tenant); the signature is checked after.
   */
  async #processed(tenant: string, response: Response, process: Process) {
    const idToken = await peekIdToken(response);
    const tid = idToken ? unverifiedTenant(idToken) : null;
    try {
      return await process(this.#server(tenant, tid ?? tenant), response);
    } catch (error) {
      throw grantErrorOf(error);
    }
  }

  async #identityOf(idToken: string): Promise<ProviderIdentity> {
    const tid = unverifiedTenant(idToken);
    if (!tid) throw new IdTokenRejected('ID token refused: it names no tenant (tid).');
    // The issuer holds the token's own tenant: a signed token for tenant A cannot claim tenant B.
    const claims = await verifyIdToken(idToken, {
      keys: this.#keys(`${this.#host}/${tid}/discovery/v2.0/keys`),
      issuer: `${this.#host}/${tid}/v2.0`,
      audience: this.#options.clientId,
      clock: this.#clock,
    });
    const allowed = this.#options.tenantsAllowed;
    if (allowed && !allowed.includes(tid))
      throw new IdentityNotAllowed(`Microsoft 365 tenant ${tid} is not one this Sendwell serves.`);
    const oid = stringClaim(claims, 'oid');
    const email = stringClaim(claims, 'preferred_username');
    if (!oid || !email) throw new IdTokenRejected('ID token refused: no oid or preferred_username.');
    const name = stringClaim(claims, 'name') ?? email;
    return { provider: 'microsoft', tenantId: tid, subject: oid, email, name, hostedDomain: null };
  }
}

/** The `tid` an ID token claims, before its signature is checked (only to know whose keys to use). */
function unverifiedTenant(idToken: string): string | null {
  try {
    return stringClaim(decodeJwt(idToken), 'tid');
  } catch {
    return null; // not a JWT: the checks that follow refuse it
  }
}

async function peekIdToken(response: Response): Promise<string | null> {
  if (!response.ok) return null;
  const body = (await response
    .clone()
    .json()
    .catch(() => null)) as { id_token?: unknown } | null;
  return typeof body?.id_token === 'string' ? body.id_token : null;
}

/** A token endpoint's error body → GrantError with core's reading of it; anything else unchanged. */
function grantErrorOf(error: unknown): unknown {
  if (!(error instanceof oauth.ResponseBodyError)) return error;
  const body = error.cause as unknown as TokenErrorBody;
  // Entra's description is "AADSTS…: <sentence>\r\nTrace ID: …": the first line says it all.
  const said = (error.error_description ?? '').split(/\r?\n/)[0];
  return new GrantError(
    classifyTokenError(body),
    error.error,
    `Microsoft refused the grant: ${error.error}${said ? ` (${said})` : ''}`,
  );
}

function tokenSet(result: oauth.TokenEndpointResponse, clock: Clock): TokenSet {
  return {
    accessToken: result.access_token,
    expiresAt: new Date(clock.now().getTime() + (result.expires_in ?? 3600) * 1000),
    refreshToken: result.refresh_token ?? null,
    scopes: (result.scope ?? '').split(' ').filter(Boolean),
  };
}
