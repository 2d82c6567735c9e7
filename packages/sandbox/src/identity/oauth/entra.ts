import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import type { SandboxContext } from '../../context';
import type { SandboxUser } from '../../users';
import { findClient, type OAuthClientRegistration, type OAuthClients } from './clients';
import { consentPage } from './consentPage';
import { entraErrorBody, entraErrorPage } from './entraErrors';
import { entraTokenHandler } from './entraTokenEndpoint';
import { qualifyEntraScope } from './entraTokens';
import { PendingRequests, redirectTo } from './protocol';
import { describeMicrosoftScope, parseEntraScopes } from './scopes';

interface PendingAuthorization {
  tenant: string;
  client: OAuthClientRegistration;
  redirectUri: string;
  state: string | undefined;
  oidc: string[];
  resource: string;
  resourceScopes: string[];
  codeChallenge: string | null;
  nonce: string | null;
}

/** The Exchange users of a tenant named by GUID, sandbox name, domain, or common/organizations. */
function tenantAccounts(users: readonly SandboxUser[], tenant: string): SandboxUser[] | null {
  const exchange = users.filter((u) => u.provider === 'exchange');
  const key = tenant.toLowerCase();
  if (key === 'common' || key === 'organizations') return exchange;
  const found = exchange.filter(
    (u) => u.tenantId === key || u.tenantName === key || u.email.split('@')[1] === key,
  );
  return found.length ? found : null;
}

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
    if (!q.client_id)
      return entraErrorPage(
        c,
        900144,
        "The request body must contain the following parameter: 'client_id'.",
        now(),
      );
    const client = findClient(clients, 'microsoft', q.client_id);
    if (!client)
      return entraErrorPage(
        c,
        700016,
        `Application with identifier '${q.client_id}' was not found in the directory '${tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
        now(),
      );
    if (!q.redirect_uri || !client.redirectUris.includes(q.redirect_uri))
      return entraErrorPage(
        c,
        50011,
        `The redirect URI '${q.redirect_uri ?? ''}' specified in the request does not match the redirect URIs configured for the application '${client.clientId}'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal.`,
        now(),
      );
    const accounts = tenantAccounts(ctx.users, tenant);
    if (!accounts)
      return entraErrorPage(
        c,
        90002,
        `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
        now(),
      );
    // From here on, errors go back to the (registered) redirect URI, as Entra does.
    const fail = (error: string, code: number, message: string) => {
      const body = entraErrorBody({ error, code, message }, now(), errorUri);
      return c.redirect(
        redirectTo(q.redirect_uri!, {
          error,
          error_description: body.error_description,
          error_uri: body.error_uri,
          state: q.state,
        }),
        302,
      );
    };
    if (!q.response_type)
      return fail(
        'invalid_request',
        900144,
        "The request body must contain the following parameter: 'response_type'.",
      );
    if (q.response_type !== 'code')
      return fail(
        'unsupported_response_type',
        700054,
        `response_type '${q.response_type}' is not enabled for the application.`,
      );
    if (q.response_mode && q.response_mode !== 'query')
      return fail(
        'invalid_request',
        900144,
        `The sandbox answers with response_mode 'query' only, not '${q.response_mode}'.`,
      );
    if (!q.scope)
      return fail(
        'invalid_request',
        900144,
        "The request body must contain the following parameter: 'scope'.",
      );
    const scopes = parseEntraScopes(q.scope);
    if (!scopes.ok) return fail('invalid_scope', scopes.code, scopes.message);
    const method = q.code_challenge_method ?? (q.code_challenge ? 'plain' : undefined);
    if (client.requirePkce && !q.code_challenge)
      return fail(
        'invalid_request',
        9002325,
        'Proof Key for Code Exchange is required for cross-origin authorization code redemption.',
      );
    if (q.code_challenge && method !== 'S256')
      return fail('invalid_request', 50149, 'Invalid Code_Challenge_method parameter.');
    if (q.prompt === 'none')
      return fail(
        'login_required',
        50058,
        "A silent sign-in request was sent but no user is signed in. The cookies used to represent the user's session were not sent in the request to Microsoft Entra ID.",
      );
    const requestId = pending.add({
      tenant,
      client,
      redirectUri: q.redirect_uri,
      state: q.state,
      oidc: scopes.oidc,
      resource: scopes.resource,
      resourceScopes: scopes.resourceScopes,
      codeChallenge: q.code_challenge ?? null,
      nonce: q.nonce ?? null,
    });
    const hint = q.login_hint?.toLowerCase();
    return c.html(
      consentPage({
        providerName: 'Microsoft',
        appName: client.name,
        action: authorizePath(tenant),
        requestId,
        accounts,
        selected: accounts.find((u) => u.email === hint)?.id ?? accounts[0]?.id,
        permissions: [...scopes.oidc, ...scopes.resourceScopes].map(describeMicrosoftScope),
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
