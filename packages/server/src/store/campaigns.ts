import type { CampaignStatus, CampaignStep, LeftReason } from '@sendwell/core';
import type { Db } from './db';

/**
 * Campaigns and their enrolments as stored (migrations 50 and 51). Every read names the tenant:
 * a campaign id from another team finds nothing.
 */

export interface CampaignPauseRow {
  by: 'owner' | 'circuit-breaker' | 'admin' | 'mailbox';
  at: string;
  bounced?: number;
  window?: number;
  threshold?: number;
  message: string;
}

export interface CampaignRow {
  id: string;
  tenantId: string;
  ownerId: string;
  name: string;
  timeZone: string;
  status: CampaignStatus;
  pause: CampaignPauseRow | null;
  steps: CampaignStep[];
  createdAt: Date;
  updatedAt: Date;
}

export type EnrolmentStatus = 'active' | 'finished' | 'left';

export interface EnrolmentRow {
  id: string;
  campaignId: string;
  tenantId: string;
  email: string;
  displayName: string | null;
  timeZone: string | null;
  fields: Record<string, string>;
  status: EnrolmentStatus;
  leftReason: LeftReason | null;
  leftDetail: Record<string, unknown> | null;
  /** The step due next, or on its way while `lastSendId` waits in the outbox (0-based). */
  nextStep: number;
  /** When the next step is due; null while its email is on its way, and once the person is done. */
  nextAt: Date | null;
  lastSendId: string | null;
  source: string;
  enrolledBy: string | null;
  enrolledAt: Date;
  updatedAt: Date;
}

type Raw = Record<string, unknown>;
const date = (v: unknown) => (v == null ? null : v instanceof Date ? v : new Date(String(v)));
const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

const toCampaign = (r: Raw): CampaignRow => ({
  id: String(r.id),
  tenantId: String(r.tenant_id),
  ownerId: String(r.owner_id),
  name: String(r.name),
  timeZone: String(r.time_zone ?? 'UTC'),
  status: r.status as CampaignStatus,
  pause: r.pause == null ? null : json<CampaignPauseRow>(r.pause),
  steps: json<CampaignStep[]>(r.steps),
  createdAt: date(r.created_at)!,
  updatedAt: date(r.updated_at)!,
});

export const toEnrolment = (r: Raw): EnrolmentRow => ({
  id: String(r.id),
  campaignId: String(r.campaign_id),
  tenantId: String(r.tenant_id),
  email: String(r.email),
  displayName: (r.display_name as string | null) ?? null,
  timeZone: (r.time_zone as string | null) ?? null,
  fields: json<Record<string, string>>(r.fields ?? {}),
  status: r.status as EnrolmentStatus,
  leftReason: (r.left_reason as LeftReason | null) ?? null,
  leftDetail: r.left_detail == null ? null : json<Record<string, unknown>>(r.left_detail),
  nextStep: Number(r.next_step),
  nextAt: date(r.next_at),
  lastSendId: (r.last_send_id as string | null) ?? null,
  source: String(r.source),
  enrolledBy: (r.enrolled_by as string | null) ?? null,
  enrolledAt: date(r.enrolled_at)!,
  updatedAt: date(r.updated_at)!,
});

export async function insertCampaign(db: Db, c: CampaignRow): Promise<CampaignRow> {
  const [row] = await db.query(
    `insert into campaigns (id, tenant_id, owner_id, name, time_zone, status, pause, steps, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning *`,
    [
      c.id,
      c.tenantId,
      c.ownerId,
      c.name,
      c.timeZone,
      c.status,
      c.pause ? JSON.stringify(c.pause) : null,
      JSON.stringify(c.steps),
      c.createdAt,
      c.updatedAt,
    ],
  );
  return toCampaign(row!);
}

export async function findCampaign(db: Db, tenantId: string, id: string): Promise<CampaignRow | null> {
  const [row] = await db.query('select * from campaigns where id = $1 and tenant_id = $2', [id, tenantId]);
  return row ? toCampaign(row) : null;
}

/** The campaign row locked for a change (edits, pause, resume serialise on it). */
export async function lockCampaign(tx: Db, tenantId: string, id: string): Promise<CampaignRow | null> {
  const [row] = await tx.query('select * from campaigns where id = $1 and tenant_id = $2 for update', [
    id,
    tenantId,
  ]);
  return row ? toCampaign(row) : null;
}

export type CampaignChange = Partial<Pick<CampaignRow, 'name' | 'timeZone' | 'status' | 'pause' | 'steps'>>;

export async function updateCampaign(
  tx: Db,
  id: string,
  change: CampaignChange,
  at: Date,
): Promise<CampaignRow> {
  const [row] = await tx.query(
    `update campaigns set name = coalesce($2, name), time_zone = coalesce($3, time_zone),
       status = coalesce($4, status), steps = coalesce($5::jsonb, steps),
       pause = case when $6 then $7::jsonb else pause end, updated_at = $8
     where id = $1 returning *`,
    [
      id,
      change.name ?? null,
      change.timeZone ?? null,
      change.status ?? null,
      change.steps ? JSON.stringify(change.steps) : null,
      'pause' in change,
      change.pause ? JSON.stringify(change.pause) : null,
      at,
    ],
  );
  return toCampaign(row!);
}

export interface CampaignListFilter {
  tenantId: string;
  /** Only this owner's; null for the whole team. */
  ownerId: string | null;
  status: CampaignStatus | null;
  /** Rows strictly after this position of the newest-first order. */
  after: { createdKey: string; id: string } | null;
  limit: number;
}

/** Newest first, within one tenant; each row with its `created_at` as the cursor keeps it. */
export async function listCampaignPage(
  db: Db,
  f: CampaignListFilter,
): Promise<(CampaignRow & { createdKey: string })[]> {
  const rows = await db.query(
    `select c.*, c.created_at::text as created_key from campaigns c
     where c.tenant_id = $1 and ($2::text is null or c.owner_id = $2) and ($3::text is null or c.status = $3)
       and ($4::text is null or (c.created_at, c.id) < ($4::timestamptz, $5::text))
     order by c.created_at desc, c.id desc limit $6`,
    [f.tenantId, f.ownerId, f.status, f.after?.createdKey ?? null, f.after?.id ?? null, f.limit],
  );
  return rows.map((r) => ({ ...toCampaign(r), createdKey: String(r.created_key) }));
}

/** A campaign's step emails the outbox holds because it was paused (`why` is the hold's wording), locked. */
export async function lockHeldStepSends(tx: Db, campaignId: string, why: string): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    `select id from sends where campaign_id = $1 and status in ('scheduled', 'retry') and last_error = $2
     order by send_at, id for update`,
    [campaignId, why],
  );
  return rows.map((r) => r.id);
}
