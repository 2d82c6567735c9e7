import { type Clock, systemClock } from '@sendwell/core';
import { ApiError } from '../services/errors';
import { findTokenHolder } from '../store/apiTokens';
import type { Db } from '../store/db';
import type { UserRow } from '../store/rows';
import { findUser } from '../store/users';
import { type ApiTokenClaims, readApiToken } from './apiTokens';
import type { MicrosoftPrincipal } from './microsoftToken';
import { verifySessionToken } from './sessionTokens';
import { type SignInPolicy, signInUser } from './signIn';

export interface AuthenticatorDeps {
  db: Db;
  /** The server secret that MACs Sendwell API tokens. */
  secret: Buffer;
  /** Verifies an Entra access token for our API (signature, tenant issuer, audience, expiry); null when not configured. */
  verifyMicrosoft: ((token: string) => Promise<MicrosoftPrincipal>) | null;
  policy: SignInPolicy;
  /** Session and API tokens expire on this clock. */
  clock?: Clock;
}

const INVALID = () => new ApiError(401, 'invalid-token', 'The token is not valid for Sendwell.');
const NEW_TOKEN = 'make a new one (POST /api/v1/tokens; in the sandbox, `sendwell sandbox users --json`)';
/** The words for an untimed token of the old format (before issue 11). */
export const RETIRED_TOKEN_MESSAGE = `This Sendwell API token has the old format, which never expired, and is no longer accepted: ${NEW_TOKEN}.`;

/** The token's user, unless a revocation (this token, or all of the user's until then) ended it. */
async function apiTokenUser(db: Db, claims: ApiTokenClaims): Promise<UserRow> {
  const holder = await findTokenHolder(db, claims.userId, claims.id);
  if (!holder) throw INVALID();
  const revokedAt =
    holder.tokenRevokedAt ??
    (holder.revokedBefore && claims.issuedAt.getTime() <= holder.revokedBefore.getTime()
      ? holder.revokedBefore
      : null);
  if (revokedAt)
    throw new ApiError(
      401,
      'token-revoked',
      `This Sendwell API token was revoked at ${revokedAt.toISOString()}: ${NEW_TOKEN}.`,
    );
  return holder.user;
}

/**
 * Every API entry point's one token check: a web-app session token, a Sendwell API token, or a Microsoft access token for our
 * API whose tenant is configured. The user is found by tid + oid (created on first sign-in), never by
 * the token's email.
 */
export function createAuthenticator(deps: AuthenticatorDeps): (token: string) => Promise<UserRow> {
  return async (token) => {
    const now = (deps.clock ?? systemClock).now();
    const session = verifySessionToken(deps.secret, token, now);
    if (session.outcome === 'expired')
      throw new ApiError(401, 'session-expired', 'Your Sendwell session has ended: sign in again.');
    if (session.outcome === 'valid') {
      const user = await findUser(deps.db, session.userId);
      if (!user) throw INVALID();
      return user;
    }
    const api = readApiToken(deps.secret, token, now);
    if (api.outcome === 'retired') throw new ApiError(401, 'token-retired', RETIRED_TOKEN_MESSAGE);
    if (api.outcome === 'expired')
      throw new ApiError(
        401,
        'token-expired',
        `This Sendwell API token expired at ${api.claims.expiresAt.toISOString()}: ${NEW_TOKEN}.`,
      );
    if (api.outcome === 'valid') return apiTokenUser(deps.db, api.claims);
    if (!deps.verifyMicrosoft) throw INVALID();
    const principal = await deps.verifyMicrosoft(token).catch(() => null);
    if (!principal) throw INVALID();
    const outcome = await signInUser(deps.db, deps.policy, {
      key: { provider: 'microsoft', tenantId: principal.tenantId, subject: principal.objectId },
      email: principal.email,
      name: principal.name,
    });
    if (outcome.outcome === 'refused') throw new ApiError(403, outcome.code, outcome.message);
    return outcome.user;
  };
}
