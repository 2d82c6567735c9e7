import { accountRoutes } from './account';
import { analyticsRoutes } from './analytics';
import { documentV1, newV1App, type V1App, v1Middleware } from './app';
import { auditRoutes } from './audit';
import { campaignsRoutes } from './campaigns';
import { channelsRoutes } from './channels';
import { connectionsRoutes } from './connections';
import type { V1Deps } from './deps';
import { feedRoutes } from './feed';
import { mailboxesRoutes } from './mailboxes';
import { membersRoutes } from './members';
import { quotaRoutes } from './quota';
import { sendsRoutes } from './sends';
import { settingsRoutes } from './settings';
import { suppressionsRoutes } from './suppressions';
import { templatesRoutes } from './templates';
import { tokensRoutes } from './tokens';
import { unattributedRoutes } from './unattributed';

/**
 * `/api/v1`: every route of the public API, described by `/api/v1/openapi.json`. Each module
 * registers its routes (with their zod schemas from core) on the one app.
 */
export function v1Routes(deps: V1Deps): V1App {
  const app = newV1App();
  v1Middleware(app, deps);
  documentV1(app, deps.baseUrl);
  accountRoutes(app, deps);
  analyticsRoutes(app, deps);
  auditRoutes(app, deps);
  campaignsRoutes(app, deps);
  channelsRoutes(app, deps);
  connectionsRoutes(app, deps);
  feedRoutes(app, deps);
  mailboxesRoutes(app, deps);
  membersRoutes(app, deps);
  quotaRoutes(app, deps);
  sendsRoutes(app, deps);
  settingsRoutes(app, deps);
  suppressionsRoutes(app, deps);
  templatesRoutes(app, deps);
  tokensRoutes(app, deps);
  unattributedRoutes(app, deps);
  return app;
}
