import type { LeftReason } from '@sendwell/core';
import type { OutcomeDeps } from './outcomeDeps';

/**
 * The person this send went to leaves its campaign (if it was a campaign step and they are still
 * active): status `left` with the reason and evidence, every waiting step cancelled with
 * `CAMPAIGN_ENDED[reason]` (workers/sendGate.ts), a `campaign.left` feed event. Idempotent.
 * STUB: owned by the campaigns helper (issue 9 design, H2).
 */
export async function leaveCampaign(
  _deps: OutcomeDeps,
  _input: { sendId: string; recipient: string; reason: LeftReason; detail: Record<string, unknown> },
): Promise<boolean> {
  return false;
}

/**
 * The address is now suppressed for the team: every active enrolment of it in the tenant leaves
 * with `reason` (its waiting steps cancelled). Returns how many left. STUB (H2).
 */
export async function leaveTeamCampaigns(
  _deps: OutcomeDeps,
  _input: { tenantId: string; email: string; reason: LeftReason; detail: Record<string, unknown> },
): Promise<number> {
  return 0;
}
