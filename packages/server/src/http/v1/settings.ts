import { createRoute } from '@hono/zod-openapi';
import { throttleSettingsSchema, throttleUpdateSchema } from '@sendwell/core';
import { describeThrottle, updateThrottle } from '../../services/throttleSettings';
import { requireAdmin, type V1App } from './app';
import type { V1Deps } from './deps';
import { adminOnly } from './guards';
import { adminErrorResponses, failure, json, jsonBody } from './responses';

const tags = ['settings', 'admin'];
const WHAT = "the team's sending settings";

const get = createRoute({
  method: 'get',
  path: '/settings/throttle',
  tags,
  operationId: 'getThrottleSettings',
  middleware: [adminOnly(WHAT)] as const,
  summary:
    "Per provider profile the team uses: the provider's ceilings and our targets, the batch setting, how the planner clamps it (in words) and a day's forecast (team admins)",
  responses: { 200: json(throttleSettingsSchema, 'The settings'), ...adminErrorResponses },
});

const put = createRoute({
  method: 'put',
  path: '/settings/throttle',
  tags,
  operationId: 'updateThrottleSettings',
  middleware: [adminOnly(WHAT)] as const,
  summary:
    "Set one profile's batch `{profileId, batch: {size, everySeconds}}`, or `{profileId, batch: null}` to follow the team-wide setting again (team admins)",
  request: { body: jsonBody(throttleUpdateSchema) },
  responses: {
    200: json(throttleSettingsSchema, 'The settings after the change'),
    400: failure('Not a valid setting (the message says which field and why)'),
    ...adminErrorResponses,
  },
});

export function settingsRoutes(app: V1App, deps: Pick<V1Deps, 'db' | 'clock'>): void {
  // adminOnly ran first; requireAdmin again so a handler moved to a route without it still refuses.
  app.openapi(get, async (c) => {
    const user = c.get('user');
    requireAdmin(user, WHAT);
    return c.json(await describeThrottle(deps.db, user.tenantId), 200);
  });
  app.openapi(put, async (c) => {
    const user = c.get('user');
    requireAdmin(user, WHAT);
    return c.json(await updateThrottle(deps.db, deps.clock, user, c.req.valid('json')), 200);
  });
}
