import type { OutcomeDeps } from '../services/outcomeDeps';

export interface CampaignWorkerDeps extends OutcomeDeps {
  /** Wakes the sender when a step's email is due now. */
  wake(): void;
}

/**
 * One round of every active campaign: queue the steps that are due (through `createSend`), move
 * people on when their last step's email was submitted, finish them after the last step.
 * STUB: owned by the campaigns helper (issue 9 design, H2). Returns how many enrolments moved.
 */
export async function advanceCampaignsOnce(_deps: CampaignWorkerDeps): Promise<number> {
  return 0;
}
