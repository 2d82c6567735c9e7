import type { LeftReason } from '@sendwell/core';
import {
  lockActiveEnrolmentsOf,
  lockEnrolment,
  lockWaitingSendIds,
  updateEnrolment,
} from '../store/campaignEnrolments';
import type { EnrolmentRow } from '../store/campaigns';
import type { Db } from '../store/db';
import { insertEvent } from '../store/events';
import type { EventRow } from '../store/rows';
import { markCancelled } from '../store/sendQueue';
import { findSend } from '../store/sends';
import { CAMPAIGN_ENDED } from '../workers/sendGate';
import type { OutcomeDeps } from './outcomeDeps';

/**
 * A person leaves a campaign: status `left` with the reason and its evidence, every step email of
 * theirs still waiting in the outbox cancelled (worded `CAMPAIGN_ENDED[reason]`, e.g. "Campaign
 * ended: the email before bounced."), and a `campaign.left` event for the campaign's owner. A step
 * already claimed by the sender is stopped by the sender's last check (`workers/sendGate.ts`).
 */

interface Leaving {
  reason: LeftReason;
  detail: Record<string, unknown>;
  at: Date;
}

/** Inside a transaction holding the enrolment's lock; returns the events to publish after commit. */
export async function leaveEnrolment(tx: Db, enrolment: EnrolmentRow, leaving: Leaving): Promise<EventRow[]> {
  if (enrolment.status !== 'active') return [];
  const { reason, detail, at } = leaving;
  await updateEnrolment(
    tx,
    enrolment.id,
    { status: 'left', leftReason: reason, leftDetail: detail, nextAt: null },
    at,
  );
  const why = CAMPAIGN_ENDED[reason]!;
  const events: EventRow[] = [];
  for (const sendId of await lockWaitingSendIds(tx, enrolment.id)) {
    const send = await markCancelled(tx, sendId, why);
    events.push(
      await insertEvent(tx, {
        userId: send.userId,
        type: 'send.cancelled',
        sendId: send.id,
        templateId: send.templateId,
        recipient: null,
        detail: { reason: why, to: send.to, subject: send.subject, campaignId: enrolment.campaignId },
        at,
      }),
    );
  }
  const [campaign] = await tx.query<{ owner_id: string; name: string }>(
    'select owner_id, name from campaigns where id = $1',
    [enrolment.campaignId],
  );
  events.push(
    await insertEvent(tx, {
      userId: campaign!.owner_id,
      type: 'campaign.left',
      sendId: (detail.sendId as string | undefined) ?? null,
      templateId: null,
      recipient: enrolment.email,
      detail: {
        campaignId: enrolment.campaignId,
        campaignName: campaign!.name,
        email: enrolment.email,
        enrolmentId: enrolment.id,
        reason,
        evidence: detail,
      },
      at,
    }),
  );
  return events;
}

/**
 * The person this send went to leaves its campaign (if it was a campaign step and they are still
 * active). Idempotent: a second notice for the same send changes nothing. True when they left now.
 */
export async function leaveCampaign(
  deps: OutcomeDeps,
  input: { sendId: string; recipient: string; reason: LeftReason; detail: Record<string, unknown> },
): Promise<boolean> {
  const send = await findSend(deps.db, input.sendId);
  if (!send?.campaign) return false;
  const enrolmentId = send.campaign.enrolmentId;
  const events = await deps.db.transaction(async (tx) => {
    const enrolment = await lockEnrolment(tx, enrolmentId);
    if (!enrolment) return [];
    return leaveEnrolment(tx, enrolment, {
      reason: input.reason,
      detail: { sendId: send.id, stepId: send.campaign!.stepId, ...input.detail },
      at: deps.clock.now(),
    });
  });
  for (const event of events) deps.hub.publish(event);
  if (events.length)
    deps.logger.info('campaign exit', { enrolmentId, reason: input.reason, sendId: send.id });
  return events.length > 0;
}

/**
 * The address is now suppressed for the team: every active enrolment of it in the tenant leaves
 * with `reason` (its waiting steps cancelled). Returns how many left.
 */
export async function leaveTeamCampaigns(
  deps: OutcomeDeps,
  input: { tenantId: string; email: string; reason: LeftReason; detail: Record<string, unknown> },
): Promise<number> {
  const { left, events } = await deps.db.transaction(async (tx) => {
    const at = deps.clock.now();
    const all: EventRow[] = [];
    let count = 0;
    for (const enrolment of await lockActiveEnrolmentsOf(tx, input.tenantId, input.email)) {
      const events = await leaveEnrolment(tx, enrolment, { reason: input.reason, detail: input.detail, at });
      if (events.length) count++;
      all.push(...events);
    }
    return { left: count, events: all };
  });
  for (const event of events) deps.hub.publish(event);
  return left;
}
