import { type Clock, systemClock } from '@sendwell/core';
import { ApiError } from '../services/errors';
import type { Db } from '../store/db';
import type { UserRow } from '../store/rows';
import { findUser } from '../store/users';
import { verifyApiToken } from './apiTokens';
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
  /** Session tokens expire on this clock (the web app's sign-in). */
  clock?: Clock;
}

const INVALID = () => new ApiError(401, 'invalid-token', 'The token is not valid for Sendwell.');

/**
 * Every API entry point's one token check: a web-app session token, a Sendwell API token, or a Microsoft access token for our
 * API whose tenant is configured. The user is found by tid + oid (created on first sign-in), never by
 * the token's email.
 */
export function createAuthenticator(deps: AuthenticatorDeps): (token: string) => Promise<UserRow> {
  return async (token) => {
    const session = verifySessionToken(deps.secret, token, (deps.clock ?? systemClock).now());
    if (session.outcome === 'expired')
      throw new ApiError(401, 'session-expired', 'Your Sendwell session has ended: sign in again.');
    if (session.outcome === 'valid') {
      const user = await findUser(deps.db, session.userId);
      if (!user) throw INVALID();
      return user;
    }
    const apiUser = verifyApiToken(deps.secret, token);
    if (apiUser) {
      const user = await findUser(deps.db, apiUser);
      if (!user) throw INVALID();
      return user;
    }
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
