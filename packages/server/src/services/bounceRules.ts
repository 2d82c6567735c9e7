import { type BounceRules, type BounceRulesUpdate, bounceRulesSchema } from '@sendwell/core';
import { recordAudit } from '../store/audit';
import { findBounceRules, saveBounceRules } from '../store/bounceRules';
import type { Db } from '../store/db';
import type { UserRow } from '../store/rows';
import { ApiError, describeIssues } from './errors';

/** The team's rules; every member may read them (they explain why an address is suppressed). */
export function getBounceRules(db: Db, user: UserRow): Promise<BounceRules> {
  return findBounceRules(db, user.tenantId);
}

/** An admin changes some of the rules; the rest keep their value. Audited with before → after. */
export async function updateBounceRules(
  db: Db,
  now: Date,
  admin: UserRow,
  change: BounceRulesUpdate,
): Promise<BounceRules> {
  return db.transaction(async (tx) => {
    const before = await findBounceRules(tx, admin.tenantId);
    const parsed = bounceRulesSchema.safeParse({ ...before, ...change });
    if (!parsed.success) {
      const { message, details } = describeIssues(parsed.error);
      throw new ApiError(400, 'invalid-request', message, details);
    }
    await saveBounceRules(tx, admin.tenantId, parsed.data, admin.id, now);
    await recordAudit(tx, {
      tenantId: admin.tenantId,
      actorId: admin.id,
      action: 'settings.bounce-rules.changed',
      target: null,
      before,
      after: parsed.data,
      at: now,
    });
    return parsed.data;
  });
}
