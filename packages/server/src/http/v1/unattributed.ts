import { createRoute } from '@hono/zod-openapi';
import { unattributedPageSchema, unattributedQuerySchema } from '@sendwell/core';
import { countUnattributed, listUnattributed, type UnattributedScope } from '../../store/unattributed';
import { requireAdmin, type V1App } from './app';
import type { V1Deps } from './deps';
import { decodeIdCursor, encodeIdCursor } from './paging';
import { adminErrorResponses, failure, json } from './responses';

const list = createRoute({
  method: 'get',
  path: '/unattributed',
  tags: ['analytics'],
  operationId: 'listUnattributed',
  summary:
    'Bounce notices and replies the scanner could not tie to one of our sends, newest first, with their evidence and counts: your mailboxes, or the whole team (team admins)',
  request: { query: unattributedQuerySchema },
  responses: {
    200: json(unattributedPageSchema, 'A page of unattributed bounces or replies, with both counts'),
    400: failure('Bad cursor, limit, kind or scope'),
    ...adminErrorResponses,
  },
});

export function unattributedRoutes(app: V1App, deps: Pick<V1Deps, 'db'>): void {
  app.openapi(list, async (c) => {
    const user = c.get('user');
    const { cursor, limit, kind, scope } = c.req.valid('query');
    if (scope === 'team') requireAdmin(user, "the team's unattributed bounces and replies");
    const who: UnattributedScope = scope === 'team' ? { tenantId: user.tenantId } : { userId: user.id };
    const page = await listUnattributed(deps.db, who, kind, {
      beforeId: decodeIdCursor(cursor) ?? null,
      limit,
    });
    return c.json(
      {
        items: page.items,
        nextCursor: page.lastId === null ? null : encodeIdCursor(page.lastId),
        counts: await countUnattributed(deps.db, who),
      },
      200,
    );
  });
}
