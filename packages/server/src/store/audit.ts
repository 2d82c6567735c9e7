import type { Db } from './db';

/** One admin action or channel/setting change: who, what, before → after, when. */
export interface AuditEntry {
  tenantId: string;
  actorId: string | null;
  /** Dotted verb, e.g. `channel.created`, `settings.throttle.changed`, `member.role.changed`. */
  action: string;
  /** What it acted on (a channel id, a member id, a profile id), when there is one. */
  target: string | null;
  before: unknown;
  after: unknown;
  at: Date;
}

export interface AuditRow extends AuditEntry {
  id: number;
}

/** Secrets never reach the audit log: any key that names one is replaced before it is stored. */
const SECRET_KEYS = /pass(word)?|secret|token/i;
function scrub(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(scrub);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, SECRET_KEYS.test(k) ? '(hidden)' : scrub(v)]),
    );
  return value;
}

/** Append one entry; call it in the same transaction as the change it records. */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db.query(
    `insert into audit_log (tenant_id, actor_id, action, target, before, after, at)
     values ($1, $2, $3, $4, $5, $6, $7)`,
    [
      entry.tenantId,
      entry.actorId,
      entry.action,
      entry.target,
      entry.before === undefined ? null : JSON.stringify(scrub(entry.before)),
      entry.after === undefined ? null : JSON.stringify(scrub(entry.after)),
      entry.at,
    ],
  );
}

/** Newest first; `beforeId` is the cursor (the last id of the previous page). */
export async function listAudit(
  db: Db,
  tenantId: string,
  page: { beforeId: number | null; limit: number },
): Promise<AuditRow[]> {
  const rows = await db.query<Record<string, unknown>>(
    `select * from audit_log where tenant_id = $1 and ($2::bigint is null or id < $2) order by id desc limit $3`,
    [tenantId, page.beforeId, page.limit],
  );
  const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : (v ?? null));
  return rows.map((r) => ({
    id: Number(r.id),
    tenantId: String(r.tenant_id),
    actorId: (r.actor_id as string | null) ?? null,
    action: String(r.action),
    target: (r.target as string | null) ?? null,
    before: json(r.before),
    after: json(r.after),
    at: r.at instanceof Date ? r.at : new Date(String(r.at)),
  }));
}
