import type { ChannelConfig } from '@sendwell/core';
import type { Db } from './db';
import { type MailboxRow, toMailbox, toUser, type UserRow } from './rows';

export async function upsertUser(db: Db, user: UserRow): Promise<void> {
  await db.query(
    `insert into users (id, email, name, tenant_id, legacy, default_channel, role) values ($1, $2, $3, $4, $5, $6, $7)
     on conflict (id) do update set email = excluded.email, name = excluded.name, tenant_id = excluded.tenant_id,
       legacy = excluded.legacy, default_channel = excluded.default_channel, role = excluded.role`,
    [
      user.id,
      user.email,
      user.name,
      user.tenantId,
      user.legacy,
      user.defaultChannel ? JSON.stringify(user.defaultChannel) : null,
      user.role,
    ],
  );
}

export async function upsertMailbox(
  db: Db,
  mailbox: Omit<MailboxRow, 'pausedUntil' | 'pauseReason' | 'scanCursor'>,
): Promise<void> {
  await db.query(
    `insert into mailboxes (id, user_id, provider, address, profile_id) values ($1, $2, $3, $4, $5)
     on conflict (id) do update set address = excluded.address, profile_id = excluded.profile_id`,
    [mailbox.id, mailbox.userId, mailbox.provider, mailbox.address, mailbox.profileId],
  );
}

export async function findUser(db: Db, id: string): Promise<UserRow | null> {
  const [row] = await db.query('select * from users where id = $1', [id]);
  return row ? toUser(row) : null;
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | null> {
  const [row] = await db.query('select * from users where lower(email) = lower($1)', [email]);
  return row ? toUser(row) : null;
}

export async function listMailboxes(db: Db, userId?: string): Promise<MailboxRow[]> {
  const rows = userId
    ? await db.query('select * from mailboxes where user_id = $1 order by id', [userId])
    : await db.query('select * from mailboxes order by id');
  return rows.map(toMailbox);
}

export async function findMailbox(db: Db, id: string): Promise<MailboxRow | null> {
  const [row] = await db.query('select * from mailboxes where id = $1', [id]);
  return row ? toMailbox(row) : null;
}

/** Locks the mailbox row for the rest of the transaction: budget decisions for it serialise here. */
export async function lockMailbox(tx: Db, id: string): Promise<MailboxRow | null> {
  const [row] = await tx.query('select * from mailboxes where id = $1 for update', [id]);
  return row ? toMailbox(row) : null;
}

export async function pauseMailbox(db: Db, id: string, until: Date, reason: string): Promise<void> {
  await db.query(
    `update mailboxes set paused_until = greatest(coalesce(paused_until, $2), $2), pause_reason = $3 where id = $1`,
    [id, until, reason],
  );
}

export async function saveScanCursor(db: Db, id: string, cursor: string): Promise<void> {
  await db.query('update mailboxes set scan_cursor = $2 where id = $1', [id, cursor]);
}

export async function setDefaultChannel(
  db: Db,
  userId: string,
  channel: ChannelConfig | null,
): Promise<void> {
  await db.query('update users set default_channel = $2 where id = $1', [
    userId,
    channel ? JSON.stringify(channel) : null,
  ]);
}
