import type { BatchSetting } from '@sendwell/core';
import type { Db } from './db';

/** The team's "batch of N every S seconds" (Marketo parity), or null when the team has none. */
export async function findTeamBatch(db: Db, tenantId: string): Promise<BatchSetting | null> {
  const [row] = await db.query<{ batch_size: number | null; batch_every_seconds: number | null }>(
    'select batch_size, batch_every_seconds from team_settings where tenant_id = $1',
    [tenantId],
  );
  if (row?.batch_size == null || row.batch_every_seconds == null) return null;
  return { size: Number(row.batch_size), everySeconds: Number(row.batch_every_seconds) };
}

/** Stores (or, with null, clears) the team's batch setting. */
export async function saveTeamBatch(
  db: Db,
  tenantId: string,
  batch: BatchSetting | null,
  updatedBy: string,
  at: Date,
): Promise<void> {
  await db.query(
    `insert into team_settings (tenant_id, batch_size, batch_every_seconds, updated_by, updated_at)
     values ($1, $2, $3, $4, $5)
     on conflict (tenant_id) do update set batch_size = excluded.batch_size,
       batch_every_seconds = excluded.batch_every_seconds, updated_by = excluded.updated_by,
       updated_at = excluded.updated_at`,
    [tenantId, batch?.size ?? null, batch?.everySeconds ?? null, updatedBy, at],
  );
}

/** The batch setting of the team the mailbox's owner belongs to. */
export async function findMailboxTeamBatch(db: Db, mailboxId: string): Promise<BatchSetting | null> {
  const [row] = await db.query<{ tenant_id: string }>(
    'select u.tenant_id from mailboxes m join users u on u.id = m.user_id where m.id = $1',
    [mailboxId],
  );
  return row ? findTeamBatch(db, row.tenant_id) : null;
}
