import type { SuppressionReason } from '@sendwell/core';
import type { OutcomeDeps } from './outcomeDeps';

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
 * STUB: owned by the suppression helper (issue 9 design, H3).
 */
export async function suppressAddress(
  _deps: OutcomeDeps,
  _input: SuppressInput & { userId: string },
): Promise<boolean> {
  return false;
}

/**
 * The team's bounce rules for one failure notice: a hard bounce suppresses the address; the Nth
 * soft bounce within D days suppresses it for `softSuppressDays`. Returns whether it is now suppressed.
 * STUB (H3).
 */
export async function applyBounceRules(
  _deps: OutcomeDeps,
  _input: {
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
  return { suppressed: false, reason: null };
}
