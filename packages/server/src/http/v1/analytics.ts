import { createRoute, z } from '@hono/zod-openapi';
import {
  type AnalyticsCounts,
  analyticsScopeQuerySchema,
  countDeliveries,
  DAY_MS,
  type MyNumbers,
  myNumbersSchema,
  numbersQuerySchema,
  pageQuerySchema,
  teamNumbersSchema,
  templateAnalyticsPageSchema,
  templateAnalyticsSchema,
} from '@sendwell/core';
import { eventDeliveries } from '../../services/eventDeliveries';
import { templateAnalytics } from '../../services/readModels';
import { listTemplatesFor } from '../../services/templates';
import { countBounceReasons, countPerDay, countPerMember, type NumbersScope } from '../../store/analytics';
import type { Db } from '../../store/db';
import { listTemplateEvents } from '../../store/events';
import { requireAdmin, type V1App } from './app';
import type { V1Deps } from './deps';
import { adminOnly } from './guards';
import { pageOfList } from './paging';
import { adminErrorResponses, errorResponses, failure, json } from './responses';

const tags = ['analytics'];
const idParam = z.object({
  id: z
    .string()
    .min(1)
    .max(200)
    .meta({ param: { name: 'id', in: 'path' } }),
});

const listTemplates = createRoute({
  method: 'get',
  path: '/analytics/templates',
  tags,
  operationId: 'listTemplateAnalytics',
  summary: "Delivery counts of each template the caller can see: their own sends (scope=mine) or the team's",
  request: { query: pageQuerySchema.extend(analyticsScopeQuerySchema.shape) },
  responses: {
    200: json(templateAnalyticsPageSchema, 'A page of templates with their counts'),
    400: failure('Bad scope, cursor or limit'),
    ...errorResponses,
  },
});

const getTemplate = createRoute({
  method: 'get',
  path: '/analytics/templates/{id}',
  tags,
  operationId: 'getTemplateAnalytics',
  summary: "How the messages sent with a template fared: the team's and the caller's own, apart",
  request: { params: idParam },
  responses: {
    200: json(templateAnalyticsSchema, 'Delivery counts'),
    404: failure('No such template among yours'),
    ...errorResponses,
  },
});

const me = createRoute({
  method: 'get',
  path: '/analytics/me',
  tags,
  operationId: 'getMyNumbers',
  summary: "The caller's sends and bounces per day, and the bounces' reasons",
  request: { query: numbersQuerySchema },
  responses: {
    200: json(myNumbersSchema, 'The numbers'),
    400: failure('Bad number of days'),
    ...errorResponses,
  },
});

const team = createRoute({
  method: 'get',
  path: '/analytics/team',
  tags: [...tags, 'admin'],
  operationId: 'getTeamNumbers',
  middleware: [adminOnly("the team's numbers")] as const,
  summary:
    "The whole team's sends and bounces per day, bounce reasons, and each member's totals (team admins)",
  request: { query: numbersQuerySchema },
  responses: {
    200: json(teamNumbersSchema, 'The numbers'),
    400: failure('Bad number of days'),
    ...adminErrorResponses,
  },
});

const utcDay = (at: Date) => at.toISOString().slice(0, 10);

/** `days` UTC days ending today, each with its counts (zeros for quiet days). */
async function numbers(db: Db, scope: NumbersScope, now: Date, days: number): Promise<MyNumbers> {
  const first = new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - (days - 1) * DAY_MS,
  );
  const counted = new Map((await countPerDay(db, scope, first)).map((r) => [r.day, r]));
  const perDay = Array.from({ length: days }, (_, i) => {
    const date = utcDay(new Date(first.getTime() + i * DAY_MS));
    const row = counted.get(date);
    return { date, sends: row?.sends ?? 0, bounces: row?.bounces ?? 0 };
  });
  const sum = (key: 'sends' | 'bounces') => perDay.reduce((total, d) => total + d[key], 0);
  return {
    days,
    from: utcDay(first),
    to: utcDay(now),
    totals: { sends: sum('sends'), bounces: sum('bounces') },
    perDay,
    bounceReasons: await countBounceReasons(db, scope, first),
  };
}

/** One template's counts: the caller's own sends, or the whole team's. */
async function countsFor(db: Db, templateId: string, userId: string | null): Promise<AnalyticsCounts> {
  const events = await listTemplateEvents(db, templateId);
  return countDeliveries(eventDeliveries(userId ? events.filter((e) => e.userId === userId) : events));
}

export function analyticsRoutes(app: V1App, deps: Pick<V1Deps, 'db' | 'clock'>): void {
  app.openapi(listTemplates, async (c) => {
    const user = c.get('user');
    const { cursor, limit, scope } = c.req.valid('query');
    const page = pageOfList(await listTemplatesFor(deps.db, user), cursor, limit);
    const items = [];
    for (const t of page.items)
      items.push({
        templateId: t.id,
        name: t.name,
        scope: t.scope,
        counts: await countsFor(deps.db, t.id, scope === 'mine' ? user.id : null),
      });
    return c.json({ items, nextCursor: page.nextCursor }, 200);
  });
  app.openapi(getTemplate, async (c) =>
    c.json(await templateAnalytics(deps.db, c.get('user'), c.req.valid('param').id), 200),
  );
  app.openapi(me, async (c) => {
    const { days } = c.req.valid('query');
    return c.json(await numbers(deps.db, { userId: c.get('user').id }, deps.clock.now(), days), 200);
  });
  app.openapi(team, async (c) => {
    const user = c.get('user');
    requireAdmin(user, "the team's numbers");
    const { days } = c.req.valid('query');
    const now = deps.clock.now();
    const mine = await numbers(deps.db, { tenantId: user.tenantId }, now, days);
    const since = new Date(`${mine.from}T00:00:00.000Z`);
    return c.json({ ...mine, members: await countPerMember(deps.db, user.tenantId, since) }, 200);
  });
}
