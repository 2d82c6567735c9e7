import { createRemoteJWKSet, type JWTPayload, jwtVerify } from 'jose';

/** The delegated scope Sendwell's API exposes (app registration → Expose an API). */
const API_SCOPE = 'access_as_user';

export interface MicrosoftTokenConfig {
  jwksUrl: string;
  /** Issuer for a tenant id, e.g. `https://login.microsoftonline.com/${tid}/v2.0`. */
  issuerFor(tenantId: string): string;
  /** Our API's audience (app id URI or client id). */
  audience: string | string[];
}

export interface MicrosoftPrincipal {
  tenantId: string;
  objectId: string;
  email: string;
  name: string;
}

/** Verifies an Entra ID access token for our API: signature (JWKS), issuer for its tenant, audience, expiry. */
export function createMicrosoftVerifier(config: MicrosoftTokenConfig) {
  const jwks = createRemoteJWKSet(new URL(config.jwksUrl));
  return async (token: string): Promise<MicrosoftPrincipal> => {
    const { payload } = await jwtVerify(token, jwks, { audience: config.audience });
    const tenantId = claim(payload, 'tid');
    if (payload.iss !== config.issuerFor(tenantId)) throw new Error('token issuer does not match its tenant');
    // An ID token has the same issuer, keys and (v2) audience: only an access token carries the
    // delegated scope our API exposes.
    const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
    if (!scopes.includes(API_SCOPE)) throw new Error(`token is not an access token for ${API_SCOPE}`);
    const email = claim(payload, 'preferred_username', 'upn', 'email');
    return {
      tenantId,
      objectId: claim(payload, 'oid'),
      email: email.toLowerCase(),
      name: String(payload.name ?? email),
    };
  };
}

function claim(payload: JWTPayload, ...names: string[]): string {
  for (const name of names) {
    const value = payload[name];
    if (typeof value === 'string' && value) return value;
  }
  throw new Error(`token has no ${names.join('/')} claim`);
}
