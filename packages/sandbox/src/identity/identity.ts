import type { Clock } from '@sendwell/core';
import { errors, jwtVerify, SignJWT } from 'jose';
import { randomToken } from '../mail/ids';
import { findUser, type SandboxUser } from '../users';
import { createSigningKey, jwksOf, type SigningKey } from './keys';

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
const GRAPH_SCOPES = 'Mail.Read Mail.Send User.Read openid profile email';

export type TokenCheck = { ok: true; user: SandboxUser } | { ok: false; message: string };

/** Entra ID and Google identity stand-ins: issuers, keys, and the tokens they hand out. */
export class SandboxIdentity {
  readonly #microsoftKey: SigningKey = createSigningKey();
  readonly #googleKey: SigningKey = createSigningKey();
  readonly #googleAccessTokens = new Map<string, { userId: string; expiresAt: number }>();

  constructor(
    private readonly baseUrl: string,
    private readonly users: readonly SandboxUser[],
    private readonly clock: Clock,
  ) {}

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
  issueGoogleAccessToken(userId: string): string {
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
    return token;
  }

  checkGoogleAccessToken(token: string): TokenCheck {
    const entry = this.#googleAccessTokens.get(token);
    if (!entry) return { ok: false, message: 'unknown token' };
    if (entry.expiresAt <= this.clock.now().getTime()) return { ok: false, message: 'expired token' };
    return { ok: true, user: this.#user(entry.userId) };
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
      return { ok: true, user };
    } catch (error) {
      return { ok: false, message: graphTokenMessage(error) };
    }
  }
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
