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

/** Native mailboxes (SMTP lanes are channels: `store/channels.ts` lists those). */
export async function listMailboxes(db: Db, userId?: string): Promise<MailboxRow[]> {
  const rows = userId
    ? await db.query(`select * from mailboxes where user_id = $1 and provider <> 'smtp' order by id`, [
        userId,
      ])
    : await db.query(`select * from mailboxes where provider <> 'smtp' order by id`);
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

/**
 * Ends every pause whose time has come, once: the rows are cleared in the same statement that
 * returns them, so two workers never both report the same resumption.
 */
export async function endElapsedPauses(
  db: Db,
  now: Date,
): Promise<{ mailbox: MailboxRow; pausedUntil: Date; reason: string | null }[]> {
  return db.transaction(async (tx) => {
    const due = await tx.query(
      'select * from mailboxes where paused_until <= $1 order by id for update skip locked',
      [now],
    );
    const ended = [];
    for (const row of due) {
      const mailbox = toMailbox(row);
      await tx.query('update mailboxes set paused_until = null, pause_reason = null where id = $1', [
        mailbox.id,
      ]);
      ended.push({ mailbox, pausedUntil: mailbox.pausedUntil!, reason: mailbox.pauseReason });
    }
    return ended;
  });
}

/** Where the Sent-items scan of this mailbox stopped (Graph deltaLink / Gmail historyId). */
export async function loadSentCursor(db: Db, id: string): Promise<string | null> {
  const [row] = await db.query<{ sent_cursor: string | null }>(
    'select sent_cursor from mailboxes where id = $1',
    [id],
  );
  return row?.sent_cursor ?? null;
}

export async function saveSentCursor(db: Db, id: string, cursor: string): Promise<void> {
  await db.query('update mailboxes set sent_cursor = $2 where id = $1', [id, cursor]);
}

export async function saveScanCursor(db: Db, id: string, cursor: string): Promise<void> {
  await db.query('update mailboxes set scan_cursor = $2 where id = $1', [id, cursor]);
}

/** A team member with their native mailboxes (id, provider, address, connection state). */
export interface MemberRow extends UserRow {
  mailboxes: { id: string; provider: string; address: string; state: string }[];
}

/** One page of a team's members, by email (then id); `after` is the last row of the previous page. */
export async function listMembers(
  db: Db,
  tenantId: string,
  page: { after: { email: string; id: string } | null; limit: number },
): Promise<MemberRow[]> {
  const users = (
    await db.query(
      `select * from users where tenant_id = $1
         and ($2::text is null or (lower(email), id) > ($2::text, $3::text))
       order by lower(email), id limit $4`,
      [tenantId, page.after?.email ?? null, page.after?.id ?? null, page.limit],
    )
  ).map(toUser);
  return withMailboxes(db, users);
}

/** One member of a team, or null when there is none in that team. */
export async function findMember(db: Db, tenantId: string, id: string): Promise<MemberRow | null> {
  const users = (await db.query('select * from users where id = $1 and tenant_id = $2', [id, tenantId])).map(
    toUser,
  );
  return (await withMailboxes(db, users))[0] ?? null;
}

async function withMailboxes(db: Db, users: UserRow[]): Promise<MemberRow[]> {
  if (!users.length) return [];
  const boxes = await db.query<{
    id: string;
    user_id: string;
    provider: string;
    address: string;
    state: string;
  }>(
    `select id, user_id, provider, address, state from mailboxes
     where user_id = any($1::text[]) and provider <> 'smtp' order by id`,
    [users.map((u) => u.id)],
  );
  return users.map((u) => ({
    ...u,
    mailboxes: boxes
      .filter((b) => b.user_id === u.id)
      .map((b) => ({ id: b.id, provider: b.provider, address: b.address, state: b.state })),
  }));
}

/**
 * Locks the team's admins and returns their ids. Two admins demoting each other at once serialise
 * here; the second sees the first's change, so the team never ends up without an admin.
 */
export async function lockTenantAdmins(tx: Db, tenantId: string): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    `select id from users where tenant_id = $1 and role = 'admin' order by id for update`,
    [tenantId],
  );
  return rows.map((r) => r.id);
}

/** Locks one member of a team (null when there is none in that team). */
export async function lockMember(tx: Db, tenantId: string, id: string): Promise<UserRow | null> {
  const [row] = await tx.query('select * from users where id = $1 and tenant_id = $2 for update', [
    id,
    tenantId,
  ]);
  return row ? toUser(row) : null;
}

export async function setMemberAccess(
  tx: Db,
  id: string,
  change: { role: UserRow['role']; legacy: boolean },
): Promise<UserRow> {
  const [row] = await tx.query('update users set role = $2, legacy = $3 where id = $1 returning *', [
    id,
    change.role,
    change.legacy,
  ]);
  return toUser(row!);
}
