import { type BounceRules, bounceRulesSchema, DEFAULT_BOUNCE_RULES } from '@sendwell/core';
import type { Db } from './db';

/**
 * A team's bounce rules (`bounce_rules`, one row per tenant): soft-bounce suppression, the campaign
 * circuit breaker and the engagement-tracking switches. A team without a row has the defaults.
 */
export async function findBounceRules(db: Db, tenantId: string): Promise<BounceRules> {
  const [row] = await db.query<{ rules: unknown }>('select rules from bounce_rules where tenant_id = $1', [
    tenantId,
  ]);
  if (!row) return { ...DEFAULT_BOUNCE_RULES };
  const stored = typeof row.rules === 'string' ? JSON.parse(row.rules) : row.rules;
  // A rule added after the row was written takes its default; a stored value that no longer
  // validates (a tightened bound) falls back to the defaults rather than to a rule we cannot trust.
  const parsed = bounceRulesSchema.safeParse({ ...DEFAULT_BOUNCE_RULES, ...(stored as object) });
  return parsed.success ? parsed.data : { ...DEFAULT_BOUNCE_RULES };
}

/** Stores the team's whole rule set (callers merge and validate first). */
export async function saveBounceRules(
  db: Db,
  tenantId: string,
  rules: BounceRules,
  updatedBy: string,
  at: Date,
): Promise<void> {
  await db.query(
    `insert into bounce_rules (tenant_id, rules, updated_by, updated_at) values ($1, $2, $3, $4)
     on conflict (tenant_id) do update set rules = excluded.rules, updated_by = excluded.updated_by,
       updated_at = excluded.updated_at`,
    [tenantId, JSON.stringify(rules), updatedBy, at],
  );
}
