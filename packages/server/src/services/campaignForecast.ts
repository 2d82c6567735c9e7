import { type CampaignForecast, createPlanner, DAY_MS } from '@sendwell/core';
import { profileForLane } from '../channels/profiles';
import type { CampaignRow, EnrolmentRow } from '../store/campaigns';
import { toEnrolment } from '../store/campaigns';
import type { Db } from '../store/db';
import { listReservations } from '../store/sends';
import { findMailboxBatch } from '../store/teamSettings';
import { findMailbox, findUser } from '../store/users';
import { dueAt } from './campaignSteps';
import { channelFor } from './identity';
import { recipientCounts } from './sends';

/**
 * `GET /campaigns/{id}/forecast`: for each step, how many emails are still to go and when. Due
 * times come from each step's delay and window (later steps counted from the step before's due
 * time); then the owner's throttle plans them in due order on top of the lane's reservations, as
 * the outbox will. Emails already in the outbox keep the time the throttle gave them.
 */

/** Beyond this many emails the forecast gives due times only (planning is per email). */
const PLAN_LIMIT = 20_000;

interface Pending {
  index: number;
  at: Date;
  email: string;
  queued: boolean;
}

async function pendingOf(db: Db, campaign: CampaignRow): Promise<Pending[]> {
  const rows = await db.query(
    `select e.*, s.send_at as waiting_at from enrolments e
     left join sends s on s.id = e.last_send_id and s.status in ('scheduled', 'sending', 'retry')
     where e.campaign_id = $1 and e.status = 'active'`,
    [campaign.id],
  );
  const out: Pending[] = [];
  for (const r of rows) {
    const e: EnrolmentRow = toEnrolment(r);
    const waiting = r.waiting_at == null ? null : new Date(r.waiting_at as string | Date);
    let at = e.nextAt ?? waiting;
    if (!at) continue; // its step email settled a moment ago: the next round places it
    out.push({ index: e.nextStep, at, email: e.email, queued: e.nextAt === null });
    for (let index = e.nextStep + 1; index < campaign.steps.length; index++) {
      at = dueAt(campaign, campaign.steps[index]!, e, at);
      out.push({ index, at, email: e.email, queued: false });
    }
  }
  return out.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** Plans the not-yet-queued emails with the lane's throttle; null when the owner has no lane now. */
async function planWithThrottle(db: Db, campaign: CampaignRow, pending: Pending[], now: Date) {
  const owner = await findUser(db, campaign.ownerId);
  if (!owner) return null;
  let decision: Awaited<ReturnType<typeof channelFor>>;
  try {
    decision = await channelFor(db, owner, 'web');
  } catch {
    return null;
  }
  const mailbox = await findMailbox(db, decision.channel.id);
  if (!mailbox) return null;
  const profile = profileForLane(mailbox);
  const history = await listReservations(db, mailbox.id, new Date(now.getTime() - DAY_MS));
  const planner = createPlanner(profile, history, await findMailboxBatch(db, mailbox.id, profile.id));
  for (const p of pending) {
    if (p.queued) continue;
    const result = planner.reserve(
      recipientCounts(decision.channel.address, [p.email]),
      p.at < now ? now : p.at,
      mailbox.pausedUntil,
    );
    if (result.outcome === 'slot') p.at = result.sendAt;
  }
  return { address: decision.channel.address, profile: profile.name };
}

export async function campaignForecast(db: Db, campaign: CampaignRow, now: Date): Promise<CampaignForecast> {
  const pending = await pendingOf(db, campaign);
  const lane = pending.length <= PLAN_LIMIT ? await planWithThrottle(db, campaign, pending, now) : null;
  const steps = campaign.steps.map((step, index) => {
    const times = pending.filter((p) => p.index === index).map((p) => p.at.getTime());
    return {
      stepId: step.id,
      index,
      pending: times.length,
      firstAt: times.length ? new Date(Math.min(...times)).toISOString() : null,
      lastAt: times.length ? new Date(Math.max(...times)).toISOString() : null,
    };
  });
  const explanation =
    pending.length === 0
      ? 'Nothing left to send: nobody in this campaign is waiting for a step.'
      : lane
        ? `${pending.length} emails to go. Each step is due after its delay, inside its window; then ${lane.address} paces them within the limits of ${lane.profile}.`
        : `${pending.length} emails to go, at their due times (each step's delay and window); the throttle places them when they are queued.`;
  return { steps, explanation };
}
