import { createRoute } from '@hono/zod-openapi';
import { auditPageSchema, pageQuerySchema } from '@sendwell/core';
import { listAuditPage } from '../../services/auditLog';
import { requireAdmin, type V1App } from './app';
import type { V1Deps } from './deps';
import { adminOnly } from './guards';
import { decodeIdCursor, encodeIdCursor } from './paging';
import { adminErrorResponses, failure, json } from './responses';

const WHAT = "the team's audit log";

const list = createRoute({
  method: 'get',
  path: '/audit',
  tags: ['audit', 'admin'],
  operationId: 'listAudit',
  middleware: [adminOnly(WHAT)] as const,
  summary:
    'Every admin action and every channel or setting change in your team, newest first: who, what, before → after, when (team admins)',
  request: { query: pageQuerySchema },
  responses: {
    200: json(auditPageSchema, 'A page of audit entries'),
    400: failure('Bad cursor or limit'),
    ...adminErrorResponses,
  },
});

export function auditRoutes(app: V1App, deps: Pick<V1Deps, 'db'>): void {
  app.openapi(list, async (c) => {
    const user = c.get('user');
    requireAdmin(user, WHAT);
    const { cursor, limit } = c.req.valid('query');
    const page = await listAuditPage(deps.db, user.tenantId, {
      beforeId: decodeIdCursor(cursor) ?? null,
      limit,
    });
    return c.json(
      { items: page.items, nextCursor: page.lastId === null ? null : encodeIdCursor(page.lastId) },
      200,
    );
  });
}
