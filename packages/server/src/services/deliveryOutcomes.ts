import type { SendRow } from '../store/rows';
import { checkBreaker } from '../workers/breaker';
import { leaveCampaign, leaveTeamCampaigns } from './campaignExits';
import type { OutcomeDeps } from './outcomeDeps';
import { applyBounceRules, suppressAddress } from './suppressions';

/**
 * What follows from what the scanner (or an SMTP server, or a person) told us, in one place:
 * suppression, campaign exits and the circuit breaker. Callers record the bounce / reply /
 * complaint / unsubscribe first (once: they call this only for a newly recorded one).
 */

export interface BounceOutcome {
  send: SendRow | null;
  tenantId: string;
  /** The mailbox owner's user id (feed events go to them). */
  userId: string;
  recipient: string;
  action: string | null;
  hard: boolean | null;
  status: string | null;
  reason: string | null;
  diagnostic: string | null;
}

/** A failure notice (delays change nothing): bounce rules, then the person leaves, then the breaker. */
export async function afterBounce(deps: OutcomeDeps, b: BounceOutcome): Promise<void> {
  if (b.action === 'delayed') return;
  const evidence = {
    sendId: b.send?.id ?? null,
    status: b.status,
    reason: b.reason,
    diagnostic: b.diagnostic,
  };
  const rules = await applyBounceRules(deps, {
    tenantId: b.tenantId,
    userId: b.userId,
    email: b.recipient,
    hard: b.hard,
    sendId: b.send?.id ?? null,
    status: b.status,
    reason: b.reason,
    diagnostic: b.diagnostic,
  });
  if (b.send?.campaign && b.hard === true)
    await leaveCampaign(deps, {
      sendId: b.send.id,
      recipient: b.recipient,
      reason: 'bounced',
      detail: evidence,
    });
  if (rules.suppressed)
    await leaveTeamCampaigns(deps, {
      tenantId: b.tenantId,
      email: b.recipient,
      reason: b.hard ? 'bounced' : 'suppressed',
      detail: evidence,
    });
  if (b.send?.campaign) await checkBreaker(deps, b.send.campaign.campaignId);
}

/** A person answered one of our emails (auto-replies never come here): they leave its campaign. */
export async function afterReply(
  deps: OutcomeDeps,
  r: { send: SendRow; from: string; evidence: Record<string, unknown> },
): Promise<void> {
  if (r.send.campaign)
    await leaveCampaign(deps, {
      sendId: r.send.id,
      recipient: r.from,
      reason: 'replied',
      detail: r.evidence,
    });
}

/** A spam complaint (ARF) or a one-click unsubscribe: the address is suppressed and leaves every campaign. */
export async function afterOptOut(
  deps: OutcomeDeps,
  o: {
    kind: 'complaint' | 'unsubscribe';
    send: SendRow | null;
    tenantId: string;
    userId: string;
    email: string;
    evidence: Record<string, unknown>;
  },
): Promise<void> {
  const reason = o.kind === 'complaint' ? 'complained' : 'unsubscribed';
  await suppressAddress(deps, {
    tenantId: o.tenantId,
    userId: o.userId,
    email: o.email,
    reason: o.kind,
    detail: { sendId: o.send?.id ?? null, ...o.evidence },
  });
  if (o.send?.campaign)
    await leaveCampaign(deps, { sendId: o.send.id, recipient: o.email, reason, detail: o.evidence });
  await leaveTeamCampaigns(deps, { tenantId: o.tenantId, email: o.email, reason, detail: o.evidence });
}
