import { createHash, randomBytes } from 'node:crypto';

/** How long a started connection may take at the provider's consent page. */
export const AUTH_REQUEST_TTL_MS = 10 * 60_000;

/** An unguessable value for the `state` parameter (256 bits, base64url). */
export function newState(): string {
  return randomBytes(32).toString('base64url');
}

/** A PKCE pair (RFC 7636): a 43-character verifier and its S256 challenge. */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}
