import { calculatePKCECodeChallenge, generateRandomCodeVerifier } from 'oauth4webapi';

/** An RFC 7636 proof key: the verifier we keep (sealed in `oauth_states`) and the S256 challenge we send. */
export interface PkcePair {
  verifier: string;
  challenge: string;
}

/**
 * A fresh PKCE pair for one authorization request, for both providers: 32 random bytes as a
 * 43-character base64url verifier and its SHA-256 (S256) challenge, from oauth4webapi.
 */
export async function createPkcePair(): Promise<PkcePair> {
  const verifier = generateRandomCodeVerifier();
  return { verifier, challenge: await calculatePKCECodeChallenge(verifier) };
}
