import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import type { SandboxContext } from '../../context';
import type { OAuthClients } from './clients';
import { consentPage } from './consentPage';
import { checkRequest, checkTarget, type PendingAuthorization, tenantAccounts } from './entraAuthorize';
import { entraErrorBody, entraErrorPage } from './entraErrors';
import { entraTokenHandler } from './entraTokenEndpoint';
import { qualifyEntraScope } from './entraTokens';
import { PendingRequests, redirectTo } from './protocol';
import { describeMicrosoftScope } from './scopes';

/** Entra ID v2 authorization-code flow: `/{tenant}/oauth2/v2.0/authorize` and `/token`. */
export function entraRoutes(ctx: SandboxContext, clients: OAuthClients): Hono {
  const app = new Hono();
  const pending = new PendingRequests<PendingAuthorization>(ctx.clock);
  const now = () => ctx.clock.now();
  const errorUri = `${ctx.baseUrl}/login/error`;
  const authorizePath = (tenant: string) => `${ctx.baseUrl}/login/${tenant}/oauth2/v2.0/authorize`;

  app.get('/login/:tenant/oauth2/v2.0/authorize', (c) => {
    const q = c.req.query();
    const tenant = c.req.param('tenant');
    const target = checkTarget(q, tenant, clients, ctx.users);
    if (!target.ok) return entraErrorPage(c, target.refusal.code, target.refusal.message, now());
    const { client, accounts } = target;
    const checked = checkRequest(q, tenant, client);
    if (!checked.ok) {
      const { error = 'invalid_request', code, message } = checked.refusal;
      const body = entraErrorBody({ error, code, message }, now(), errorUri);
      return c.redirect(
        redirectTo(target.redirectUri, {
          error,
          error_description: body.error_description,
          error_uri: body.error_uri,
          state: q.state,
        }),
        302,
      );
    }
    const requestId = pending.add(checked.request);
    const { oidc, resourceScopes } = checked.request;
    const hint = q.login_hint?.toLowerCase();
    return c.html(
      consentPage({
        providerName: 'Microsoft',
        appName: client.name,
        action: authorizePath(tenant),
        requestId,
        accounts,
        selected: accounts.find((u) => u.email === hint)?.id ?? accounts[0]?.id,
        permissions: [...oidc, ...resourceScopes].map(describeMicrosoftScope),
      }),
    );
  });

  app.post('/login/:tenant/oauth2/v2.0/authorize', async (c) => {
    const form = await c.req.parseBody();
    const request = pending.take(String(form.request ?? ''));
    if (!request)
      return entraErrorPage(
        c,
        50058,
        'The sign-in request expired or was already used. Start the sign-in again.',
        now(),
      );
    if (form.decision !== 'accept') {
      const body = entraErrorBody(
        { error: 'access_denied', code: 65004, message: 'User declined to consent to access the app.' },
        now(),
        errorUri,
      );
      return c.redirect(
        redirectTo(request.redirectUri, {
          error: 'access_denied',
          error_description: body.error_description,
          state: request.state,
        }),
        302,
      );
    }
    const user = (tenantAccounts(ctx.users, request.tenant) ?? []).find((u) => u.id === form.account);
    if (!user) return entraErrorPage(c, 50034, 'The user account does not exist in the directory.', now());
    const qualified = [
      ...request.oidc,
      ...request.resourceScopes.map((s) => qualifyEntraScope(s, request.resource)),
    ];
    const grant = ctx.identity.grants.consent(user.id, 'microsoft', request.client.clientId, qualified);
    const code = ctx.identity.grants.issueCode(
      {
        grantId: grant.id,
        userId: user.id,
        clientId: request.client.clientId,
        redirectUri: request.redirectUri,
        codeChallenge: request.codeChallenge,
        scopes: qualified,
        offline: request.oidc.includes('offline_access'),
        nonce: request.nonce,
      },
      '1.AQ',
    );
    return c.redirect(
      redirectTo(request.redirectUri, { code, state: request.state, session_state: randomUUID() }),
      302,
    );
  });

  app.post('/login/:tenant/oauth2/v2.0/token', async (c) => entraTokenHandler(c, ctx, clients, errorUri));
  return app;
}
