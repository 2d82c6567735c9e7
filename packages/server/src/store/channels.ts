import type { ConnectionProblem, ConnectionState, SmtpSettings } from '@sendwell/core';
import type { Db } from './db';
import { type MailboxRow, toMailbox } from './rows';

/**
 * SMTP channels ("lanes") are rows of `mailboxes` with `provider = 'smtp'`: the outbox, reservations,
 * pauses and throttle already key on `mailbox_id`. A lane is removed by stamping `deleted_at` (its
 * sends and reservations keep pointing at it). The password is a `credentials` row, sealed by the vault.
 */
export interface LaneRow extends MailboxRow {
  provider: 'smtp';
  channelKind: 'custom-smtp' | 'legacy-hosted';
  scope: 'personal' | 'team' | 'hosted';
  tenantId: string;
  label: string;
  state: ConnectionState;
  problem: ConnectionProblem | null;
}

type Raw = Record<string, unknown>;

const toLane = (r: Raw): LaneRow => ({
  ...(toMailbox(r) as MailboxRow & { provider: 'smtp' }),
  channelKind: r.channel_kind === 'legacy-hosted' ? 'legacy-hosted' : 'custom-smtp',
  scope: r.scope as LaneRow['scope'],
  tenantId: String(r.tenant_id),
  label: String(r.label),
  state: (r.state as ConnectionState | null) ?? 'connected',
  problem: (r.state_problem as ConnectionProblem | null) ?? null,
});

const LIVE = `provider = 'smtp' and deleted_at is null`;

/** The live lanes a user can send through: their own, and their team's one. Oldest first. */
export async function listVisibleLanes(db: Db, user: { id: string; tenantId: string }): Promise<LaneRow[]> {
  const rows = await db.query(
    `select * from mailboxes where ${LIVE} and tenant_id = $2
       and (user_id = $1 and scope in ('personal', 'hosted') or scope = 'team')
     order by created_at, id`,
    [user.id, user.tenantId],
  );
  return rows.map(toLane);
}

/** A live lane of this tenant (other teams' lanes are not found). */
export async function findLane(db: Db, tenantId: string, id: string): Promise<LaneRow | null> {
  const [row] = await db.query(`select * from mailboxes where ${LIVE} and tenant_id = $1 and id = $2`, [
    tenantId,
    id,
  ]);
  return row ? toLane(row) : null;
}

/** Same, locked until the transaction ends: changes to one lane serialise here. */
export async function lockLane(tx: Db, tenantId: string, id: string): Promise<LaneRow | null> {
  const [row] = await tx.query(
    `select * from mailboxes where ${LIVE} and tenant_id = $1 and id = $2 for update`,
    [tenantId, id],
  );
  return row ? toLane(row) : null;
}

export async function findTeamLane(db: Db, tenantId: string): Promise<LaneRow | null> {
  const [row] = await db.query(
    `select * from mailboxes where ${LIVE} and tenant_id = $1 and scope = 'team'`,
    [tenantId],
  );
  return row ? toLane(row) : null;
}

export async function findHostedLane(db: Db, userId: string): Promise<LaneRow | null> {
  const [row] = await db.query(
    `select * from mailboxes where ${LIVE} and user_id = $1 and channel_kind = 'legacy-hosted'`,
    [userId],
  );
  return row ? toLane(row) : null;
}

export interface NewLane {
  id: string;
  userId: string;
  tenantId: string;
  kind: 'custom-smtp' | 'legacy-hosted';
  scope: 'personal' | 'team' | 'hosted';
  label: string;
  address: string;
  /** Non-secret settings; null for a legacy hosted lane (the operator's server, from configuration). */
  settings: SmtpSettings | null;
}

/** Inserts a connected lane; a second live team lane violates `channels_one_team_smtp`. */
export async function insertLane(tx: Db, lane: NewLane, at: Date): Promise<void> {
  await tx.query(
    `insert into mailboxes (id, user_id, provider, address, profile_id, state, state_changed_at, settings,
       channel_kind, scope, tenant_id, label)
     values ($1, $2, 'smtp', $3, 'custom-smtp', 'connected', $4, $5, $6, $7, $8, $9)`,
    [
      lane.id,
      lane.userId,
      lane.address,
      at,
      lane.settings ? JSON.stringify(lane.settings) : null,
      lane.kind,
      lane.scope,
      lane.tenantId,
      lane.label,
    ],
  );
}

export async function updateLane(
  tx: Db,
  id: string,
  change: { label: string; settings: SmtpSettings | null },
): Promise<void> {
  await tx.query('update mailboxes set label = $2, settings = $3 where id = $1', [
    id,
    change.label,
    change.settings ? JSON.stringify(change.settings) : null,
  ]);
}

/**
 * Removes a lane: stamped deleted (sends already queued on it stay, and fail as disconnected), its
 * password gone, and nobody's choice or team default points at it any more.
 */
export async function deleteLane(tx: Db, id: string, at: Date): Promise<void> {
  await tx.query(
    `update mailboxes set deleted_at = $2, state = 'disconnected', state_problem = null, state_changed_at = $2
      where id = $1`,
    [id, at],
  );
  await tx.query('delete from credentials where mailbox_id = $1', [id]);
  await tx.query('update users set chosen_channel_id = null where chosen_channel_id = $1', [id]);
  await tx.query('update team_settings set default_channel_id = null where default_channel_id = $1', [id]);
}

export async function findChosenChannelId(db: Db, userId: string): Promise<string | null> {
  const [row] = await db.query<{ chosen_channel_id: string | null }>(
    'select chosen_channel_id from users where id = $1',
    [userId],
  );
  return row?.chosen_channel_id ?? null;
}

export async function saveChosenChannelId(tx: Db, userId: string, channelId: string | null): Promise<void> {
  await tx.query('update users set chosen_channel_id = $2 where id = $1', [userId, channelId]);
}

/** The team's channel settings; a team that never saved any has the defaults. */
export interface TeamChannelSettings {
  defaultChannelId: string | null;
  legacyVisible: boolean;
}

export async function findTeamChannelSettings(db: Db, tenantId: string): Promise<TeamChannelSettings> {
  const [row] = await db.query<{ default_channel_id: string | null; legacy_visible: boolean }>(
    'select default_channel_id, legacy_visible from team_settings where tenant_id = $1',
    [tenantId],
  );
  return { defaultChannelId: row?.default_channel_id ?? null, legacyVisible: row?.legacy_visible ?? true };
}

/** Locks the team's settings row (creating it first), so two admins' changes serialise. */
export async function lockTeamChannelSettings(tx: Db, tenantId: string): Promise<TeamChannelSettings> {
  await tx.query('insert into team_settings (tenant_id) values ($1) on conflict (tenant_id) do nothing', [
    tenantId,
  ]);
  const [row] = await tx.query<{ default_channel_id: string | null; legacy_visible: boolean }>(
    'select default_channel_id, legacy_visible from team_settings where tenant_id = $1 for update',
    [tenantId],
  );
  return { defaultChannelId: row?.default_channel_id ?? null, legacyVisible: row?.legacy_visible ?? true };
}

export async function saveTeamChannelSettings(
  tx: Db,
  tenantId: string,
  settings: TeamChannelSettings,
  updatedBy: string,
  at: Date,
): Promise<void> {
  await tx.query(
    `update team_settings set default_channel_id = $2, legacy_visible = $3, updated_by = $4, updated_at = $5
      where tenant_id = $1`,
    [tenantId, settings.defaultChannelId, settings.legacyVisible, updatedBy, at],
  );
}
