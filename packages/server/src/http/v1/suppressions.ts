import { createRoute, z } from '@hono/zod-openapi';
import {
  addSuppressionBodySchema,
  bounceRulesSchema,
  bounceRulesUpdateSchema,
  suppressionPageSchema,
  suppressionQuerySchema,
  suppressionSchema,
} from '@sendwell/core';
import { getBounceRules, updateBounceRules } from '../../services/bounceRules';
import { addManualSuppression, liftSuppression, listSuppressions } from '../../services/teamSuppressions';
import { requireAdmin, type V1App } from './app';
import type { V1Deps } from './deps';
import { adminOnly } from './guards';
import { decodeIdCursor, encodeIdCursor } from './paging';
import { adminErrorResponses, errorResponses, failure, json, jsonBody } from './responses';

const tags = ['suppression'];
const LIFT_WHAT = "the team's suppressions";
const RULES_WHAT = "the team's bounce rules";

const list = createRoute({
  method: 'get',
  path: '/suppressions',
  tags,
  operationId: 'listSuppressions',
  summary:
    "Your team's suppressed addresses, newest first: why (in words and evidence), since when, until when; `?email=` finds one address, `state=all` adds lifted and expired ones",
  request: { query: suppressionQuerySchema },
  responses: {
    200: json(suppressionPageSchema, 'A page of suppressions'),
    400: failure('Bad cursor, limit or state'),
    ...errorResponses,
  },
});

const add = createRoute({
  method: 'post',
  path: '/suppressions',
  tags,
  operationId: 'addSuppression',
  summary:
    'Stop every email to an address for the whole team (reason `manual`, audited). An address already suppressed at least as long is answered as it is (200)',
  request: { body: jsonBody(addSuppressionBodySchema) },
  responses: {
    201: json(suppressionSchema, 'Suppressed'),
    200: json(suppressionSchema, 'It was already suppressed: the suppression in force'),
    400: failure('Not an email address, or a note over 500 characters'),
    ...errorResponses,
  },
});

const lift = createRoute({
  method: 'post',
  path: '/suppressions/{id}/lift',
  tags: [...tags, 'admin'],
  operationId: 'liftSuppression',
  middleware: [adminOnly(LIFT_WHAT)] as const,
  summary: 'Lift a suppression: emails to the address go out again (team admins, audited)',
  request: { params: z.object({ id: z.string().max(40) }) },
  responses: {
    200: json(suppressionSchema, 'Lifted'),
    404: failure('No such suppression in your team'),
    409: failure('Already lifted'),
    ...adminErrorResponses,
  },
});

const getRules = createRoute({
  method: 'get',
  path: '/settings/bounce-rules',
  tags: [...tags, 'settings'],
  operationId: 'getBounceRules',
  summary:
    "The team's bounce rules: soft bounces that suppress an address for a while, the campaign circuit breaker, engagement tracking",
  responses: { 200: json(bounceRulesSchema, 'The rules'), ...errorResponses },
});

const putRules = createRoute({
  method: 'put',
  path: '/settings/bounce-rules',
  tags: [...tags, 'settings', 'admin'],
  operationId: 'updateBounceRules',
  middleware: [adminOnly(RULES_WHAT)] as const,
  summary: 'Change some of the bounce rules; the others keep their value (team admins, audited)',
  request: { body: jsonBody(bounceRulesUpdateSchema) },
  responses: {
    200: json(bounceRulesSchema, 'The rules after the change'),
    400: failure('A rule out of range, or one that does not exist (the message says which)'),
    ...adminErrorResponses,
  },
});

export function suppressionsRoutes(app: V1App, deps: Pick<V1Deps, 'db' | 'clock' | 'hub' | 'logger'>): void {
  app.openapi(list, async (c) => {
    const { cursor, limit, email, state } = c.req.valid('query');
    const page = await listSuppressions(deps, c.get('user'), {
      email,
      state,
      limit,
      beforeId: decodeIdCursor(cursor) ?? null,
    });
    return c.json(
      { items: page.items, nextCursor: page.lastId === null ? null : encodeIdCursor(page.lastId) },
      200,
    );
  });
  app.openapi(add, async (c) => {
    const { created, suppression } = await addManualSuppression(deps, c.get('user'), c.req.valid('json'));
    return created ? c.json(suppression, 201) : c.json(suppression, 200);
  });
  // adminOnly ran first; requireAdmin again so a handler moved to a route without it still refuses.
  app.openapi(lift, async (c) => {
    const user = c.get('user');
    requireAdmin(user, LIFT_WHAT);
    return c.json(await liftSuppression(deps, user, c.req.valid('param').id), 200);
  });
  app.openapi(getRules, async (c) => c.json(await getBounceRules(deps.db, c.get('user')), 200));
  app.openapi(putRules, async (c) => {
    const user = c.get('user');
    requireAdmin(user, RULES_WHAT);
    return c.json(await updateBounceRules(deps.db, deps.clock.now(), user, c.req.valid('json')), 200);
  });
}
