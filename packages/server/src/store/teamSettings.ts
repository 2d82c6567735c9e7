import type { BatchSetting } from '@sendwell/core';
import type { Db } from './db';

/**
 * The team's "batch of N every S seconds" (Marketo parity): one team-wide setting in `team_settings`
 * (the original one, still honoured) and, per provider profile, an own setting in `throttle_settings`
 * that wins over it. The planner asks `findMailboxBatch` (the profile's row, else the team-wide one).
 */

type BatchColumns = { batch_size: number | null; batch_every_seconds: number | null };
const toBatch = (row: BatchColumns | undefined): BatchSetting | null =>
  row?.batch_size == null || row.batch_every_seconds == null
    ? null
    : { size: Number(row.batch_size), everySeconds: Number(row.batch_every_seconds) };

/** The team-wide setting, or null when the team has none. */
export async function findTeamBatch(db: Db, tenantId: string): Promise<BatchSetting | null> {
  const [row] = await db.query<BatchColumns>(
    'select batch_size, batch_every_seconds from team_settings where tenant_id = $1',
    [tenantId],
  );
  return toBatch(row);
}

/** Stores (or, with null, clears) the team-wide setting. */
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

/** Each profile's own setting in the tenant (profiles without one follow the team-wide setting). */
export async function listProfileBatches(db: Db, tenantId: string): Promise<Map<string, BatchSetting>> {
  const rows = await db.query<BatchColumns & { profile_id: string }>(
    'select profile_id, batch_size, batch_every_seconds from throttle_settings where tenant_id = $1',
    [tenantId],
  );
  return new Map(rows.map((r) => [r.profile_id, toBatch(r)!]));
}

/** Stores one profile's own setting, or with null removes it (the profile follows the team-wide one). */
export async function saveProfileBatch(
  db: Db,
  tenantId: string,
  profileId: string,
  batch: BatchSetting | null,
  updatedBy: string,
  at: Date,
): Promise<void> {
  if (!batch) {
    await db.query('delete from throttle_settings where tenant_id = $1 and profile_id = $2', [
      tenantId,
      profileId,
    ]);
    return;
  }
  await db.query(
    `insert into throttle_settings (tenant_id, profile_id, batch_size, batch_every_seconds, updated_by, updated_at)
     values ($1, $2, $3, $4, $5, $6)
     on conflict (tenant_id, profile_id) do update set batch_size = excluded.batch_size,
       batch_every_seconds = excluded.batch_every_seconds, updated_by = excluded.updated_by,
       updated_at = excluded.updated_at`,
    [tenantId, profileId, batch.size, batch.everySeconds, updatedBy, at],
  );
}

/** The setting the planner applies to a profile in a tenant: the profile's own, else the team-wide one. */
async function findBatchFor(db: Db, tenantId: string, profileId: string): Promise<BatchSetting | null> {
  const [row] = await db.query<BatchColumns>(
    `select coalesce(p.batch_size, t.batch_size) as batch_size,
            coalesce(p.batch_every_seconds, t.batch_every_seconds) as batch_every_seconds
       from (select $1::text as tenant_id) k
       left join throttle_settings p on p.tenant_id = k.tenant_id and p.profile_id = $2
       left join team_settings t on t.tenant_id = k.tenant_id`,
    [tenantId, profileId],
  );
  return toBatch(row);
}

/**
 * The setting that paces one mailbox or SMTP lane: its tenant (the lane's own, else its owner's) and
 * its profile. `profileId` overrides the stored one (SMTP lanes' profile comes from their limits).
 */
export async function findMailboxBatch(
  db: Db,
  mailboxId: string,
  profileId?: string,
): Promise<BatchSetting | null> {
  const [row] = await db.query<{ tenant_id: string; profile_id: string }>(
    `select coalesce(m.tenant_id, u.tenant_id) as tenant_id, m.profile_id
       from mailboxes m join users u on u.id = m.user_id where m.id = $1`,
    [mailboxId],
  );
  return row ? findBatchFor(db, row.tenant_id, profileId ?? row.profile_id) : null;
}

/** Profiles the tenant's live mailboxes and lanes use, and those with an own setting. */
export async function listTenantProfiles(db: Db, tenantId: string): Promise<string[]> {
  const rows = await db.query<{ profile_id: string }>(
    `select m.profile_id from mailboxes m join users u on u.id = m.user_id
      where coalesce(m.tenant_id, u.tenant_id) = $1 and m.deleted_at is null
     union select profile_id from throttle_settings where tenant_id = $1
     order by 1`,
    [tenantId],
  );
  return rows.map((r) => r.profile_id);
}
