import type { Unattributed } from '@sendwell/core';
import type { Db } from './db';

/** Whose mailboxes: one user's, or every member's of one tenant (never another tenant's). */
export type UnattributedScope = { userId: string } | { tenantId: string };

function owners(scope: UnattributedScope): { clause: string; value: string } {
  return 'userId' in scope
    ? { clause: 'm.user_id = $1', value: scope.userId }
    : { clause: 'm.user_id in (select id from users where tenant_id = $1)', value: scope.tenantId };
}

/** A delay is not a bounce: only failures we could not tie to a send are listed and counted. */
const UNATTRIBUTED_BOUNCE = `b.send_id is null and coalesce(b.action, '') <> 'delayed'`;

export interface UnattributedPageRows {
  items: Unattributed[];
  /** The id of the last row (the next page's cursor), null on the last page. */
  lastId: number | null;
}

/** Bounces or replies we could not attribute, newest first, with their evidence. */
export async function listUnattributed(
  db: Db,
  scope: UnattributedScope,
  kind: 'bounce' | 'reply',
  page: { beforeId: number | null; limit: number },
): Promise<UnattributedPageRows> {
  const { clause, value } = owners(scope);
  const rows =
    kind === 'bounce'
      ? await db.query(
          `select b.id, m.address, null as from_addr, b.recipient, b.at,
                  jsonb_build_object('action', b.action, 'status', b.status, 'hard', b.hard, 'reason', b.reason,
                    'diagnostic', b.diagnostic, 'noticeId', b.provider_message_id) as evidence
             from bounces b join mailboxes m on m.id = b.mailbox_id
            where ${clause} and ${UNATTRIBUTED_BOUNCE} and ($2::bigint is null or b.id < $2)
            order by b.id desc limit $3`,
          [value, page.beforeId, page.limit + 1],
        )
      : await db.query(
          `select r.id, m.address, r.from_addr, null as recipient, r.at,
                  r.evidence || jsonb_build_object('auto', r.auto, 'messageId', r.provider_message_id) as evidence
             from replies r join mailboxes m on m.id = r.mailbox_id
            where ${clause} and r.send_id is null and ($2::bigint is null or r.id < $2)
            order by r.id desc limit $3`,
          [value, page.beforeId, page.limit + 1],
        );
  const items = rows.slice(0, page.limit).map((r) => ({
    id: `${kind}-${r.id}`,
    kind,
    mailboxAddress: String(r.address),
    from: (r.from_addr as string | null) ?? null,
    recipient: (r.recipient as string | null) ?? null,
    at: new Date(r.at as string | Date).toISOString(),
    evidence: (typeof r.evidence === 'string' ? JSON.parse(r.evidence) : r.evidence) as Record<
      string,
      unknown
    >,
  }));
  const more = rows.length > page.limit;
  return { items, lastId: more ? Number(rows[page.limit - 1]!.id) : null };
}

/** How many of each are waiting, for the page's header. */
export async function countUnattributed(
  db: Db,
  scope: UnattributedScope,
): Promise<{ bounces: number; replies: number }> {
  const { clause, value } = owners(scope);
  const [row] = await db.query<{ bounces: string; replies: string }>(
    `select (select count(*) from bounces b join mailboxes m on m.id = b.mailbox_id
              where ${clause} and ${UNATTRIBUTED_BOUNCE}) as bounces,
            (select count(*) from replies r join mailboxes m on m.id = r.mailbox_id
              where ${clause} and r.send_id is null) as replies`,
    [value],
  );
  return { bounces: Number(row?.bounces ?? 0), replies: Number(row?.replies ?? 0) };
}
