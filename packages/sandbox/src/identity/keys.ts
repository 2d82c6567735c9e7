import { generateKeyPairSync, type KeyObject, randomBytes } from 'node:crypto';
import { exportJWK, type JWK } from 'jose';

/** One RS256 signing key and its public half as a JWKS entry. Generated fresh per sandbox. */
export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export function createSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid: randomBytes(12).toString('base64url'), privateKey, publicKey };
}

/** `{keys:[…]}` as Entra ID's and Google's JWKS endpoints publish it. */
export async function jwksOf(keys: SigningKey[]): Promise<{ keys: JWK[] }> {
  const entries = await Promise.all(
    keys.map(async (k) => ({ ...(await exportJWK(k.publicKey)), kid: k.kid, use: 'sig', alg: 'RS256' })),
  );
  return { keys: entries };
}
