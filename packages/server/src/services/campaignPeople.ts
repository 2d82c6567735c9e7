import { type Enrolment, emailAddressSchema, type PersonStatus } from '@sendwell/core';
import { recordAudit } from '../store/audit';
import {
  type EnrolmentView,
  findEnrolmentView,
  listEnrolmentPage,
  listPersonEnrolments,
  lockEnrolment,
} from '../store/campaignEnrolments';
import { type CampaignRow, type EnrolmentStatus, findCampaign } from '../store/campaigns';
import type { Db } from '../store/db';
import type { EventRow, UserRow } from '../store/rows';
import { findLiveSuppressions } from '../store/suppressions';
import { leaveEnrolment } from './campaignExits';
import { allowChange, type CampaignDeps, campaignFor } from './campaigns';
import { decodeKeyCursor, encodeKeyCursor, enrolmentView } from './campaignViews';
import { ApiError, parseOrRefuse } from './errors';
import { suppressionSentence } from './suppressionCheck';

/** People in campaigns: a campaign's list, one person's status across the team, removing someone. */

export async function listEnrolments(
  db: Db,
  user: UserRow,
  campaignId: string,
  query: { status?: EnrolmentStatus; cursor?: string; limit: number },
): Promise<{ items: Enrolment[]; nextCursor: string | null }> {
  const campaign = await campaignFor(db, user, campaignId);
  const after = decodeKeyCursor(query.cursor);
  const rows = await listEnrolmentPage(db, {
    campaignId: campaign.id,
    status: query.status ?? null,
    after: after && { enrolledKey: after.key, id: after.id },
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(enrolmentView),
    nextCursor: rows.length > query.limit && last ? encodeKeyCursor(last.enrolledKey, last.id) : null,
  };
}

const addressOf = (email: string) => parseOrRefuse(emailAddressSchema, email, 'Not found');

/** `GET /people/{email}`: the person's enrolments in the reader's team and any live suppression. */
export async function personStatus(db: Db, user: UserRow, email: string, now: Date): Promise<PersonStatus> {
  const address = addressOf(email);
  const enrolments = await listPersonEnrolments(db, user.tenantId, address);
  const [live] = await findLiveSuppressions(db, user.tenantId, [address], now);
  return {
    email: address,
    enrolments: enrolments.map(enrolmentView),
    suppression: live
      ? {
          reason: live.reason,
          message: suppressionSentence(live),
          until: live.until?.toISOString() ?? null,
          since: live.since.toISOString(),
        }
      : null,
  };
}

/**
 * Removed by a person (owner or team admin): left `removed`, waiting steps cancelled. An admin
 * removing someone from a teammate's campaign is audited (`campaign.removed-person`).
 */
async function removeOne(
  tx: Db,
  user: UserRow,
  campaign: CampaignRow,
  enrolmentId: string,
  at: Date,
): Promise<EventRow[]> {
  const enrolment = await lockEnrolment(tx, enrolmentId);
  if (!enrolment || enrolment.campaignId !== campaign.id) return [];
  const events = await leaveEnrolment(tx, enrolment, {
    reason: 'removed',
    detail: { byId: user.id, byName: user.name },
    at,
  });
  if (events.length && user.id !== campaign.ownerId)
    await recordAudit(tx, {
      tenantId: user.tenantId,
      actorId: user.id,
      action: 'campaign.removed-person',
      target: campaign.id,
      before: { email: enrolment.email, status: enrolment.status },
      after: { email: enrolment.email, status: 'left', leftReason: 'removed' },
      at,
    });
  return events;
}

export async function removeEnrolment(
  deps: CampaignDeps,
  user: UserRow,
  campaignId: string,
  enrolmentId: string,
): Promise<Enrolment> {
  const campaign = await campaignFor(deps.db, user, campaignId);
  allowChange(user, campaign);
  const found = await findEnrolmentView(deps.db, enrolmentId);
  if (!found || found.campaignId !== campaign.id)
    throw new ApiError(404, 'enrolment-not-found', `No enrolment ${enrolmentId} in this campaign.`);
  const events = await deps.db.transaction((tx) =>
    removeOne(tx, user, campaign, enrolmentId, deps.clock.now()),
  );
  for (const event of events) deps.hub.publish(event);
  return enrolmentView((await findEnrolmentView(deps.db, enrolmentId)) as EnrolmentView);
}

/**
 * `POST /people/{email}/remove`: out of one campaign, or out of every campaign of the team the
 * reader may change (their own; every one for a team admin). Answers the person's status.
 */
export async function removePerson(
  deps: CampaignDeps,
  user: UserRow,
  email: string,
  campaignId?: string,
): Promise<PersonStatus> {
  const address = addressOf(email);
  if (campaignId) allowChange(user, await campaignFor(deps.db, user, campaignId));
  const active = (await listPersonEnrolments(deps.db, user.tenantId, address)).filter(
    (e) => e.status === 'active' && (!campaignId || e.campaignId === campaignId),
  );
  const events = await deps.db.transaction(async (tx) => {
    const all: EventRow[] = [];
    for (const e of active) {
      const campaign = await findCampaign(tx, user.tenantId, e.campaignId);
      if (!campaign || (user.role !== 'admin' && campaign.ownerId !== user.id)) continue;
      all.push(...(await removeOne(tx, user, campaign, e.id, deps.clock.now())));
    }
    return all;
  });
  for (const event of events) deps.hub.publish(event);
  return personStatus(deps.db, user, address, deps.clock.now());
}
