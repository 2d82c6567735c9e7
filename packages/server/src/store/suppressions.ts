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

type Raw = Record<string, unknown>;
const date = (v: unknown) => (v == null ? null : v instanceof Date ? v : new Date(String(v)));
const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : (v ?? {})) as Record<string, unknown>;

export const toLiveSuppression = (r: Raw): LiveSuppression => ({
  id: String(r.id),
  email: String(r.email),
  reason: r.reason as SuppressionReason,
  detail: json(r.detail),
  since: date(r.since)!,
  until: date(r.until),
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
