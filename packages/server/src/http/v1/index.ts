import { accountRoutes } from './account';
import type { V1Deps } from './deps';
import { documentV1, newV1App, type V1App, v1Middleware } from './app';

/**
 * `/api/v1`: every route of the public API, described by `/api/v1/openapi.json`. Each module
 * registers its routes (with their zod schemas from core) on the one app.
 */
export function v1Routes(deps: V1Deps): V1App {
  const app = newV1App();
  v1Middleware(app, deps);
  documentV1(app, deps.baseUrl);
  accountRoutes(app, deps);
  return app;
}
