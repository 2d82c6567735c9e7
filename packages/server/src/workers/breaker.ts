import type { OutcomeDeps } from '../services/outcomeDeps';

/**
 * The campaign circuit breaker: after a bounce on a campaign send, look at the campaign's last K
 * submitted sends; when bounced / K reaches the team's rate, pause the campaign (`pause.by =
 * 'circuit-breaker'`), with a `campaign.paused` feed event; only an admin resumes it.
 * STUB: owned by the suppression helper (issue 9 design, H3).
 */
export async function checkBreaker(_deps: OutcomeDeps, _campaignId: string): Promise<boolean> {
  return false;
}
