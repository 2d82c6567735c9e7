import type { SuppressionReason } from '@sendwell/core';
import { recordAudit } from '../store/audit';
import { findBounceRules } from '../store/bounceRules';
import type { Db } from '../store/db';
import { insertEvent } from '../store/events';
import type { EventRow } from '../store/rows';
import {
  countSoftBounces,
  type SuppressionRow,
  type UpsertOutcome,
  upsertSuppression,
} from '../store/suppressions';
import type { OutcomeDeps } from './outcomeDeps';

const DAY_MS = 86_400_000;

export interface SuppressInput {
  tenantId: string;
  email: string;
  reason: SuppressionReason;
  detail: Record<string, unknown>;
  /** Soft-bounce suppressions end; null = until an admin lifts it. */
  until?: Date | null;
  /** Who did it (manual suppression); null for the rules. */
  actorId?: string | null;
}

/**
 * Suppress an address for the team (upsert on the live row), with a `suppression.added` feed event
 * for `userId` and an audit entry when an actor did it. True when it was not suppressed before.
 */
export async function suppressAddress(
  deps: OutcomeDeps,
  input: SuppressInput & { userId: string },
): Promise<boolean> {
  const outcome = await recordSuppression(deps, input);
  return outcome.kind === 'added';
}

/**
 * `suppressAddress` with the whole outcome (the routes answer the row). The change, its audit entry
 * and its feed event are one transaction; the live feed hears of it after the commit.
 */
export async function recordSuppression(
  deps: OutcomeDeps,
  input: SuppressInput & { userId: string },
): Promise<UpsertOutcome> {
  const now = deps.clock.now();
  const { outcome, event } = await deps.db.transaction(async (tx) => {
    const outcome = await upsertSuppression(
      tx,
      {
        tenantId: input.tenantId,
        email: input.email,
        reason: input.reason,
        detail: input.detail,
        until: input.until ?? null,
        createdBy: input.actorId ?? null,
      },
      now,
    );
    if (outcome.kind === 'unchanged') return { outcome, event: null };
    if (input.actorId)
      await recordAudit(tx, {
        tenantId: input.tenantId,
        actorId: input.actorId,
        action: 'suppression.added',
        target: outcome.row.id,
        before: outcome.kind === 'strengthened' ? auditView(outcome.before) : null,
        after: auditView(outcome.row),
        at: now,
      });
    const event = await suppressionEvent(tx, 'suppression.added', input.userId, outcome.row, now);
    return { outcome, event };
  });
  if (event) deps.hub.publish(event);
  return outcome;
}

/** What the audit log keeps of a suppression (the address, why, how long). */
export const auditView = (s: SuppressionRow) => ({
  email: s.email,
  reason: s.reason,
  until: s.until?.toISOString() ?? null,
});

/** A `suppression.added|lifted` feed event for `userId`: the address, why and until when. */
export function suppressionEvent(
  db: Db,
  type: 'suppression.added' | 'suppression.lifted',
  userId: string,
  s: SuppressionRow,
  at: Date,
): Promise<EventRow> {
  return insertEvent(db, {
    userId,
    type,
    sendId: typeof s.detail.sendId === 'string' ? s.detail.sendId : null,
    templateId: null,
    recipient: s.email,
    detail: { suppressionId: s.id, email: s.email, reason: s.reason, until: s.until?.toISOString() ?? null },
    at,
  });
}

/**
 * The team's bounce rules for one failure notice: a hard bounce suppresses the address; the Nth
 * soft bounce within D days suppresses it for `softSuppressDays`. Returns whether it is now suppressed.
 * A notice the engine could not classify (`hard` null) changes nothing: we do not suppress on a guess.
 */
export async function applyBounceRules(
  deps: OutcomeDeps,
  input: {
    tenantId: string;
    userId: string;
    email: string;
    hard: boolean | null;
    sendId: string | null;
    status: string | null;
    reason: string | null;
    diagnostic: string | null;
  },
): Promise<{ suppressed: boolean; reason: SuppressionReason | null }> {
  const evidence = {
    sendId: input.sendId,
    status: input.status,
    reason: input.reason,
    diagnostic: input.diagnostic,
  };
  const base = { tenantId: input.tenantId, userId: input.userId, email: input.email };
  if (input.hard === true) {
    const outcome = await recordSuppression(deps, { ...base, reason: 'hard-bounce', detail: evidence });
    return { suppressed: true, reason: outcome.row.reason };
  }
  if (input.hard !== false) return { suppressed: false, reason: null };
  const rules = await findBounceRules(deps.db, input.tenantId);
  const now = deps.clock.now();
  const since = new Date(now.getTime() - rules.softBounceDays * DAY_MS);
  const softBounces = await countSoftBounces(deps.db, input.tenantId, input.email, since);
  if (softBounces < rules.softBounceLimit) return { suppressed: false, reason: null };
  const outcome = await recordSuppression(deps, {
    ...base,
    reason: 'soft-bounces',
    detail: { ...evidence, softBounces, withinDays: rules.softBounceDays },
    until: new Date(now.getTime() + rules.softSuppressDays * DAY_MS),
  });
  return { suppressed: true, reason: outcome.row.reason };
}
