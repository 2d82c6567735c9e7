import type { AddSuppression, Suppression } from '@sendwell/core';
import { recordAudit } from '../store/audit';
import type { UserRow } from '../store/rows';
import {
  findSuppression,
  listSuppressionRows,
  markLifted,
  type SuppressionListQuery,
  type SuppressionRow,
} from '../store/suppressions';
import { ApiError } from './errors';
import type { OutcomeDeps } from './outcomeDeps';
import { suppressionMessage } from './suppressionCheck';
import { auditView, recordSuppression, suppressionEvent } from './suppressions';

/** The wire shape of a suppression, with why in words. */
function toSuppressionView(s: SuppressionRow, now: Date): Suppression {
  return {
    id: s.id,
    email: s.email,
    reason: s.reason,
    message: suppressionMessage(s, now),
    detail: s.detail,
    since: s.since.toISOString(),
    until: s.until?.toISOString() ?? null,
    liftedAt: s.liftedAt?.toISOString() ?? null,
  };
}

/** One page of the reader's team's suppressions, newest first; `lastId` when there are more. */
export async function listSuppressions(
  deps: Pick<OutcomeDeps, 'db' | 'clock'>,
  user: UserRow,
  query: Omit<SuppressionListQuery, 'now'>,
): Promise<{ items: Suppression[]; lastId: number | null }> {
  const now = deps.clock.now();
  const rows = await listSuppressionRows(deps.db, user.tenantId, { ...query, now, limit: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  return {
    items: page.map((r) => toSuppressionView(r, now)),
    lastId: rows.length > query.limit ? Number(page.at(-1)!.id) : null,
  };
}

/**
 * Any member may stop mail to an address for the whole team (audited). `created` is false when
 * the address was already suppressed at least as long: that suppression is answered unchanged.
 */
export async function addManualSuppression(
  deps: OutcomeDeps,
  user: UserRow,
  body: AddSuppression,
): Promise<{ created: boolean; suppression: Suppression }> {
  const outcome = await recordSuppression(deps, {
    tenantId: user.tenantId,
    userId: user.id,
    actorId: user.id,
    email: body.email,
    reason: 'manual',
    detail: body.note ? { note: body.note } : {},
  });
  return {
    created: outcome.kind === 'added',
    suppression: toSuppressionView(outcome.row, deps.clock.now()),
  };
}

/** A team admin lifts a suppression (audited, with a feed event); sends to the address go out again. */
export async function liftSuppression(deps: OutcomeDeps, admin: UserRow, id: string): Promise<Suppression> {
  const now = deps.clock.now();
  const { row, event } = await deps.db.transaction(async (tx) => {
    const current = await findSuppression(tx, admin.tenantId, id);
    if (!current)
      throw new ApiError(404, 'suppression-not-found', 'No suppression with this id in your team.');
    const lifted = await markLifted(tx, admin.tenantId, id, admin.id, now);
    if (!lifted)
      throw new ApiError(
        409,
        'suppression-already-lifted',
        `This suppression of ${current.email} was already lifted on ${current.liftedAt?.toISOString().slice(0, 10)}.`,
      );
    await recordAudit(tx, {
      tenantId: admin.tenantId,
      actorId: admin.id,
      action: 'suppression.lifted',
      target: id,
      before: auditView(current),
      after: { ...auditView(lifted), liftedAt: now.toISOString() },
      at: now,
    });
    return { row: lifted, event: await suppressionEvent(tx, 'suppression.lifted', admin.id, lifted, now) };
  });
  deps.hub.publish(event);
  return toSuppressionView(row, now);
}
