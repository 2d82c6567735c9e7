import type { Clock } from '@sendwell/core';
import { createRemoteJWKSet, errors, type JWTPayload, jwtVerify } from 'jose';

/** The ID token of a code exchange did not prove who consented (signature, issuer, audience, time). */
export class IdTokenRejected extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IdTokenRejected';
  }
}

/** The consenting identity belongs to an organisation this Sendwell is not configured to serve. */
export class IdentityNotAllowed extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IdentityNotAllowed';
  }
}

type KeySet = ReturnType<typeof createRemoteJWKSet>;

/** One remote key set per JWKS URL, so keys are fetched once and refetched on an unknown `kid`. */
export function keySets(): (url: string) => KeySet {
  const cache = new Map<string, KeySet>();
  return (url) => {
    let keys = cache.get(url);
    if (!keys) {
      keys = createRemoteJWKSet(new URL(url));
      cache.set(url, keys);
    }
    return keys;
  };
}

/**
 * Verifies an OpenID Connect ID token against the provider's published keys: RS256 signature,
 * issuer, audience = our client id, expiry and not-before on the injected clock.
 */
export async function verifyIdToken(
  idToken: string,
  expect: { keys: KeySet; issuer: string | string[]; audience: string; clock: Clock },
): Promise<JWTPayload> {
  try {
    const { payload } = await jwtVerify(idToken, expect.keys, {
      algorithms: ['RS256'],
      issuer: expect.issuer,
      audience: expect.audience,
      currentDate: expect.clock.now(),
    });
    return payload;
  } catch (error) {
    if (error instanceof errors.JOSEError) throw new IdTokenRejected(`ID token refused: ${error.message}`);
    throw error;
  }
}

export const stringClaim = (payload: JWTPayload, name: string): string | null =>
  typeof payload[name] === 'string' && payload[name] !== '' ? (payload[name] as string) : null;
