import { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { ApiError, describeIssues } from '../../services/errors';
import type { UserRow } from '../../store/rows';
import type { ApiEnv } from '../context';
import type { V1Deps } from './deps';

/** The one router type every `/api/v1` module registers its routes on. */
export type V1App = OpenAPIHono<ApiEnv>;

/** Paths under `/api/v1` that answer without a token. */
const PUBLIC_PATHS = new Set(['/openapi.json', '/auth-config']);

export function newV1App(): V1App {
  return new OpenAPIHono<ApiEnv>({
    // A request that fails its route's zod schema leaves as `{error: {code, message, details}}`.
    defaultHook: (result) => {
      if (!result.success) {
        const { message, details } = describeIssues(result.error);
        throw new ApiError(400, 'invalid-request', message, details);
      }
    },
  });
}

/**
 * The bearer-token check for everything but the public paths. Body sizes are limited before this,
 * per entry point, for the whole server (http/limits/bodyLimits.ts).
 */
export function v1Middleware(app: V1App, deps: Pick<V1Deps, 'authenticate'>): void {
  app.use('*', bearerAuth(deps));
}

function bearerAuth(deps: Pick<V1Deps, 'authenticate'>): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    // Only the mount prefix comes off: `/api/v1/x/api/v1/feed/stream` is not the feed stream.
    const path = c.req.path.replace(/^\/api\/v1(?=\/)/, '');
    if (PUBLIC_PATHS.has(path)) return next();
    const header = c.req.header('authorization');
    // EventSource cannot set headers: the feed stream alone also takes `?access_token=`.
    const token =
      header?.match(/^Bearer\s+(.+)$/i)?.[1] ??
      (path === '/feed/stream' ? c.req.query('access_token') : undefined);
    if (!token)
      throw new ApiError(
        401,
        'unauthenticated',
        'Sign in first: this route needs an Authorization: Bearer token (see /api/v1/openapi.json).',
      );
    c.set('user', await deps.authenticate(token));
    await next();
  };
}

/** Admin routes call this first: a rep's token gets a 403 that says so, and nothing changes. */
export function requireAdmin(user: UserRow, what = 'this team setting'): void {
  if (user.role !== 'admin')
    throw new ApiError(403, 'admin-only', `Only a team admin can see or change ${what}.`);
}

/** The OpenAPI 3.1 document, generated from the routes' zod schemas. */
export function documentV1(app: V1App, baseUrl: string): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'A Sendwell API token, a web-app session token, or a Microsoft access token for our API.',
  });
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Sendwell API',
      version: '1.0.0',
      description:
        'Sends, templates, analytics, the live feed, channels and team settings. Errors are `{error: {code, message}}`; lists are cursor-paged (`?cursor=&limit=`, answer `{items, nextCursor}`).',
    },
    servers: [{ url: `${baseUrl}/api/v1` }],
    security: [{ bearer: [] }],
  });
}
