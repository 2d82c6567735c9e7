import type { LeftReason } from '@sendwell/core';
import { type EnrolmentRow, type EnrolmentStatus, toEnrolment } from './campaigns';
import type { Db } from './db';

/** Enrolments: one person in one campaign (unique by address), and where they are in it. */

export type NewEnrolment = Omit<EnrolmentRow, 'status' | 'leftReason' | 'leftDetail' | 'lastSendId'>;

/** Inserts the person unless they are in the campaign already (then null: never a second enrolment). */
export async function insertEnrolment(tx: Db, e: NewEnrolment): Promise<EnrolmentRow | null> {
  const [row] = await tx.query(
    `insert into enrolments (id, campaign_id, tenant_id, email, display_name, time_zone, fields, status,
       next_step, next_at, source, enrolled_by, enrolled_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, 'active', $8, $9, $10, $11, $12, $13)
     on conflict (campaign_id, email) do nothing returning *`,
    [
      e.id,
      e.campaignId,
      e.tenantId,
      e.email,
      e.displayName,
      e.timeZone,
      JSON.stringify(e.fields),
      e.nextStep,
      e.nextAt,
      e.source,
      e.enrolledBy,
      e.enrolledAt,
      e.updatedAt,
    ],
  );
  return row ? toEnrolment(row) : null;
}

/** Which of these (lower-case) addresses are in the campaign already, whatever their status. */
export async function findEnrolledEmails(db: Db, campaignId: string, emails: string[]): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const rows = await db.query<{ email: string }>(
    'select email from enrolments where campaign_id = $1 and email = any($2::text[])',
    [campaignId, emails],
  );
  return new Set(rows.map((r) => r.email));
}

/** An enrolment as the API shows it: with its campaign's name, steps sent and the waiting email's time. */
export interface EnrolmentView extends EnrolmentRow {
  campaignName: string;
  stepsSent: number;
  /** The outbox's time for the step on its way (null when none waits). */
  waitingAt: Date | null;
}

const VIEW_SELECT = `select e.*, c.name as campaign_name,
    (select count(*) from sends s where s.enrolment_id = e.id and s.status = 'submitted')::int as steps_sent,
    (select s.send_at from sends s where s.id = e.last_send_id
       and s.status in ('scheduled', 'sending', 'retry')) as waiting_at
  from enrolments e join campaigns c on c.id = e.campaign_id`;

const toView = (r: Record<string, unknown>): EnrolmentView => ({
  ...toEnrolment(r),
  campaignName: String(r.campaign_name),
  stepsSent: Number(r.steps_sent),
  waitingAt: r.waiting_at == null ? null : new Date(r.waiting_at as string | Date),
});

export interface EnrolmentListFilter {
  campaignId: string;
  status: EnrolmentStatus | null;
  /** Rows after this position (enrolled_at, id), oldest first. */
  after: { enrolledKey: string; id: string } | null;
  limit: number;
}

/** A campaign's enrolments in the order people joined, each with its cursor key. */
export async function listEnrolmentPage(
  db: Db,
  f: EnrolmentListFilter,
): Promise<(EnrolmentView & { enrolledKey: string })[]> {
  const rows = await db.query(
    `${VIEW_SELECT.replace('select e.*,', 'select e.*, e.enrolled_at::text as enrolled_key,')}
     where e.campaign_id = $1 and ($2::text is null or e.status = $2)
       and ($3::text is null or (e.enrolled_at, e.id) > ($3::timestamptz, $4::text))
     order by e.enrolled_at, e.id limit $5`,
    [f.campaignId, f.status, f.after?.enrolledKey ?? null, f.after?.id ?? null, f.limit],
  );
  return rows.map((r) => ({ ...toView(r), enrolledKey: String(r.enrolled_key) }));
}

/** Every enrolment of one address in the tenant (the person's status in the pane, card, web app). */
export async function listPersonEnrolments(
  db: Db,
  tenantId: string,
  email: string,
): Promise<EnrolmentView[]> {
  const rows = await db.query(
    `${VIEW_SELECT} where e.tenant_id = $1 and e.email = $2 order by e.enrolled_at`,
    [tenantId, email.toLowerCase()],
  );
  return rows.map(toView);
}

export async function findEnrolmentView(db: Db, id: string): Promise<EnrolmentView | null> {
  const [row] = await db.query(`${VIEW_SELECT} where e.id = $1`, [id]);
  return row ? toView(row) : null;
}

export async function lockEnrolment(tx: Db, id: string): Promise<EnrolmentRow | null> {
  const [row] = await tx.query('select * from enrolments where id = $1 for update', [id]);
  return row ? toEnrolment(row) : null;
}

/** The active enrolments of an address in the tenant, locked (an exit leaves them all). */
export async function lockActiveEnrolmentsOf(
  tx: Db,
  tenantId: string,
  email: string,
): Promise<EnrolmentRow[]> {
  const rows = await tx.query(
    `select * from enrolments where tenant_id = $1 and email = $2 and status = 'active' order by id for update`,
    [tenantId, email.toLowerCase()],
  );
  return rows.map(toEnrolment);
}

/**
 * One due enrolment of an active campaign, locked; `skip locked` lets several workers share the
 * round without taking the same person twice.
 */
export async function claimDueEnrolment(tx: Db, now: Date): Promise<EnrolmentRow | null> {
  const [row] = await tx.query(
    `select e.* from enrolments e join campaigns c on c.id = e.campaign_id
     where e.status = 'active' and c.status = 'active' and e.next_at <= $1
     order by e.next_at, e.id limit 1 for update of e skip locked`,
    [now],
  );
  return row ? toEnrolment(row) : null;
}

/**
 * One active enrolment whose step's email is done with the outbox (submitted, failed or cancelled)
 * and that waits to move on, locked. Paused campaigns move people on too: nothing is queued for
 * them until the campaign is resumed, but the next due time is known.
 */
export async function claimSettledEnrolment(tx: Db): Promise<EnrolmentRow | null> {
  const [row] = await tx.query(
    `select e.* from enrolments e join sends s on s.id = e.last_send_id
     where e.status = 'active' and e.next_at is null and s.status in ('submitted', 'failed', 'cancelled')
     order by e.updated_at, e.id limit 1 for update of e skip locked`,
  );
  return row ? toEnrolment(row) : null;
}

export interface EnrolmentChange {
  status?: EnrolmentStatus;
  leftReason?: LeftReason | null;
  leftDetail?: Record<string, unknown> | null;
  nextStep?: number;
  nextAt?: Date | null;
  lastSendId?: string | null;
}

export async function updateEnrolment(
  tx: Db,
  id: string,
  change: EnrolmentChange,
  at: Date,
): Promise<EnrolmentRow> {
  const has = (k: keyof EnrolmentChange) => k in change;
  const [row] = await tx.query(
    `update enrolments set status = coalesce($2, status),
       left_reason = case when $3 then $4 else left_reason end,
       left_detail = case when $5 then $6::jsonb else left_detail end,
       next_step = coalesce($7, next_step),
       next_at = case when $8 then $9::timestamptz else next_at end,
       last_send_id = case when $10 then $11 else last_send_id end,
       updated_at = $12
     where id = $1 returning *`,
    [
      id,
      change.status ?? null,
      has('leftReason'),
      change.leftReason ?? null,
      has('leftDetail'),
      change.leftDetail ? JSON.stringify(change.leftDetail) : null,
      change.nextStep ?? null,
      has('nextAt'),
      change.nextAt ?? null,
      has('lastSendId'),
      change.lastSendId ?? null,
      at,
    ],
  );
  return toEnrolment(row!);
}

/** The sends of this enrolment still waiting in the outbox, locked (an exit cancels them). */
export async function lockWaitingSendIds(tx: Db, enrolmentId: string): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    `select id from sends where enrolment_id = $1 and status in ('scheduled', 'retry') order by id for update`,
    [enrolmentId],
  );
  return rows.map((r) => r.id);
}

/** Active enrolments of a campaign waiting for a step (their positions move when steps are edited). */
export async function listWaitingEnrolments(tx: Db, campaignId: string): Promise<EnrolmentRow[]> {
  const rows = await tx.query(
    `select * from enrolments where campaign_id = $1 and status = 'active' and next_at is not null
     order by id for update`,
    [campaignId],
  );
  return rows.map(toEnrolment);
}
