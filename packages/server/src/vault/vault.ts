import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Secrets at rest (refresh tokens, shared access tokens, on-premises passwords, PKCE verifiers) as
 * AES-256-GCM envelopes: `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url parts). The data key is
 * derived with HKDF-SHA256 from a server secret, so the raw SENDWELL_SECRET (also used for API-token
 * MACs) is never itself an encryption key. The caller's context string is the AAD: an envelope copied
 * to another row or column no longer opens.
 */

export type VaultErrorReason = 'tampered' | 'unknown-key' | 'malformed';

export class VaultError extends Error {
  constructor(
    readonly reason: VaultErrorReason,
    message: string,
  ) {
    super(message);
    this.name = 'VaultError';
  }
}

export interface Vault {
  readonly currentKeyId: string;
  /** An envelope under the current key. */
  seal(plaintext: string, context: string): string;
  /** Opens an envelope under any known key (current or previous); VaultError otherwise. */
  open(envelope: string, context: string): string;
  /** False → `sendwell secrets rotate` re-seals it under the current key. */
  isCurrent(envelope: string): boolean;
}

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const MIN_SECRET_BYTES = 32;
// Fixed salt and info: they only separate this use of the secret from its other uses (API MACs).
const HKDF_SALT = Buffer.from('sendwell/vault', 'utf8');
const HKDF_INFO = Buffer.from('sendwell vault v1 aes-256-gcm data key', 'utf8');

interface DataKey {
  id: string;
  key: Buffer;
}

function deriveKey(secret: Buffer): DataKey {
  if (secret.length < MIN_SECRET_BYTES)
    throw new Error(`a vault secret must be at least ${MIN_SECRET_BYTES} bytes, got ${secret.length}`);
  const key = Buffer.from(hkdfSync('sha256', secret, HKDF_SALT, HKDF_INFO, 32));
  const id = createHash('sha256').update(key).digest('hex').slice(0, 16);
  return { id, key };
}

interface ParsedEnvelope {
  keyId: string;
  iv: Buffer;
  tag: Buffer;
  ciphertext: Buffer;
}

const B64URL = /^[A-Za-z0-9_-]*$/;

function parseEnvelope(envelope: string): ParsedEnvelope {
  const parts = envelope.split('.');
  if (parts.length !== 5 || parts[0] !== VERSION)
    throw new VaultError('malformed', `not a ${VERSION} vault envelope`);
  const [, keyId, iv, tag, ciphertext] = parts as [string, string, string, string, string];
  if (!/^[0-9a-f]{16}$/.test(keyId) || ![iv, tag, ciphertext].every((p) => B64URL.test(p)))
    throw new VaultError('malformed', 'vault envelope has an invalid part');
  const parsed = {
    keyId,
    iv: Buffer.from(iv, 'base64url'),
    tag: Buffer.from(tag, 'base64url'),
    ciphertext: Buffer.from(ciphertext, 'base64url'),
  };
  if (parsed.iv.length !== IV_BYTES || parsed.tag.length !== TAG_BYTES)
    throw new VaultError('malformed', 'vault envelope has a wrong-sized IV or tag');
  return parsed;
}

/** The key id envelopes sealed with this secret carry (to tell an operator which secret is which). */
export function keyIdOf(secret: Buffer): string {
  return deriveKey(secret).id;
}

/** The key id an envelope was sealed under (VaultError 'malformed' when it is not an envelope). */
export function envelopeKeyId(envelope: string): string {
  return parseEnvelope(envelope).keyId;
}

/** `secrets`: the current secret first, then previous ones (still opened, never sealed with). */
export function createVault(secrets: readonly Buffer[]): Vault {
  if (secrets.length === 0) throw new Error('createVault needs at least the current secret');
  const keys = secrets.map(deriveKey);
  const current = keys[0]!;
  const byId = new Map<string, Buffer>();
  for (const k of keys) if (!byId.has(k.id)) byId.set(k.id, k.key);

  return {
    currentKeyId: current.id,
    seal(plaintext, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', current.key, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const parts = [iv, cipher.getAuthTag(), ciphertext].map((b) => b.toString('base64url'));
      return [VERSION, current.id, ...parts].join('.');
    },
    open(envelope, context) {
      const parsed = parseEnvelope(envelope);
      const key = byId.get(parsed.keyId);
      if (!key)
        throw new VaultError(
          'unknown-key',
          `sealed under key ${parsed.keyId}, which is neither SENDWELL_SECRET nor in SENDWELL_SECRET_PREVIOUS`,
        );
      const decipher = createDecipheriv('aes-256-gcm', key, parsed.iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(parsed.tag);
      try {
        return Buffer.concat([decipher.update(parsed.ciphertext), decipher.final()]).toString('utf8');
      } catch {
        // GCM authentication failed: altered bytes, or an envelope moved from another row/column.
        throw new VaultError('tampered', `vault envelope failed authentication (${context})`);
      }
    },
    isCurrent(envelope) {
      try {
        return parseEnvelope(envelope).keyId === current.id;
      } catch {
        return false;
      }
    },
  };
}
