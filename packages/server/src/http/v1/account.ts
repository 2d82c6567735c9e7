import { createRoute } from '@hono/zod-openapi';
import { meSchema } from '@sendwell/core';
import { listMailboxes } from '../../store/users';
import type { V1App } from './app';
import type { V1Deps } from './deps';
import { errorResponses } from './responses';

const me = createRoute({
  method: 'get',
  path: '/me',
  tags: ['account'],
  operationId: 'getMe',
  summary: 'Who the token belongs to, and their native mailboxes',
  responses: {
    200: { description: 'The signed-in user', content: { 'application/json': { schema: meSchema } } },
    ...errorResponses,
  },
});

export function accountRoutes(app: V1App, deps: Pick<V1Deps, 'db'>): void {
  app.openapi(me, async (c) => {
    const user = c.get('user');
    const mailboxes = await listMailboxes(deps.db, user.id);
    return c.json(
      {
        user: {
          id: user.id,
          email: user.email,
          name: user.name,
          legacy: user.legacy,
          role: user.role,
          tenantId: user.tenantId,
        },
        mailboxes: mailboxes.flatMap((m) =>
          m.provider === 'smtp'
            ? []
            : [{ id: m.id, provider: m.provider, address: m.address, profileId: m.profileId }],
        ),
      },
      200,
    );
  });
}
