import { randomUUID } from 'node:crypto';
import {
  type Campaign,
  type CampaignStatus,
  type CampaignStep,
  type CampaignStepInput,
  type campaignPageSchema,
  createCampaignBodySchema,
  updateCampaignBodySchema,
} from '@sendwell/core';
import type { z } from 'zod';
import { recordAudit } from '../store/audit';
import { listWaitingEnrolments, updateEnrolment } from '../store/campaignEnrolments';
import {
  type CampaignPauseRow,
  type CampaignRow,
  findCampaign,
  insertCampaign,
  listCampaignPage,
  lockCampaign,
  lockHeldStepSends,
  updateCampaign,
} from '../store/campaigns';
import type { Db } from '../store/db';
import { insertEvent } from '../store/events';
import type { EventRow, UserRow } from '../store/rows';
import { moveWaitingSend } from '../store/sendQueue';
import { findVisibleTemplate } from '../store/templates';
import { findUser } from '../store/users';
import { CAMPAIGN_PAUSED_HOLD } from '../workers/sendGate';
import { campaignViews, decodeKeyCursor, encodeKeyCursor } from './campaignViews';
import { ApiError, parseOrRefuse } from './errors';
import type { OutcomeDeps } from './outcomeDeps';

/**
 * Campaigns: create, list, read, edit, pause and resume. Visible to the whole tenant; the owner or
 * a team admin may change one. Editing keeps step ids, and sends are keyed by (campaign, step id,
 * person), so an edit never sends a step twice.
 */

export type CampaignDeps = Pick<OutcomeDeps, 'db' | 'clock' | 'hub'>;

const notFound = (id: string) => new ApiError(404, 'campaign-not-found', `No campaign ${id} in your team.`);

/** The campaign in the user's tenant, or a 404 (another team's id finds nothing). */
export async function campaignFor(db: Db, user: UserRow, id: string): Promise<CampaignRow> {
  const campaign = await findCampaign(db, user.tenantId, id);
  if (!campaign) throw notFound(id);
  return campaign;
}

/** Owner or team admin, else a 403 that says whose campaign it is. */
export function allowChange(user: UserRow, campaign: CampaignRow): void {
  if (user.id === campaign.ownerId || user.role === 'admin') return;
  throw new ApiError(
    403,
    'not-campaign-owner',
    'Only the owner of this campaign or a team admin can change it.',
  );
}

/** Steps as stored: each with an id (kept when given, new otherwise), every template one the owner can use. */
async function checkedSteps(db: Db, owner: UserRow, steps: CampaignStepInput[]): Promise<CampaignStep[]> {
  const parsed = parseOrRefuse(createCampaignBodySchema.shape.steps, steps, 'Not saved');
  const seen = new Set<string>();
  const out: CampaignStep[] = [];
  for (const [index, step] of parsed.entries()) {
    const id = step.id ?? `step-${randomUUID()}`;
    if (seen.has(id))
      throw new ApiError(400, 'invalid-request', `Not saved: step ${index + 1} repeats the step id ${id}.`);
    seen.add(id);
    if (!(await findVisibleTemplate(db, owner, step.templateId)))
      throw new ApiError(
        422,
        'template-not-found',
        `Not saved: step ${index + 1} uses template ${step.templateId}, which is not one the campaign's owner can use.`,
      );
    out.push({ ...step, id });
  }
  return out;
}

export async function createCampaign(
  deps: CampaignDeps,
  user: UserRow,
  body: z.input<typeof createCampaignBodySchema>,
): Promise<Campaign> {
  const input = parseOrRefuse(createCampaignBodySchema, body, 'Not saved');
  const now = deps.clock.now();
  const campaign = await insertCampaign(deps.db, {
    id: randomUUID(),
    tenantId: user.tenantId,
    ownerId: user.id,
    name: input.name,
    timeZone: input.timeZone,
    status: 'active',
    pause: null,
    steps: await checkedSteps(deps.db, user, input.steps),
    createdAt: now,
    updatedAt: now,
  });
  return (await campaignViews(deps.db, [campaign]))[0]!;
}

export async function getCampaign(db: Db, user: UserRow, id: string): Promise<Campaign> {
  return (await campaignViews(db, [await campaignFor(db, user, id)]))[0]!;
}

export async function listCampaigns(
  db: Db,
  user: UserRow,
  query: { scope: 'mine' | 'team'; status?: CampaignStatus; cursor?: string; limit: number },
): Promise<z.infer<typeof campaignPageSchema>> {
  const after = decodeKeyCursor(query.cursor);
  const rows = await listCampaignPage(db, {
    tenantId: user.tenantId,
    ownerId: query.scope === 'mine' ? user.id : null,
    status: query.status ?? null,
    after: after && { createdKey: after.key, id: after.id },
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: await campaignViews(db, page),
    nextCursor: rows.length > query.limit && last ? encodeKeyCursor(last.createdKey, last.id) : null,
  };
}

/**
 * Where each waiting person stands after an edit: at the same step (found by id) if it is still
 * there, else at the same position. People whose step's email is on its way move on from that
 * step's id when it is submitted (the worker), so they need nothing here.
 */
async function keepPlaces(tx: Db, campaign: CampaignRow, steps: CampaignStep[], at: Date): Promise<void> {
  const newIndex = new Map(steps.map((s, i) => [s.id, i]));
  for (const e of await listWaitingEnrolments(tx, campaign.id)) {
    const stepId = campaign.steps[e.nextStep]?.id;
    const moved = stepId === undefined ? undefined : newIndex.get(stepId);
    if (moved !== undefined && moved !== e.nextStep) await updateEnrolment(tx, e.id, { nextStep: moved }, at);
  }
}

export async function changeCampaign(
  deps: CampaignDeps,
  user: UserRow,
  id: string,
  body: z.input<typeof updateCampaignBodySchema>,
): Promise<Campaign> {
  const input = parseOrRefuse(updateCampaignBodySchema, body, 'Not saved');
  const changed = await deps.db.transaction(async (tx) => {
    const campaign = await lockCampaign(tx, user.tenantId, id);
    if (!campaign) throw notFound(id);
    allowChange(user, campaign);
    const owner = (await findUser(tx, campaign.ownerId)) ?? user;
    const steps = input.steps ? await checkedSteps(tx, owner, input.steps) : undefined;
    const now = deps.clock.now();
    if (steps) await keepPlaces(tx, campaign, steps, now);
    return updateCampaign(tx, id, { name: input.name, timeZone: input.timeZone, steps }, now);
  });
  return (await campaignViews(deps.db, [changed]))[0]!;
}

/** A campaign event for the owner's feed (and the actor's, when a teammate admin did it). */
async function campaignEvent(
  tx: Db,
  campaign: CampaignRow,
  type: string,
  detail: Record<string, unknown>,
  at: Date,
): Promise<EventRow> {
  return insertEvent(tx, {
    userId: campaign.ownerId,
    type,
    sendId: null,
    templateId: null,
    recipient: null,
    detail: { campaignId: campaign.id, campaignName: campaign.name, ...detail },
    at,
  });
}

/**
 * Pause: nothing new is queued, and the sender holds the step emails already in the outbox
 * (`stillWanted` in workers/sendGate.ts) until the campaign is resumed.
 */
export async function pauseCampaign(deps: CampaignDeps, user: UserRow, id: string): Promise<Campaign> {
  const { campaign, event } = await deps.db.transaction(async (tx) => {
    const found = await lockCampaign(tx, user.tenantId, id);
    if (!found) throw notFound(id);
    allowChange(user, found);
    if (found.status === 'paused') return { campaign: found, event: null };
    const at = deps.clock.now();
    const pause: CampaignPauseRow = {
      by: user.id === found.ownerId ? 'owner' : 'admin',
      at: at.toISOString(),
      message: `Paused by ${user.name}.`,
    };
    const paused = await updateCampaign(tx, id, { status: 'paused', pause }, at);
    return {
      campaign: paused,
      event: await campaignEvent(tx, paused, 'campaign.paused', { by: pause.by, message: pause.message }, at),
    };
  });
  if (event) deps.hub.publish(event);
  return (await campaignViews(deps.db, [campaign]))[0]!;
}

/**
 * Resume: people continue where they were. A circuit-breaker pause is lifted by a team admin only
 * (the bounce rate said something is wrong with the list); an admin's resume is audited.
 */
export async function resumeCampaign(deps: CampaignDeps, user: UserRow, id: string): Promise<Campaign> {
  const { campaign, event } = await deps.db.transaction(async (tx) => {
    const found = await lockCampaign(tx, user.tenantId, id);
    if (!found) throw notFound(id);
    allowChange(user, found);
    if (found.status !== 'paused') return { campaign: found, event: null };
    if (found.pause?.by === 'circuit-breaker' && user.role !== 'admin')
      throw new ApiError(
        403,
        'admin-only',
        'The circuit breaker paused this campaign because too many of its emails bounced: only a team admin can resume it.',
      );
    const at = deps.clock.now();
    const resumed = await updateCampaign(tx, id, { status: 'active', pause: null }, at);
    // The emails the sender held for the pause go now (the sender paces them), not at its next look.
    for (const sendId of await lockHeldStepSends(tx, id, CAMPAIGN_PAUSED_HOLD))
      await moveWaitingSend(tx, sendId, at);
    if (user.role === 'admin' && (found.pause?.by === 'circuit-breaker' || user.id !== found.ownerId))
      await recordAudit(tx, {
        tenantId: user.tenantId,
        actorId: user.id,
        action: 'campaign.resumed',
        target: id,
        before: { status: found.status, pause: found.pause },
        after: { status: 'active', pause: null },
        at,
      });
    return {
      campaign: resumed,
      event: await campaignEvent(tx, resumed, 'campaign.resumed', { by: user.id }, at),
    };
  });
  if (event) deps.hub.publish(event);
  return (await campaignViews(deps.db, [campaign]))[0]!;
}
