import type { SuppressionReason } from '@sendwell/core';
import type { Db } from './db';

/** A suppression in force: not lifted, and not past its end (soft-bounce suppressions expire). */
export interface LiveSuppression {
  id: string;
  email: string;
  reason: SuppressionReason;
  detail: Record<string, unknown>;
  since: Date;
  until: Date | null;
}

/** Any suppression row, live or not (the history lists lifted and expired ones too). */
export interface SuppressionRow extends LiveSuppression {
  tenantId: string;
  createdBy: string | null;
  liftedAt: Date | null;
  liftedBy: string | null;
}

type Raw = Record<string, unknown>;
const date = (v: unknown) => (v == null ? null : v instanceof Date ? v : new Date(String(v)));
const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : (v ?? {})) as Record<string, unknown>;

const toLiveSuppression = (r: Raw): LiveSuppression => ({
  id: String(r.id),
  email: String(r.email),
  reason: r.reason as SuppressionReason,
  detail: json(r.detail),
  since: date(r.since)!,
  until: date(r.until),
});

const toRow = (r: Raw): SuppressionRow => ({
  ...toLiveSuppression(r),
  tenantId: String(r.tenant_id),
  createdBy: (r.created_by as string | null) ?? null,
  liftedAt: date(r.lifted_at),
  liftedBy: (r.lifted_by as string | null) ?? null,
});

/** Which of these (lower-case) addresses the team suppresses at `now`. */
export async function findLiveSuppressions(
  db: Db,
  tenantId: string,
  emails: readonly string[],
  now: Date,
): Promise<LiveSuppression[]> {
  if (emails.length === 0) return [];
  const rows = await db.query(
    `select * from suppressions where tenant_id = $1 and email = any($2::text[]) and lifted_at is null
       and (until is null or until > $3) order by email`,
    [tenantId, [...new Set(emails.map((e) => e.toLowerCase()))], now],
  );
  return rows.map(toLiveSuppression);
}

export interface NewSuppression {
  tenantId: string;
  email: string;
  reason: SuppressionReason;
  detail: Record<string, unknown>;
  until: Date | null;
  createdBy: string | null;
}

/** What `upsertSuppression` did: a new suppression, or the one already in force (possibly made stronger). */
export type UpsertOutcome =
  | { kind: 'added'; row: SuppressionRow }
  | { kind: 'strengthened'; row: SuppressionRow; before: SuppressionRow }
  | { kind: 'unchanged'; row: SuppressionRow };

/**
 * One row per (team, address) that is not lifted (the unique index), so a new suppression merges
 * into it: an expired row is replaced; a row in force keeps its reason and evidence unless the new
 * one lasts longer (until lifted beats a date; a later date beats an earlier one), so a soft-bounce
 * pause never weakens a hard bounce or an unsubscribe.
 */
export async function upsertSuppression(db: Db, s: NewSuppression, now: Date): Promise<UpsertOutcome> {
  return db.transaction(async (tx) => {
    const email = s.email.toLowerCase();
    const current = await lockUnlifted(tx, s.tenantId, email);
    if (!current) {
      const [inserted] = await tx.query(
        `insert into suppressions (tenant_id, email, reason, detail, since, until, created_by)
         values ($1, $2, $3, $4, $5, $6, $7)
         on conflict (tenant_id, email) where lifted_at is null do nothing returning *`,
        [s.tenantId, email, s.reason, JSON.stringify(s.detail), now, s.until, s.createdBy],
      );
      // A concurrent writer inserted first: merge into its row instead.
      if (inserted) return { kind: 'added', row: toRow(inserted) };
      return upsertSuppression(tx, s, now);
    }
    const expired = current.until !== null && current.until <= now;
    if (!expired && !lastsLonger(s.until, current.until)) return { kind: 'unchanged', row: current };
    // Strengthened: the earlier suppression's evidence stays with the row (nothing is lost).
    const previous = {
      reason: current.reason,
      since: current.since,
      until: current.until,
      detail: current.detail,
    };
    const mergedDetail = expired ? s.detail : { ...s.detail, previous };
    const [updated] = await tx.query(
      `update suppressions set reason = $2, detail = $3, since = $4, until = $5, created_by = $6
        where id = $1 returning *`,
      [
        current.id,
        s.reason,
        JSON.stringify(mergedDetail),
        expired ? now : current.since,
        s.until,
        s.createdBy,
      ],
    );
    const row = toRow(updated!);
    return expired ? { kind: 'added', row } : { kind: 'strengthened', row, before: current };
  });
}

const lastsLonger = (next: Date | null, current: Date | null) =>
  current !== null && (next === null || next > current);

async function lockUnlifted(db: Db, tenantId: string, email: string): Promise<SuppressionRow | null> {
  const [row] = await db.query(
    'select * from suppressions where tenant_id = $1 and email = $2 and lifted_at is null for update',
    [tenantId, email],
  );
  return row ? toRow(row) : null;
}

/** One suppression of the team (live or not), or null (another team's id reads as not found). */
export async function findSuppression(db: Db, tenantId: string, id: string): Promise<SuppressionRow | null> {
  if (!/^\d{1,15}$/.test(id)) return null;
  const [row] = await db.query('select * from suppressions where tenant_id = $1 and id = $2', [tenantId, id]);
  return row ? toRow(row) : null;
}

/** Lifts a suppression not lifted yet; null when it was already lifted (or is not the team's). */
export async function markLifted(
  db: Db,
  tenantId: string,
  id: string,
  by: string,
  at: Date,
): Promise<SuppressionRow | null> {
  const [row] = await db.query(
    `update suppressions set lifted_at = $3, lifted_by = $4
      where tenant_id = $1 and id = $2 and lifted_at is null returning *`,
    [tenantId, id, at, by],
  );
  return row ? toRow(row) : null;
}

export interface SuppressionListQuery {
  email?: string;
  /** `live`: in force at `now`; `all`: lifted and expired ones too. */
  state: 'live' | 'all';
  now: Date;
  /** The cursor: the last id of the previous page. */
  beforeId: number | null;
  limit: number;
}

/** The team's suppressions, newest first. */
export async function listSuppressionRows(
  db: Db,
  tenantId: string,
  q: SuppressionListQuery,
): Promise<SuppressionRow[]> {
  const rows = await db.query(
    `select * from suppressions where tenant_id = $1 and ($2::text is null or email = $2)
        and ($3 = 'all' or (lifted_at is null and (until is null or until > $4)))
        and ($5::bigint is null or id < $5)
      order by id desc limit $6`,
    [tenantId, q.email?.toLowerCase() ?? null, q.state, q.now, q.beforeId, q.limit],
  );
  return rows.map(toRow);
}

/**
 * Failure notices (not delays) that were soft for this address in the team since `since`. A notice
 * belongs to the team of the send it answers, else of the mailbox it arrived in.
 */
export async function countSoftBounces(
  db: Db,
  tenantId: string,
  email: string,
  since: Date,
): Promise<number> {
  const [row] = await db.query<{ n: number | string }>(
    `select count(*) as n from bounces b
       left join sends s on s.id = b.send_id
       left join users su on su.id = s.user_id
       join mailboxes m on m.id = b.mailbox_id
       left join users mu on mu.id = m.user_id
      where lower(b.recipient) = $2 and b.hard = false and coalesce(b.action, '') <> 'delayed'
        and b.at > $3 and coalesce(su.tenant_id, m.tenant_id, mu.tenant_id) = $1`,
    [tenantId, email.toLowerCase(), since],
  );
  return Number(row?.n ?? 0);
}
