import type { Clock } from '@sendwell/core';
import { createRemoteJWKSet, type JWTPayload, type JWTVerifyGetKey, jwtVerify } from 'jose';

export interface GoogleAuthConfig {
  /** Google's `https://www.googleapis.com/oauth2/v3/certs` in production, the sandbox's locally. */
  jwksUrl: string;
  /** Accepted `iss` values (Google uses `https://accounts.google.com` and `accounts.google.com`). */
  issuers: string[];
  /**
   * `aud` of the system ID token in the Authorization header: the endpoint URL as configured in the
   * deployment. A query string on the token's `aud` is ignored (one endpoint, `?t=` per trigger).
   */
  systemAudience: string | string[];
  /** `aud` of the user ID token (`authorizationEventObject.userIdToken`): the add-on's OAuth client id. */
  userAudience: string | string[];
  /** The add-on service account (`service-<n>@gcp-sa-gsuiteaddons.iam.gserviceaccount.com`); required in production. */
  serviceAccountEmail?: string;
  /** Test seam: a local key set instead of fetching `jwksUrl`. */
  keys?: JWTVerifyGetKey;
  clock?: Clock;
}

/** The verified Google user who made the request. */
export interface GoogleIdentity {
  email: string;
  /** Google's immutable account id (`sub`): what a Sendwell account is bound to. */
  subject: string;
  /** The Workspace domain (`hd`); null for a consumer account. */
  hostedDomain: string | null;
  name?: string;
}

export type GoogleAuthFailure =
  | 'missing-system-token'
  | 'invalid-system-token'
  | 'missing-user-token'
  | 'invalid-user-token';

/** Thrown when a request is not provably from Google on behalf of a verified user. Never carries a token. */
export class GoogleAuthError extends Error {
  constructor(
    readonly code: GoogleAuthFailure,
    message: string,
  ) {
    super(message);
    this.name = 'GoogleAuthError';
  }
}

interface GoogleRequestTokens {
  /** The raw `Authorization` header value. */
  authorization: string | undefined;
  userIdToken: string | undefined;
}

export type GoogleRequestVerifier = (tokens: GoogleRequestTokens) => Promise<GoogleIdentity>;

const list = (value: string | string[]): string[] => (Array.isArray(value) ? value : [value]);
const withoutQuery = (url: string): string => url.split('?')[0]!.split('#')[0]!;

function bearer(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header?.trim() ?? '');
  return match?.[1];
}

export interface GoogleTokenChecks {
  /** Proves the request comes from Google for this endpoint (Authorization header). */
  system(authorization: string | undefined): Promise<void>;
  /** The verified user behind `authorizationEventObject.userIdToken`. */
  user(userIdToken: string | undefined): Promise<GoogleIdentity>;
}

/** Builds the checks once so the remote key set (and its cache) is shared by every request. */
export function createGoogleTokenChecks(config: GoogleAuthConfig): GoogleTokenChecks {
  const keys = config.keys ?? createRemoteJWKSet(new URL(config.jwksUrl));
  const verifyToken = async (token: string): Promise<JWTPayload> => {
    const { payload } = await jwtVerify(token, keys, {
      issuer: config.issuers,
      algorithms: ['RS256', 'ES256'],
      requiredClaims: ['exp', 'aud', 'email'],
      currentDate: config.clock?.now(),
    });
    return payload;
  };
  return {
    async system(authorization) {
      const token = bearer(authorization);
      if (!token)
        throw new GoogleAuthError('missing-system-token', 'Missing Authorization: Bearer system ID token.');
      await checkSystemToken(config, () => verifyToken(token));
    },
    async user(userIdToken) {
      if (!userIdToken)
        throw new GoogleAuthError('missing-user-token', 'Missing authorizationEventObject.userIdToken.');
      return checkUserToken(config, () => verifyToken(userIdToken));
    },
  };
}

/** Both checks in order: Google first, then the user. */
export function createGoogleRequestVerifier(config: GoogleAuthConfig): GoogleRequestVerifier {
  const checks = createGoogleTokenChecks(config);
  return async ({ authorization, userIdToken }) => {
    await checks.system(authorization);
    return checks.user(userIdToken);
  };
}

async function verified(code: GoogleAuthFailure, verify: () => Promise<JWTPayload>): Promise<JWTPayload> {
  try {
    return await verify();
  } catch (error) {
    // jose's messages name the failed check (exp, iss, signature), never the token itself.
    const reason = error instanceof Error ? error.message : 'verification failed';
    throw new GoogleAuthError(code, `ID token rejected: ${reason}`);
  }
}

function audienceMatches(payload: JWTPayload, expected: string[], ignoreQuery: boolean): boolean {
  const normalize = ignoreQuery ? withoutQuery : (value: string) => value;
  const wanted = new Set(expected.map(normalize));
  const actual = payload.aud === undefined ? [] : list(payload.aud);
  return actual.some((aud) => wanted.has(normalize(aud)));
}

async function checkSystemToken(config: GoogleAuthConfig, verify: () => Promise<JWTPayload>): Promise<void> {
  const code = 'invalid-system-token';
  const payload = await verified(code, verify);
  if (!audienceMatches(payload, list(config.systemAudience), true)) {
    throw new GoogleAuthError(code, 'System ID token has the wrong audience.');
  }
  if (payload.email_verified !== true)
    throw new GoogleAuthError(code, 'System ID token email is not verified.');
  if (config.serviceAccountEmail && payload.email !== config.serviceAccountEmail) {
    throw new GoogleAuthError(code, 'System ID token is not from the add-on service account.');
  }
}

async function checkUserToken(
  config: GoogleAuthConfig,
  verify: () => Promise<JWTPayload>,
): Promise<GoogleIdentity> {
  const code = 'invalid-user-token';
  const payload = await verified(code, verify);
  if (!audienceMatches(payload, list(config.userAudience), false)) {
    throw new GoogleAuthError(code, 'User ID token has the wrong audience.');
  }
  if (payload.email_verified !== true || typeof payload.email !== 'string') {
    throw new GoogleAuthError(code, 'User ID token email is not verified.');
  }
  // The account is bound to `sub`: a token without one names nobody.
  if (typeof payload.sub !== 'string' || !payload.sub)
    throw new GoogleAuthError(code, 'User ID token has no subject.');
  return {
    email: payload.email.toLowerCase(),
    subject: payload.sub,
    hostedDomain: typeof payload.hd === 'string' ? payload.hd.toLowerCase() : null,
    ...(typeof payload.name === 'string' ? { name: payload.name } : {}),
  };
}
