import { vaultContext } from '../vault/contexts';
import { type Vault, VaultError } from '../vault/vault';
import type { Db } from './db';

/**
 * A mailbox's credential: the refresh token of an OAuth grant, or an Exchange Server password. Only
 * vault envelopes reach the database; plaintext lives in memory for as long as a call needs it.
 */
export interface StoredCredential {
  mailboxId: string;
  kind: 'oauth' | 'password';
  secret: string;
  scopes: string[];
  /** Bumped by every save and refresh: an instance that sees it change knows another one wrote. */
  generation: number;
}

/** The access token the last refresh obtained, shared (sealed) by every Sendwell instance. */
export interface SharedAccessToken {
  token: string;
  expiresAt: Date;
}

export interface CredentialWithAccess extends StoredCredential {
  accessToken: SharedAccessToken | null;
}

type Raw = Record<string, unknown>;

const splitScopes = (text: unknown): string[] =>
  typeof text === 'string' ? text.split(' ').filter((s) => s.length > 0) : [];

function toCredential(vault: Vault, row: Raw): StoredCredential {
  const mailboxId = String(row.mailbox_id);
  return {
    mailboxId,
    kind: row.kind === 'password' ? 'password' : 'oauth',
    secret: vault.open(String(row.secret), vaultContext.credentialSecret(mailboxId)),
    scopes: splitScopes(row.scopes),
    generation: Number(row.generation),
  };
}

function toCredentialWithAccess(vault: Vault, row: Raw): CredentialWithAccess {
  const credential = toCredential(vault, row);
  return { ...credential, accessToken: openAccessToken(vault, credential.mailboxId, row) };
}

function openAccessToken(vault: Vault, mailboxId: string, row: Raw): SharedAccessToken | null {
  if (typeof row.access_token !== 'string' || !(row.access_expires_at instanceof Date)) return null;
  try {
    const token = vault.open(row.access_token, vaultContext.credentialAccessToken(mailboxId));
    return { token, expiresAt: row.access_expires_at };
  } catch (error) {
    // Only a cache of the last refresh: one that no longer opens (say, a key dropped from
    // SENDWELL_SECRET_PREVIOUS) costs a refresh, not the connection.
    if (error instanceof VaultError) return null;
    throw error;
  }
}

/** Stores a new credential (connect, reconnect, new password); the old shared access token goes. */
export async function saveCredential(
  db: Db,
  vault: Vault,
  c: { mailboxId: string; kind: 'oauth' | 'password'; secret: string; scopes?: string[] },
): Promise<void> {
  await db.query(
    `insert into credentials (mailbox_id, kind, key_id, secret, scopes, generation, updated_at)
     values ($1, $2, $3, $4, $5, 1, now())
     on conflict (mailbox_id) do update set kind = excluded.kind, key_id = excluded.key_id,
       secret = excluded.secret, scopes = excluded.scopes, access_token = null, access_expires_at = null,
       generation = credentials.generation + 1, updated_at = now()`,
    [
      c.mailboxId,
      c.kind,
      vault.currentKeyId,
      vault.seal(c.secret, vaultContext.credentialSecret(c.mailboxId)),
      (c.scopes ?? []).join(' '),
    ],
  );
}

export async function loadCredential(
  db: Db,
  vault: Vault,
  mailboxId: string,
): Promise<StoredCredential | null> {
  const [row] = await db.query('select * from credentials where mailbox_id = $1', [mailboxId]);
  return row ? toCredential(vault, row) : null;
}

export async function deleteCredential(db: Db, mailboxId: string): Promise<void> {
  await db.query('delete from credentials where mailbox_id = $1', [mailboxId]);
}

/** The credential with the shared access token, without a lock (a fresh instance's first look). */
export async function readCredentialWithAccess(
  db: Db,
  vault: Vault,
  mailboxId: string,
): Promise<CredentialWithAccess | null> {
  const [row] = await db.query('select * from credentials where mailbox_id = $1', [mailboxId]);
  return row ? toCredentialWithAccess(vault, row) : null;
}

/**
 * Locks the credential row until `tx` ends (`for update`): instances that want to refresh the same
 * mailbox queue here, and each re-reads what the one before it saved.
 */
export async function lockCredential(
  tx: Db,
  vault: Vault,
  mailboxId: string,
): Promise<CredentialWithAccess | null> {
  const [row] = await tx.query('select * from credentials where mailbox_id = $1 for update', [mailboxId]);
  return row ? toCredentialWithAccess(vault, row) : null;
}

/**
 * After a refresh: the rotated refresh token (null = the provider kept the old one), the new shared
 * access token and its expiry. Returns the new generation.
 */
export async function saveRefreshedTokens(
  tx: Db,
  vault: Vault,
  r: {
    mailboxId: string;
    refreshToken: string | null;
    accessToken: string;
    expiresAt: Date;
    scopes: string[];
  },
): Promise<number> {
  const secret =
    r.refreshToken === null ? null : vault.seal(r.refreshToken, vaultContext.credentialSecret(r.mailboxId));
  const [row] = await tx.query<{ generation: number }>(
    `update credentials set
       secret = coalesce($2, secret), key_id = case when $2::text is null then key_id else $3 end,
       access_token = $4, access_expires_at = $5,
       scopes = case when $6::text = '' then scopes else $6 end,
       generation = generation + 1, updated_at = now()
     where mailbox_id = $1 returning generation`,
    [
      r.mailboxId,
      secret,
      vault.currentKeyId,
      vault.seal(r.accessToken, vaultContext.credentialAccessToken(r.mailboxId)),
      r.expiresAt,
      r.scopes.join(' '),
    ],
  );
  if (!row) throw new Error(`no credential for mailbox ${r.mailboxId} (disconnected meanwhile)`);
  return Number(row.generation);
}
