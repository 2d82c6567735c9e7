import { type BatchSetting, batchInfo, getProfile, type ProfileId } from '@sendwell/core';
import { Hono } from 'hono';
import { z } from 'zod';
import { ApiError, parseOrRefuse } from '../services/errors';
import type { Db } from '../store/db';
import type { UserRow } from '../store/rows';
import { findTeamBatch, saveTeamBatch } from '../store/teamSettings';
import type { ApiDeps, ApiEnv } from './context';

/** A day is the longest window any provider counts; a batch slower than that is not a batch. */
const MAX_EVERY_SECONDS = 86_400;
const MAX_BATCH_SIZE = 10_000;

const batchSchema = z.object({
  batch: z
    .object({
      size: z
        .number({ error: 'The batch size must be a number' })
        .int('The batch size must be a whole number of emails')
        .min(1, 'The batch size must be at least 1 email')
        .max(MAX_BATCH_SIZE, `The batch size can be at most ${MAX_BATCH_SIZE.toLocaleString('en')} emails`),
      everySeconds: z
        .number({ error: 'The interval must be a number of seconds' })
        .int('The interval must be a whole number of seconds')
        .min(1, 'The interval must be at least 1 second')
        .max(MAX_EVERY_SECONDS, 'The interval can be at most 86,400 seconds (one day)'),
    })
    .strict()
    .nullable(),
});

/** Reading or changing the team's sending settings is for team admins. */
function requireAdmin(user: UserRow): void {
  // `role` arrived with the roles migration; a row without it is never an admin.
  if ((user as { role?: string }).role !== 'admin') {
    throw new ApiError(403, 'admin-only', "Only a team admin can see or change the team's sending settings.");
  }
}

/** The setting and, per provider profile the team sends through, what the planner makes of it. */
async function describe(db: Db, user: UserRow, batch: BatchSetting | null) {
  const rows = await db.query<{ profile_id: string }>(
    `select distinct m.profile_id from mailboxes m join users u on u.id = m.user_id
     where u.tenant_id = $1 order by m.profile_id`,
    [user.tenantId],
  );
  const applied = batch
    ? rows.map((r) => {
        const profile = getProfile(r.profile_id as ProfileId);
        return { profileId: profile.id, providerName: profile.name, ...batchInfo(profile, batch) };
      })
    : [];
  return { batch, applied };
}

/**
 * `/api/settings/throttle`: the team's "batch of N every S seconds". GET shows it, PUT sets it
 * (`{batch: {size, everySeconds}}`) or clears it (`{batch: null}`); both answer `{batch, applied}`,
 * where `applied` says per provider whether and why the setting is clamped.
 */
export function settingsRoutes(deps: ApiDeps): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();

  app.get('/settings/throttle', async (c) => {
    const user = c.get('user');
    requireAdmin(user);
    return c.json(await describe(deps.db, user, await findTeamBatch(deps.db, user.tenantId)));
  });

  app.put('/settings/throttle', async (c) => {
    const user = c.get('user');
    requireAdmin(user);
    const { batch } = parseOrRefuse(batchSchema, await c.req.json(), 'Not saved');
    await saveTeamBatch(deps.db, user.tenantId, batch, user.id, deps.clock.now());
    return c.json(await describe(deps.db, user, batch));
  });

  return app;
}
