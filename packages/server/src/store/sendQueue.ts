import type { Db } from './db';
import { type SendRow, type SendStatus, toSend } from './rows';
import type { ReservationRow } from './sends';

/**
 * Reading and changing sends from the API's side: the list with search and cursor, and the changes a
 * person makes to a waiting send (cancel, reschedule). The worker's side is `store/sends.ts`.
 */

/** A send as the list shows it: the row, who sent it, when it was queued and how many bounced. */
export interface ListedSend extends SendRow {
  senderName: string;
  senderEmail: string;
  createdAt: Date;
  /** The row's exact `created_at` as the database prints it: the cursor keeps microseconds. */
  createdKey: string;
  bounced: number;
}

export interface SendListFilter {
  tenantId: string;
  /** Only this sender's sends; null for the whole team (always within `tenantId`). */
  userId: string | null;
  /** Searches recipients (To, Cc, Bcc) and subject, case-insensitively. */
  search?: string;
  status?: SendStatus;
  /** Rows strictly after this position of the newest-first order. */
  after?: { createdKey: string; id: string } | null;
  limit: number;
}

/** `%`, `_` and `\` in a search mean themselves. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Newest first (by when it was queued, then id), within one tenant. */
export async function listSendPage(db: Db, filter: SendListFilter): Promise<ListedSend[]> {
  const rows = await db.query(
    `select s.*, u.name as sender_name, u.email as sender_email, s.created_at::text as created_key,
       (select count(distinct b.recipient) from bounces b
         where b.send_id = s.id and coalesce(b.action, 'failed') <> 'delayed')::int as bounced
     from sends s join users u on u.id = s.user_id
     where u.tenant_id = $1
       and ($2::text is null or s.user_id = $2)
       and ($3::text is null or s.status = $3)
       and ($4::text is null or s.subject ilike $4 escape '\\'
            or exists (select 1 from jsonb_array_elements_text(s.to_addrs || s.cc_addrs || s.bcc_addrs) a
                       where a ilike $4 escape '\\'))
       and ($5::text is null or (s.created_at, s.id) < ($5::timestamptz, $6::text))
     order by s.created_at desc, s.id desc limit $7`,
    [
      filter.tenantId,
      filter.userId,
      filter.status ?? null,
      filter.search ? likePattern(filter.search) : null,
      filter.after?.createdKey ?? null,
      filter.after?.id ?? null,
      filter.limit,
    ],
  );
  return rows.map((r) => ({
    ...toSend(r),
    senderName: String(r.sender_name),
    senderEmail: String(r.sender_email),
    createdAt: r.created_at instanceof Date ? r.created_at : new Date(String(r.created_at)),
    createdKey: String(r.created_key),
    bounced: Number(r.bounced),
  }));
}

/** One send with its sender, for the detail view; null when there is none. */
export async function findListedSend(
  db: Db,
  id: string,
): Promise<(ListedSend & { tenantId: string }) | null> {
  const [r] = await db.query(
    `select s.*, u.name as sender_name, u.email as sender_email, u.tenant_id as sender_tenant,
       s.created_at::text as created_key,
       (select count(distinct b.recipient) from bounces b
         where b.send_id = s.id and coalesce(b.action, 'failed') <> 'delayed')::int as bounced
     from sends s join users u on u.id = s.user_id where s.id = $1`,
    [id],
  );
  if (!r) return null;
  return {
    ...toSend(r),
    senderName: String(r.sender_name),
    senderEmail: String(r.sender_email),
    tenantId: String(r.sender_tenant),
    createdAt: r.created_at instanceof Date ? r.created_at : new Date(String(r.created_at)),
    createdKey: String(r.created_key),
    bounced: Number(r.bounced),
  };
}

export interface BounceDetailRow {
  recipient: string;
  action: string | null;
  status: string | null;
  hard: boolean | null;
  reason: string | null;
  diagnostic: string | null;
  at: Date;
}

/** Every bounce or delay notice attributed to the send, oldest first. */
export async function listBounceDetails(db: Db, sendId: string): Promise<BounceDetailRow[]> {
  const rows = await db.query(
    `select recipient, action, status, hard, reason, diagnostic, at from bounces where send_id = $1
     order by at, id`,
    [sendId],
  );
  return rows.map((r) => ({
    recipient: String(r.recipient),
    action: (r.action as string | null) ?? null,
    status: (r.status as string | null) ?? null,
    hard: (r.hard as boolean | null) ?? null,
    reason: (r.reason as string | null) ?? null,
    diagnostic: (r.diagnostic as string | null) ?? null,
    at: r.at instanceof Date ? r.at : new Date(String(r.at)),
  }));
}

/**
 * Locks the send row for a change. The worker's claim skips locked rows (`skip locked`), so while
 * this transaction holds it, the send cannot be handed to the provider under our feet.
 */
export async function lockSend(tx: Db, id: string): Promise<SendRow | null> {
  const [row] = await tx.query('select * from sends where id = $1 for update', [id]);
  return row ? toSend(row) : null;
}

/** A waiting send stops for good: it will never be claimed, and its slot in the budget is freed. */
export async function markCancelled(tx: Db, id: string, why: string): Promise<SendRow> {
  const [row] = await tx.query(
    `update sends set status = 'cancelled', claimed_until = null, started_at = null, last_error = $2
     where id = $1 returning *`,
    [id, why],
  );
  await tx.query('delete from reservations where send_id = $1', [id]);
  return toSend(row!);
}

/** A waiting send moves to `sendAt` (status kept), its reservation with it. */
export async function moveWaitingSend(tx: Db, id: string, sendAt: Date): Promise<SendRow> {
  const [row] = await tx.query(
    'update sends set send_at = $2, claimed_until = null, started_at = null where id = $1 returning *',
    [id, sendAt],
  );
  await tx.query('update reservations set at = $2 where send_id = $1', [id, sendAt]);
  return toSend(row!);
}

/**
 * The reservations a new slot is planned against: the mailbox's from `since` on, except the send
 * being re-planned (its own slot) and sends a person moved to a time after `from`. The planner is
 * first-come-first-served (a new message never goes before a reserved one), so a send rescheduled
 * to tomorrow would otherwise hold every later send until tomorrow. Leaving those out is safe for
 * the provider's limits: the worker re-plans each send against what actually left before it goes.
 */
export async function listPlanningReservations(
  db: Db,
  mailboxId: string,
  since: Date,
  from: Date,
  exceptSendId: string | null,
): Promise<ReservationRow[]> {
  const rows = await db.query<{ at: Date | string; recipients: number; external: number }>(
    `select r.at, r.recipients, r.external from reservations r
     where r.mailbox_id = $1 and r.at >= $2 and r.send_id is distinct from $3
       and not (r.at > $4 and exists (select 1 from events e where e.send_id = r.send_id
                  and e.type = 'send.rescheduled' and e.detail->>'by' = 'sender'))
     order by r.at`,
    [mailboxId, since, exceptSendId, from],
  );
  return rows.map((r) => ({
    at: new Date(r.at),
    recipients: Number(r.recipients),
    external: Number(r.external),
  }));
}
