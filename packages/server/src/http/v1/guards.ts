import type { MiddlewareHandler } from 'hono';
import type { ApiEnv } from '../context';
import { requireAdmin } from './app';

/**
 * Route middleware (`createRoute({ middleware: [adminOnly('…')] })`) for admin operations: it runs
 * before the request is validated, so a rep gets 403 `admin-only` whatever they sent, never a 400
 * that would tell them what an admin's request should look like.
 */
export function adminOnly(what: string): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    requireAdmin(c.get('user'), what);
    await next();
  };
}
