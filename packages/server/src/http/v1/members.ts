import { createRoute } from '@hono/zod-openapi';
import {
  memberIdParamsSchema,
  memberPageSchema,
  pageQuerySchema,
  updateMemberAnswerSchema,
  updateMemberBodySchema,
} from '@sendwell/core';
import { memberPage, updateMember } from '../../services/members';
import { requireAdmin, type V1App } from './app';
import type { V1Deps } from './deps';
import { adminOnly } from './guards';
import { adminErrorResponses, failure, json, jsonBody } from './responses';

const tags = ['members', 'admin'];
const WHAT = "the team's members and roles";
const idParam = memberIdParamsSchema.extend({
  id: memberIdParamsSchema.shape.id.meta({ param: { name: 'id', in: 'path' } }),
});

const list = createRoute({
  method: 'get',
  path: '/members',
  tags,
  operationId: 'listMembers',
  middleware: [adminOnly(WHAT)] as const,
  summary: 'Your team’s members by email: role, legacy flag and native mailboxes (team admins)',
  request: { query: pageQuerySchema },
  responses: {
    200: json(memberPageSchema, 'A page of members'),
    400: failure('Bad cursor or limit'),
    ...adminErrorResponses,
  },
});

const update = createRoute({
  method: 'patch',
  path: '/members/{id}',
  tags,
  operationId: 'updateMember',
  middleware: [adminOnly(WHAT)] as const,
  summary:
    'Change a member’s role and/or legacy flag (team admins; audited). The team’s last admin cannot be made a rep',
  request: { params: idParam, body: jsonBody(updateMemberBodySchema) },
  responses: {
    200: json(updateMemberAnswerSchema, 'The member as they are now, and what changed'),
    400: failure('Nothing to change, or not a valid role'),
    404: failure('No such member in your team'),
    409: failure('That would leave the team without an admin'),
    ...adminErrorResponses,
  },
});

export function membersRoutes(app: V1App, deps: Pick<V1Deps, 'db' | 'clock'>): void {
  // adminOnly ran first; requireAdmin again so a handler moved to a route without it still refuses.
  app.openapi(list, async (c) => {
    const user = c.get('user');
    requireAdmin(user, WHAT);
    return c.json(await memberPage(deps.db, user, c.req.valid('query')), 200);
  });
  app.openapi(update, async (c) => {
    const user = c.get('user');
    requireAdmin(user, WHAT);
    const { id } = c.req.valid('param');
    return c.json(await updateMember(deps, user, id, c.req.valid('json')), 200);
  });
}
