import { Hono } from 'hono';
import type { SandboxContext } from '../../context';
import type { OAuthClients } from './clients';
import { entraRoutes } from './entra';
import { googleOAuthRoutes } from './google';

/** Both providers' authorization servers, at their sandbox paths (mount at `/`). */
export function oauthRoutes(ctx: SandboxContext, clients: OAuthClients): Hono {
  const app = new Hono();
  app.route('/', entraRoutes(ctx, clients));
  app.route('/', googleOAuthRoutes(ctx, clients));
  return app;
}
