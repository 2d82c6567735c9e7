import type { OAuthProvider } from '@sendwell/core';
import { Hono, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import type { ConnectionService } from '../connections/service';
import { ApiError, parseOrRefuse } from '../services/errors';
import type { UserRow } from '../store/rows';
import type { ApiEnv } from './context';

export interface ConnectionRouteDeps {
  service: ConnectionService;
  /** Resolves a bearer token to a user, or throws ApiError(401): the same as every /api route. */
  authenticate(token: string): Promise<UserRow>;
}

const providerParam = z.object({
  provider: z.enum(['microsoft', 'google'] satisfies OAuthProvider[], {
    error: 'The provider must be "microsoft" or "google"',
  }),
});

/**
 * `/api/connections…` (mounted at `/api`): the caller's mailbox connections, starting an OAuth
 * connection, and the rep's disconnect / an admin's disable and enable. Answers core's
 * `ConnectionsAnswer`, `ConnectStart` and `{connection: ConnectionInfo}`; never a token.
 */
export function connectionRoutes(deps: ConnectionRouteDeps): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  const signedIn = bearerAuth(deps.authenticate);
  app.use('/connections', signedIn);
  app.use('/connections/*', signedIn);

  app.get('/connections', async (c) => c.json(await deps.service.list(c.get('user'))));

  app.post('/connections/:provider/start', async (c) => {
    const { provider } = parseOrRefuse(providerParam, c.req.param(), 'Not started');
    return c.json(await deps.service.start(c.get('user'), provider));
  });

  for (const action of ['disconnect', 'disable', 'enable'] as const) {
    app.post(`/connections/:mailboxId/${action}`, async (c) => {
      const connection = await deps.service[action](c.get('user'), c.req.param('mailboxId'));
      return c.json({ connection });
    });
  }
  return app;
}

/** The /api token check, for when these routes are mounted on their own (a no-op behind apiRoutes'). */
function bearerAuth(authenticate: ConnectionRouteDeps['authenticate']): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    if (!c.get('user')) {
      const token = c.req.header('authorization')?.match(/^Bearer\s+(.+)$/i)?.[1];
      if (!token)
        throw new ApiError(
          401,
          'unauthenticated',
          'Sign in first: this route needs an Authorization: Bearer token (GET /api lists the routes).',
        );
      c.set('user', await authenticate(token));
    }
    await next();
  };
}
