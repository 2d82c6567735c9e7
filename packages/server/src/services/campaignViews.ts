import type { Campaign, Enrolment } from '@sendwell/core';
import type { EnrolmentView } from '../store/campaignEnrolments';
import type { CampaignRow } from '../store/campaigns';
import type { Db } from '../store/db';
import { campaignTotals } from './campaignAnalytics';
import { ApiError } from './errors';

/** Campaigns and enrolments as the API shows them, and the opaque cursors of their lists. */

/** Each campaign with its owner, its steps' template names and its totals (one query each, not per row). */
export async function campaignViews(db: Db, campaigns: CampaignRow[]): Promise<Campaign[]> {
  if (campaigns.length === 0) return [];
  const ownerIds = [...new Set(campaigns.map((c) => c.ownerId))];
  const templateIds = [...new Set(campaigns.flatMap((c) => c.steps.map((s) => s.templateId)))];
  const tenantId = campaigns[0]!.tenantId;
  const owners = new Map(
    (
      await db.query<{ id: string; name: string; email: string }>(
        'select id, name, email from users where id = any($1::text[])',
        [ownerIds],
      )
    ).map((u) => [u.id, { id: u.id, name: u.name, email: u.email }]),
  );
  const templates = new Map(
    (
      await db.query<{ id: string; name: string }>(
        'select id, name from templates where id = any($1::text[]) and tenant_id = $2 and deleted_at is null',
        [templateIds, tenantId],
      )
    ).map((t) => [t.id, t.name]),
  );
  const totals = await campaignTotals(db, campaigns);
  return campaigns.map((c) => ({
    id: c.id,
    name: c.name,
    timeZone: c.timeZone,
    status: c.status,
    pause: c.pause,
    owner: owners.get(c.ownerId) ?? { id: c.ownerId, name: c.ownerId, email: '' },
    steps: c.steps.map((s) => ({ ...s, templateName: templates.get(s.templateId) ?? null })),
    counts: totals.get(c.id)!,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  }));
}

export function enrolmentView(e: EnrolmentView): Enrolment {
  const active = e.status === 'active';
  return {
    id: e.id,
    campaignId: e.campaignId,
    campaignName: e.campaignName,
    email: e.email,
    displayName: e.displayName,
    status: e.status,
    leftReason: e.leftReason,
    leftDetail: e.leftDetail,
    stepsSent: e.stepsSent,
    nextStep: active ? e.nextStep : null,
    // Due (the worker has not queued it yet) or, once queued, the outbox's time for it.
    nextAt: active ? ((e.nextAt ?? e.waitingAt)?.toISOString() ?? null) : null,
    enrolledAt: e.enrolledAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}

/** A cursor of a keyset-paged list: the last row's time key and id, opaque to clients. */
export const encodeKeyCursor = (key: string, id: string) =>
  Buffer.from(JSON.stringify([key, id])).toString('base64url');

export function decodeKeyCursor(cursor: string | undefined): { key: string; id: string } | null {
  if (!cursor) return null;
  try {
    const [key, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof key === 'string' && typeof id === 'string' && !Number.isNaN(Date.parse(key)))
      return { key, id };
  } catch {
    // falls through to the refusal
  }
  throw new ApiError(400, 'invalid-cursor', 'This cursor is not one we gave out: start again without it.');
}
