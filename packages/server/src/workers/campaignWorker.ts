import { leaveEnrolment } from '../services/campaignExits';
import { dueAt, queueStep } from '../services/campaignSteps';
import { ApiError } from '../services/errors';
import type { OutcomeDeps } from '../services/outcomeDeps';
import { claimDueEnrolment, claimSettledEnrolment, updateEnrolment } from '../store/campaignEnrolments';
import { type CampaignRow, type EnrolmentRow, findCampaign, updateCampaign } from '../store/campaigns';
import type { Db } from '../store/db';
import { insertEvent } from '../store/events';
import type { EventRow, SendRow } from '../store/rows';
import { findSend } from '../store/sends';
import { findUser } from '../store/users';

export interface CampaignWorkerDeps extends OutcomeDeps {
  /** Wakes the sender when a step's email is due now. */
  wake(): void;
}

/**
 * Refusals about the owner's mailbox or channel, not the person (every 409 of `createSend`: no
 * channel, disconnected, disabled; or the owner gone): the campaign pauses and everyone keeps their
 * place, instead of taking out everybody who fell due while the mailbox could not send.
 */
const aboutTheMailbox = (error: ApiError) => error.status === 409 || error.code === 'owner-gone';

/** At most this many people move per phase and round, so one round stays short; the rest wait a round. */
const ROUND_LIMIT = 200;

/**
 * One round of every campaign. First, people whose step email is done with the outbox move on:
 * submitted → the next step's due time (counted from when it went), or `finished` after the last;
 * failed or cancelled → they leave (`removed`, with the reason), never a retry loop. Then every
 * person due now in an active campaign gets their step queued through `createSend`. Each person
 * is handled in their own transaction, locked with `skip locked` so workers never share one.
 * Returns how many enrolments moved.
 */
export async function advanceCampaignsOnce(deps: CampaignWorkerDeps): Promise<number> {
  let moved = 0;
  for (const phase of [moveOnOne, queueDueOne]) {
    for (let i = 0; i < ROUND_LIMIT; i++) {
      let events: EventRow[] | null;
      try {
        events = await deps.db.transaction((tx) => phase(deps, tx));
      } catch (error) {
        // A database failure: this person stays as they were and is tried again next round.
        deps.logger.error('campaign round failed', { error: (error as Error).message });
        break;
      }
      if (events === null) break;
      moved++;
      for (const event of events) deps.hub.publish(event);
    }
  }
  return moved;
}

async function finish(tx: Db, campaign: CampaignRow, e: EnrolmentRow, at: Date): Promise<EventRow[]> {
  await updateEnrolment(tx, e.id, { status: 'finished', nextAt: null, nextStep: campaign.steps.length }, at);
  const event = await insertEvent(tx, {
    userId: campaign.ownerId,
    type: 'campaign.finished',
    sendId: e.lastSendId,
    templateId: null,
    recipient: e.email,
    detail: { campaignId: campaign.id, campaignName: campaign.name, email: e.email, enrolmentId: e.id },
    at,
  });
  return [event];
}

/** The step after the one `send` carried: found by step id (edits may move steps), else by position. */
function stepAfter(campaign: CampaignRow, e: EnrolmentRow, send: SendRow): number {
  const index = campaign.steps.findIndex((s) => s.id === send.campaign?.stepId);
  return index >= 0 ? index + 1 : e.nextStep + 1;
}

/** One person whose last step email settled; null when nobody waits. */
async function moveOnOne(deps: CampaignWorkerDeps, tx: Db): Promise<EventRow[] | null> {
  const e = await claimSettledEnrolment(tx);
  if (!e) return null;
  const now = deps.clock.now();
  const send = (await findSend(tx, e.lastSendId!))!;
  const campaign = (await findCampaign(tx, e.tenantId, e.campaignId))!;
  if (send.status !== 'submitted')
    return leaveEnrolment(tx, e, {
      reason: 'removed',
      detail: {
        sendId: send.id,
        stepId: send.campaign?.stepId ?? null,
        status: send.status,
        why: send.lastError,
      },
      at: now,
    });
  const next = stepAfter(campaign, e, send);
  const step = campaign.steps[next];
  if (!step) return finish(tx, campaign, e, now);
  const nextAt = dueAt(campaign, step, e, send.submittedAt ?? now);
  await updateEnrolment(tx, e.id, { nextStep: next, nextAt }, now);
  return [];
}

/** One person due now: their step email queued, or they leave with the reason it was refused. */
async function queueDueOne(deps: CampaignWorkerDeps, tx: Db): Promise<EventRow[] | null> {
  const now = deps.clock.now();
  const e = await claimDueEnrolment(tx, now);
  if (!e) return null;
  const campaign = (await findCampaign(tx, e.tenantId, e.campaignId))!;
  if (!campaign.steps[e.nextStep]) return finish(tx, campaign, e, now);
  const owner = await findUser(tx, campaign.ownerId);
  try {
    if (!owner) throw new ApiError(404, 'owner-gone', "The campaign's owner is no longer a Sendwell user.");
    const outcome = await queueStep(
      { db: tx, clock: deps.clock, hub: deps.hub, wake: deps.wake },
      { campaign, owner, enrolment: e, stepIndex: e.nextStep, due: e.nextAt ?? now },
    );
    await updateEnrolment(tx, e.id, { lastSendId: outcome.sends[0]!.send.id, nextAt: null }, now);
    return [];
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (aboutTheMailbox(error)) return pauseForMailbox(tx, campaign, error.message, now);
    const detail = { stepId: campaign.steps[e.nextStep]!.id, code: error.code, message: error.message };
    return leaveEnrolment(tx, e, {
      reason: error.code === 'suppressed' ? 'suppressed' : 'removed',
      detail,
      at: now,
    });
  }
}

/** The owner's mailbox cannot take step emails: pause the campaign with why; the owner reconnects, then resumes. */
async function pauseForMailbox(tx: Db, campaign: CampaignRow, why: string, at: Date): Promise<EventRow[]> {
  const pause = { by: 'mailbox' as const, at: at.toISOString(), message: why };
  await updateCampaign(tx, campaign.id, { status: 'paused', pause }, at);
  const event = await insertEvent(tx, {
    userId: campaign.ownerId,
    type: 'campaign.paused',
    sendId: null,
    templateId: null,
    recipient: null,
    detail: {
      campaignId: campaign.id,
      campaignName: campaign.name,
      name: campaign.name,
      by: 'mailbox',
      reason: why,
    },
    at,
  });
  return [event];
}
