import type {
  ConnectionProblem,
  ConnectionState,
  OAuthProvider,
  ProfileId,
  ProviderKind,
} from '@sendwell/core';
import type { Db } from './db';
import { type MailboxRow, toMailbox } from './rows';

/** A mailbox with its connection: what the connection service reads and changes. */
export interface ConnectionRow {
  mailbox: MailboxRow;
  state: ConnectionState;
  problem: ConnectionProblem | null;
  changedAt: Date;
  settings: Record<string, unknown> | null;
}

type Raw = Record<string, unknown>;
const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as Record<string, unknown> | null;

const toConnection = (r: Raw): ConnectionRow => ({
  mailbox: toMailbox(r),
  state: (r.state as ConnectionState | null) ?? 'connected',
  problem: (r.state_problem as ConnectionProblem | null) ?? null,
  changedAt: r.state_changed_at instanceof Date ? r.state_changed_at : new Date(String(r.state_changed_at)),
  settings: r.settings == null ? null : json(r.settings),
});

/** Statuses in which sends wait in the queue (the sender skips them, the service counts them as held). */
const QUEUED = `('scheduled', 'retry', 'sending')`;

export async function findConnection(db: Db, mailboxId: string): Promise<ConnectionRow | null> {
  const [row] = await db.query('select * from mailboxes where id = $1', [mailboxId]);
  return row ? toConnection(row) : null;
}

/** Locks the mailbox row: connection changes (and the budget) of one mailbox serialise here. */
export async function lockConnection(tx: Db, mailboxId: string): Promise<ConnectionRow | null> {
  const [row] = await tx.query('select * from mailboxes where id = $1 for update', [mailboxId]);
  return row ? toConnection(row) : null;
}

/** The caller's mailbox of this kind (one per user per provider), locked. */
export async function lockUserMailbox(
  tx: Db,
  userId: string,
  provider: ProviderKind,
): Promise<ConnectionRow | null> {
  const [row] = await tx.query(
    'select * from mailboxes where user_id = $1 and provider = $2 order by created_at, id limit 1 for update',
    [userId, provider],
  );
  return row ? toConnection(row) : null;
}

export async function listConnections(db: Db, userId: string): Promise<ConnectionRow[]> {
  const rows = await db.query(
    `select * from mailboxes where user_id = $1 and provider <> 'smtp' order by id`,
    [userId],
  );
  return rows.map(toConnection);
}

export async function insertConnectedMailbox(
  tx: Db,
  mailbox: {
    id: string;
    userId: string;
    provider: ProviderKind;
    address: string;
    profileId: ProfileId;
    settings: Record<string, unknown> | null;
  },
  at: Date,
): Promise<void> {
  await tx.query(
    `insert into mailboxes (id, user_id, provider, address, profile_id, state, state_changed_at, settings)
     values ($1, $2, $3, $4, $5, 'connected', $6, $7)`,
    [
      mailbox.id,
      mailbox.userId,
      mailbox.provider,
      mailbox.address,
      mailbox.profileId,
      at,
      mailbox.settings ? JSON.stringify(mailbox.settings) : null,
    ],
  );
}

/** The provider may report a new address for the same grant (a renamed mailbox); EWS settings change. */
export async function updateMailboxAddress(
  tx: Db,
  mailboxId: string,
  address: string,
  settings?: Record<string, unknown>,
): Promise<void> {
  await tx.query('update mailboxes set address = $2, settings = coalesce($3, settings) where id = $1', [
    mailboxId,
    address,
    settings ? JSON.stringify(settings) : null,
  ]);
}

export async function setConnectionState(
  tx: Db,
  mailboxId: string,
  state: ConnectionState,
  problem: ConnectionProblem | null,
  at: Date,
): Promise<void> {
  await tx.query('update mailboxes set state = $2, state_problem = $3, state_changed_at = $4 where id = $1', [
    mailboxId,
    state,
    problem,
    at,
  ]);
}

/** Whether a credential was ever stored for this mailbox (a first connection vs a reconnect). */
export async function hasCredential(db: Db, mailboxId: string): Promise<boolean> {
  const rows = await db.query('select 1 from credentials where mailbox_id = $1', [mailboxId]);
  return rows.length > 0;
}

/** Sends waiting in a mailbox's queue (held while it is not connected). */
export async function countQueuedSends(db: Db, mailboxId: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `select count(*)::int as n from sends where mailbox_id = $1 and status in ${QUEUED}`,
    [mailboxId],
  );
  return Number(row?.n ?? 0);
}

/** Queued sends of a mailbox that are not in a worker's hands (the feed says each is held). */
export async function listWaitingSends(
  db: Db,
  mailboxId: string,
): Promise<{ id: string; userId: string; templateId: string | null; sendAt: Date }[]> {
  const rows = await db.query<Raw>(
    `select id, user_id, template_id, send_at from sends
      where mailbox_id = $1 and status in ('scheduled', 'retry') order by send_at, id`,
    [mailboxId],
  );
  return rows.map((r) => ({
    id: String(r.id),
    userId: String(r.user_id),
    templateId: (r.template_id as string | null) ?? null,
    sendAt: r.send_at instanceof Date ? r.send_at : new Date(String(r.send_at)),
  }));
}

/** The ids of mailboxes that may be scanned and sent from now. */
export async function listConnectedMailboxIds(db: Db): Promise<Set<string>> {
  const rows = await db.query<{ id: string }>(`select id from mailboxes where state = 'connected'`);
  return new Set(rows.map((r) => r.id));
}

export interface OAuthStateRow {
  state: string;
  userId: string;
  provider: OAuthProvider;
  /** The PKCE verifier as a vault envelope. */
  verifier: string;
  tenantId: string | null;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
}

export async function insertOAuthState(db: Db, row: Omit<OAuthStateRow, 'usedAt'>): Promise<void> {
  await db.query(
    `insert into oauth_states (state, user_id, provider, verifier, tenant_id, created_at, expires_at)
     values ($1, $2, $3, $4, $5, $6, $7)`,
    [row.state, row.userId, row.provider, row.verifier, row.tenantId, row.createdAt, row.expiresAt],
  );
}

/**
 * Takes an authorization request's state for redemption: answers the row as it was and marks it
 * used in the same statement, so two redirects with one state never both get it unused.
 */
export async function takeOAuthState(db: Db, state: string, at: Date): Promise<OAuthStateRow | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx.query<Raw>('select * from oauth_states where state = $1 for update', [state]);
    if (!row) return null;
    if (row.used_at == null)
      await tx.query('update oauth_states set used_at = $2 where state = $1', [state, at]);
    const date = (v: unknown) => (v instanceof Date ? v : new Date(String(v)));
    return {
      state: String(row.state),
      userId: String(row.user_id),
      provider: row.provider as OAuthProvider,
      verifier: String(row.verifier),
      tenantId: (row.tenant_id as string | null) ?? null,
      createdAt: date(row.created_at),
      expiresAt: date(row.expires_at),
      usedAt: row.used_at == null ? null : date(row.used_at),
    };
  });
}

/** Expired authorization requests are of no use to anyone: drop those older than `before`. */
export async function deleteOAuthStatesBefore(db: Db, before: Date): Promise<void> {
  await db.query('delete from oauth_states where expires_at < $1', [before]);
}
