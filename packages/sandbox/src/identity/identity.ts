import type { Clock } from '@sendwell/core';
import { errors, jwtVerify, SignJWT } from 'jose';
import { randomToken } from '../mail/ids';
import { findUser, type SandboxUser } from '../users';
import { createSigningKey, jwksOf, type SigningKey } from './keys';
import type { OAuthClients, OAuthProviderName } from './oauth/clients';
import { GrantStore } from './oauth/grants';

/** Graph's resource: tokens for Graph carry this audience (or the Graph app id). */
export const GRAPH_AUDIENCE = 'https://graph.microsoft.com';
const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
/** The Sendwell add-in's app registration in the sandbox tenant(s) (`azp` of the tokens). */
export const SANDBOX_MS_CLIENT_ID = '9f2c7a41-5b3e-4d8a-b6f1-2e4c8d0a7b35';
/** The add-on's OAuth client id: the audience of user ID tokens (gmail-addon.md §1.3). */
export const SANDBOX_GOOGLE_CLIENT_ID = '318207514620-sendwellsandbox.apps.googleusercontent.com';
/** The add-on service account that signs system ID tokens (gmail-addon.md §1.5). */
export const SANDBOX_ADDON_SERVICE_ACCOUNT =
  'service-318207514620@gcp-sa-gsuiteaddons.iam.gserviceaccount.com';

const HOUR_S = 3600;
const OIDC_SCOPES = ['openid', 'profile', 'email', 'offline_access'];
/** Opaque refresh token shapes: Entra's start `1.A`, Google's `1//`. */
export const REFRESH_PREFIX: Record<OAuthProviderName, string> = { microsoft: '1.AQ', google: '1//0g' };
const GRAPH_SCOPES = 'Mail.Read Mail.Send User.Read openid profile email';

export type TokenCheck =
  | { ok: true; user: SandboxUser }
  | {
      ok: false;
      message: string;
      /** Graph's CAE claims challenge (base64 JSON), for WWW-Authenticate. */
      claimsChallenge?: string;
    };

/** The scopes `grantOffline` consents to when the caller names none (what Sendwell's mailbox needs). */
const DEFAULT_GRANT_SCOPES: Record<OAuthProviderName, string[]> = {
  microsoft: ['openid', 'profile', 'email', 'offline_access', 'Mail.Send', 'Mail.Read', 'User.Read'],
  google: [
    'openid',
    'https://www.googleapis.com/auth/userinfo.email',
    'https://www.googleapis.com/auth/gmail.send',
    'https://www.googleapis.com/auth/gmail.readonly',
    'https://www.googleapis.com/auth/gmail.compose',
  ],
};

/** Entra ID and Google identity stand-ins: issuers, keys, and the tokens they hand out. */
export class SandboxIdentity {
  readonly #microsoftKey: SigningKey = createSigningKey();
  readonly #googleKey: SigningKey = createSigningKey();
  readonly #googleAccessTokens = new Map<string, { userId: string; expiresAt: number }>();
  /** Consents to OAuth clients and what was issued under them (revocation reaches all of it). */
  readonly grants: GrantStore;

  constructor(
    private readonly baseUrl: string,
    private readonly users: readonly SandboxUser[],
    private readonly clock: Clock,
    /** Sendwell's registrations (client id per provider), for `grantOffline`. */
    private readonly clients?: OAuthClients,
  ) {
    this.grants = new GrantStore(clock);
  }

  microsoftIssuer(tenantId: string): string {
    return `${this.baseUrl}/login/${tenantId}/v2.0`;
  }

  get googleIssuer(): string {
    return `${this.baseUrl}/google/accounts`;
  }

  microsoftJwks() {
    return jwksOf([this.#microsoftKey]);
  }

  googleJwks() {
    return jwksOf([this.#googleKey]);
  }

  user(userId: string): SandboxUser {
    return this.#user(userId);
  }

  #user(userId: string): SandboxUser {
    const user = findUser(this.users, userId);
    if (!user) throw new Error(`unknown sandbox user ${userId}`);
    return user;
  }

  #nowSeconds(): number {
    return Math.floor(this.clock.now().getTime() / 1000);
  }

  #sign(claims: Record<string, unknown>, key: SigningKey, lifetimeSeconds = HOUR_S): Promise<string> {
    const now = this.#nowSeconds();
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: key.kid })
      .setIssuedAt(now)
      .setNotBefore(now)
      .setExpirationTime(now + lifetimeSeconds)
      .sign(key.privateKey);
  }

  /** Signs Entra claims (iat/nbf/exp added) with the tenant signing key. */
  signMicrosoft(claims: Record<string, unknown>, lifetimeSeconds = HOUR_S): Promise<string> {
    return this.#sign(claims, this.#microsoftKey, lifetimeSeconds);
  }

  /** Signs Google claims (iat/nbf/exp added) with Google's signing key. */
  signGoogle(claims: Record<string, unknown>, lifetimeSeconds = HOUR_S): Promise<string> {
    return this.#sign(claims, this.#googleKey, lifetimeSeconds);
  }

  /** An Entra ID v2-style access token (Graph by default, or our API when `audience` says so). */
  issueMicrosoftToken(userId: string, audience: string = GRAPH_AUDIENCE): Promise<string> {
    const user = this.#user(userId);
    const graph = audience === GRAPH_AUDIENCE || audience === GRAPH_APP_ID;
    return this.#sign(
      {
        iss: this.microsoftIssuer(user.tenantId),
        aud: audience,
        tid: user.tenantId,
        oid: user.subject,
        sub: user.subject,
        preferred_username: user.email,
        name: user.name,
        azp: SANDBOX_MS_CLIENT_ID,
        scp: graph ? GRAPH_SCOPES : 'access_as_user',
        ver: '2.0',
        uti: randomToken(12),
      },
      this.#microsoftKey,
    );
  }

  /** The user ID token of an add-on event (audience = the add-on's OAuth client id by default). */
  issueGoogleIdToken(userId: string, audience: string = SANDBOX_GOOGLE_CLIENT_ID): Promise<string> {
    const user = this.#user(userId);
    return this.#sign(
      {
        iss: this.googleIssuer,
        azp: SANDBOX_GOOGLE_CLIENT_ID,
        aud: audience,
        sub: user.subject,
        email: user.email,
        email_verified: true,
        hd: user.email.split('@')[1],
        name: user.name,
      },
      this.#googleKey,
    );
  }

  /** The system ID token Google attaches to add-on requests: audience = the endpoint URL called. */
  issueGoogleSystemIdToken(audience: string): Promise<string> {
    return this.#sign(
      {
        iss: this.googleIssuer,
        azp: '110384726150293847561',
        aud: audience,
        sub: '110384726150293847561',
        email: SANDBOX_ADDON_SERVICE_ACCOUNT,
        email_verified: true,
      },
      this.#googleKey,
    );
  }

  /** An opaque `ya29.`-style OAuth access token for the Gmail API, valid one hour. */
  issueGoogleAccessToken(userId: string, grantId?: string): string {
    const user = this.#user(userId);
    const now = this.clock.now().getTime();
    // Callers may mint a token per request; forgetting expired ones keeps the map bounded.
    for (const [old, entry] of this.#googleAccessTokens)
      if (entry.expiresAt <= now) this.#googleAccessTokens.delete(old);
    const token = `ya29.sandbox-${randomToken(32)}`;
    this.#googleAccessTokens.set(token, {
      userId: user.id,
      expiresAt: now + (HOUR_S - 1) * 1000,
    });
    if (grantId) this.grants.recordAccessToken(token, grantId);
    return token;
  }

  checkGoogleAccessToken(token: string): TokenCheck {
    const entry = this.#googleAccessTokens.get(token);
    if (!entry) return { ok: false, message: 'unknown token' };
    if (entry.expiresAt <= this.clock.now().getTime()) return { ok: false, message: 'expired token' };
    const status = this.grants.accessStatus(token);
    if (status === 'revoked' || status === 'password') return { ok: false, message: 'revoked token' };
    return { ok: true, user: this.#user(entry.userId) };
  }

  #graphGrantCheck(uti: string, user: SandboxUser): TokenCheck {
    const status = this.grants.accessStatus(uti);
    if (status === 'revoked' || status === 'password') return revokedGraphCheck(this.#nowSeconds());
    return { ok: true, user };
  }

  /**
   * The in-process "rep connected once": a consent of `userId` to Sendwell's client at `provider`
   * and a refresh token under it, as if the rep had been through the consent page (for the seed).
   */
  grantOffline(userId: string, provider: OAuthProviderName, scopes?: string[]): { refreshToken: string } {
    const user = this.#user(userId);
    const expected = provider === 'microsoft' ? 'exchange' : 'gmail';
    if (user.provider !== expected)
      throw new Error(`${user.email} has no ${provider} account in the sandbox`);
    const clientId =
      this.clients?.[provider][0]?.clientId ??
      (provider === 'microsoft' ? SANDBOX_MS_CLIENT_ID : SANDBOX_GOOGLE_CLIENT_ID);
    // Grants hold Entra permissions qualified by resource (`Mail.Send` is Graph's).
    const qualified = (scopes ?? DEFAULT_GRANT_SCOPES[provider]).map((s) =>
      provider === 'microsoft' && !s.includes('/') && !OIDC_SCOPES.includes(s) ? `${GRAPH_AUDIENCE}/${s}` : s,
    );
    const grant = this.grants.consent(user.id, provider, clientId, qualified);
    grant.offlineIssued = true;
    return { refreshToken: this.grants.issueRefreshToken(grant.id, REFRESH_PREFIX[provider]) };
  }

  /** Verifies a Graph bearer token the way Graph would: signature, lifetime, audience, tenant issuer. */
  async checkGraphToken(token: string): Promise<TokenCheck> {
    if (!token) return { ok: false, message: 'Access token is empty.' };
    try {
      const { payload } = await jwtVerify(token, this.#microsoftKey.publicKey, {
        algorithms: ['RS256'],
        currentDate: this.clock.now(),
        audience: [GRAPH_AUDIENCE, GRAPH_APP_ID],
      });
      const user = this.users.find((u) => u.subject === payload.oid && u.provider === 'exchange');
      if (!user || payload.iss !== this.microsoftIssuer(user.tenantId))
        return { ok: false, message: 'Access token validation failure. Invalid issuer.' };
      return this.#graphGrantCheck(String(payload.uti ?? ''), user);
    } catch (error) {
      return { ok: false, message: graphTokenMessage(error) };
    }
  }
}

/**
 * Graph's answer to a token whose grant ended. Real Graph honours such a JWT until it expires unless
 * the client is CAE-capable; the sandbox always answers as under Continuous Access Evaluation (a 401
 * with a claims challenge), so a revocation is seen at the next call, not an hour later.
 */
function revokedGraphCheck(nbf: number): TokenCheck {
  const claims = Buffer.from(
    JSON.stringify({ access_token: { nbf: { essential: true, value: String(nbf) } } }),
  ).toString('base64');
  return {
    ok: false,
    message:
      'Continuous access evaluation resulted in challenge with result: InteractionRequired and code: TokenIssuedBeforeRevocationTimestamp',
    claimsChallenge: claims,
  };
}

/** Messages modelled on the ones Graph puts in InvalidAuthenticationToken errors. */
function graphTokenMessage(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'Lifetime validation failed, the token is expired.';
  if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'aud')
    return 'Access token validation failure. Invalid audience.';
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return 'Access token validation failure. Invalid signature.';
  return 'IDX14100: JWT is not well formed.';
}
