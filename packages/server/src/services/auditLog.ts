import type { AuditEntryInfo } from '@sendwell/core';
import { listAudit } from '../store/audit';
import type { Db } from '../store/db';

/** One page of the team's audit log: newest first (before `beforeId`), with each actor's name and email. */
export async function listAuditPage(
  db: Db,
  tenantId: string,
  page: { beforeId: number | null; limit: number },
): Promise<{ items: AuditEntryInfo[]; lastId: number | null }> {
  const rows = await listAudit(db, tenantId, { beforeId: page.beforeId, limit: page.limit + 1 });
  const entries = rows.slice(0, page.limit);
  const actorIds = [...new Set(entries.flatMap((e) => (e.actorId ? [e.actorId] : [])))];
  const actors = new Map(
    (
      await db.query<{ id: string; name: string; email: string }>(
        'select id, name, email from users where id = any($1::text[]) and tenant_id = $2',
        [actorIds, tenantId],
      )
    ).map((a) => [a.id, a]),
  );
  return {
    items: entries.map((e) => {
      const actor = e.actorId ? actors.get(e.actorId) : undefined;
      return {
        id: String(e.id),
        at: e.at.toISOString(),
        action: e.action,
        actor: actor ? { id: actor.id, name: actor.name, email: actor.email } : null,
        target: e.target,
        before: e.before,
        after: e.after,
      };
    }),
    // The id of the page's last entry when there are more after it.
    lastId: rows.length > page.limit ? entries.at(-1)!.id : null,
  };
}
