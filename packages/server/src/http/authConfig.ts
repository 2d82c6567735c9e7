import { Hono } from 'hono';
import type { ProviderSettings } from '../providerSettings';

/** Entra's authority the pane's MSAL names (NAA never calls it: the Office host gets the token). */
const MSAL_AUTHORITY = 'https://login.microsoftonline.com/organizations';

/**
 * `GET /api/auth-config` (public): what the Outlook pane needs to sign in with nested app
 * authentication: the app registration's client id and the scope of Sendwell's API. No secrets.
 */
export function authConfigRoute(providers: ProviderSettings): Hono {
  const app = new Hono();
  app.get('/auth-config', (c) => {
    const ms = providers.microsoft;
    return c.json({
      microsoft: ms
        ? { clientId: ms.clientId, authority: MSAL_AUTHORITY, apiScope: `${ms.apiAudience}/access_as_user` }
        : null,
    });
  });
  return app;
}
