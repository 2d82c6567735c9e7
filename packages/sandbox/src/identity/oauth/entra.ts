import { randomUUID } from 'node:crypto';
import { type Context, Hono } from 'hono';
import type { SandboxContext } from '../../context';
import type { SandboxUser } from '../../users';
import { findClient, type OAuthClientRegistration, type OAuthClients } from './clients';
import { consentPage } from './consentPage';
import { entraErrorBody, entraErrorPage, entraJsonError } from './entraErrors';
import { entraTokenResponse, qualifyEntraScope } from './entraTokens';
import { pkceMatches } from './grants';
import { clientCredentials, formBody, PendingRequests, redirectTo } from './protocol';
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

const NOT_CONSENTED = (client: OAuthClientRegistration) =>
  `The user or administrator has not consented to use the application with ID '${client.clientId}' named '${client.name}'. Send an interactive authorization request for this user and resource.`;

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

  app.post('/login/:tenant/oauth2/v2.0/token', async (c) => tokenHandler(c, ctx, clients, errorUri));
  return app;
}

async function tokenHandler(c: Context, ctx: SandboxContext, clients: OAuthClients, errorUri: string) {
  const at = ctx.clock.now();
  const fail = (status: 400 | 401, error: string, code: number, message: string, suberror?: string) =>
    entraJsonError(c, status, { error, code, message, suberror }, at, errorUri);
  const form = await formBody(c);
  const creds = clientCredentials(c.req.header('authorization'), form);
  if (!form.grant_type)
    return fail(
      400,
      'invalid_request',
      900144,
      "The request body must contain the following parameter: 'grant_type'.",
    );
  if (!creds.clientId)
    return fail(
      400,
      'invalid_request',
      900144,
      "The request body must contain the following parameter: 'client_id'.",
    );
  const client = findClient(clients, 'microsoft', creds.clientId);
  if (!client)
    return fail(
      400,
      'unauthorized_client',
      700016,
      `Application with identifier '${creds.clientId}' was not found in the directory '${c.req.param('tenant')}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
    );
  if (!creds.clientSecret)
    return fail(
      401,
      'invalid_client',
      7000218,
      "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
    );
  if (creds.clientSecret !== client.clientSecret)
    return fail(
      401,
      'invalid_client',
      7000215,
      `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${client.clientId}'.`,
    );
  if (form.grant_type === 'authorization_code') return redeemCode(c, ctx, client, form, fail);
  if (form.grant_type === 'refresh_token') return redeemRefreshToken(c, ctx, client, form, fail);
  return fail(
    400,
    'unsupported_grant_type',
    70003,
    `The app requested an unsupported grant type '${form.grant_type}'.`,
  );
}

type Fail = (status: 400 | 401, error: string, code: number, message: string, suberror?: string) => Response;

async function redeemCode(
  c: Context,
  ctx: SandboxContext,
  client: OAuthClientRegistration,
  form: Record<string, string>,
  fail: Fail,
) {
  if (!form.code)
    return fail(
      400,
      'invalid_request',
      900144,
      "The request body must contain the following parameter: 'code'.",
    );
  const redeemed = ctx.identity.grants.redeemCode(form.code);
  if (!redeemed.ok || redeemed.code.clientId !== client.clientId) {
    if (redeemed.ok || redeemed.reason === 'unknown')
      return fail(400, 'invalid_grant', 9002313, 'Invalid request. Request is malformed or invalid.');
    if (redeemed.reason === 'used')
      return fail(
        400,
        'invalid_grant',
        54005,
        'OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.',
      );
    return fail(
      400,
      'invalid_grant',
      70008,
      'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.',
    );
  }
  const code = redeemed.code;
  if (form.redirect_uri !== code.redirectUri)
    return fail(
      400,
      'invalid_grant',
      70000,
      "The provided value for the 'redirect_uri' is not valid. The value must exactly match the redirect URI used to obtain the authorization code.",
    );
  if (code.codeChallenge) {
    if (!form.code_verifier)
      return fail(
        400,
        'invalid_request',
        900144,
        "The request body must contain the following parameter: 'code_verifier'.",
      );
    if (!pkceMatches(code.codeChallenge, form.code_verifier))
      return fail(
        400,
        'invalid_grant',
        501481,
        'The Code_Verifier does not match the code_challenge supplied in the authorization request.',
      );
  }
  const grant = ctx.identity.grants.grant(code.grantId);
  if (!grant) return fail(400, 'invalid_grant', 65001, NOT_CONSENTED(client), 'consent_required');
  const scopes = parseEntraScopes(code.scopes.join(' '));
  if (!scopes.ok) return fail(400, 'invalid_scope', scopes.code, scopes.message);
  return c.json(
    await entraTokenResponse(ctx.identity, {
      grant,
      user: ctx.identity.user(code.userId),
      resource: scopes.resource,
      oidc: scopes.oidc,
      nonce: code.nonce,
      withRefreshToken: code.offline,
    }),
  );
}

async function redeemRefreshToken(
  c: Context,
  ctx: SandboxContext,
  client: OAuthClientRegistration,
  form: Record<string, string>,
  fail: Fail,
) {
  if (!form.refresh_token)
    return fail(
      400,
      'invalid_request',
      900144,
      "The request body must contain the following parameter: 'refresh_token'.",
    );
  const check = ctx.identity.grants.checkRefreshToken(form.refresh_token, client.clientId);
  if (!check.ok) {
    if (check.reason === 'revoked')
      return fail(400, 'invalid_grant', 65001, NOT_CONSENTED(client), 'consent_required');
    if (check.reason === 'password')
      return fail(
        400,
        'invalid_grant',
        50173,
        `The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password. The grant was issued on '${check.issuedAt!.toISOString()}' and the TokensValidFrom date (before which tokens are not valid) for this user is '${check.validFrom!.toISOString()}'.`,
        'bad_token',
      );
    return fail(400, 'invalid_grant', 9002313, 'Invalid request. Request is malformed or invalid.');
  }
  const { grant } = check;
  // No scope: Entra answers for what was consented (Graph's permissions, OIDC as consented).
  const requested = parseEntraScopes(
    form.scope ||
      grant.scopes.filter((s) => !s.includes('/') || s.startsWith('https://graph.microsoft.com/')).join(' '),
  );
  if (!requested.ok) return fail(400, 'invalid_scope', requested.code, requested.message);
  const wanted = [
    ...requested.oidc.filter((s) => s !== 'offline_access'),
    ...requested.resourceScopes.map((s) => qualifyEntraScope(s, requested.resource)),
  ];
  if (!wanted.every((s) => grant.scopes.includes(s)))
    return fail(400, 'invalid_grant', 65001, NOT_CONSENTED(client), 'consent_required');
  return c.json(
    await entraTokenResponse(ctx.identity, {
      grant,
      user: ctx.identity.user(grant.userId),
      resource: requested.resource,
      oidc: requested.oidc,
      nonce: null,
      // Entra rotates: every refresh answers a new refresh token (the old one keeps working).
      withRefreshToken: true,
    }),
  );
}
