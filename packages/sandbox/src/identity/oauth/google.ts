import { type Context, Hono } from 'hono';
import type { SandboxContext } from '../../context';
import type { SandboxUser } from '../../users';
import { findClient, type OAuthClientRegistration, type OAuthClients } from './clients';
import { consentPage, errorPage } from './consentPage';
import { googleTokenHandler } from './googleTokenEndpoint';
import { userInfo } from './googleTokens';
import { formBody, PendingRequests, redirectTo } from './protocol';
import { describeGoogleScope, isKnownGoogleScope, normalizeGoogleScope } from './scopes';

interface PendingAuthorization {
  client: OAuthClientRegistration;
  redirectUri: string;
  state: string | undefined;
  scopes: string[];
  codeChallenge: string | null;
  offline: boolean;
  forceConsent: boolean;
  includeGranted: boolean;
  /** OIDC `nonce`, echoed in the ID token as Google does. */
  nonce: string | null;
}

/** "Access blocked: … Error 400: redirect_uri_mismatch", as accounts.google.com shows it. */
function googleErrorPage(c: Context, status: 400 | 401, error: string, detail: string) {
  return c.html(
    errorPage('Error', `Error ${status}: ${error}`, [detail, `Request details: error=${error}`]),
    status,
  );
}

function parseAuthorizeRequest(
  c: Context,
  clients: OAuthClients,
): { ok: true; pending: PendingAuthorization } | { ok: false; response: Response } {
  const q = c.req.query();
  const page = (status: 400 | 401, error: string, detail: string) => ({
    ok: false as const,
    response: googleErrorPage(c, status, error, detail),
  });
  if (!q.client_id) return page(400, 'invalid_request', 'Missing required parameter: client_id');
  const client = findClient(clients, 'google', q.client_id);
  if (!client) return page(401, 'invalid_client', 'The OAuth client was not found.');
  if (!q.redirect_uri || !client.redirectUris.includes(q.redirect_uri))
    return page(
      400,
      'redirect_uri_mismatch',
      `You can't sign in to this app because it doesn't comply with Google's OAuth 2.0 policy. If you're the app developer, register the redirect URI in the Google Cloud Console. redirect_uri=${q.redirect_uri ?? ''}`,
    );
  if (!q.response_type) return page(400, 'invalid_request', 'Required parameter is missing: response_type');
  if (q.response_type !== 'code')
    return page(400, 'unsupported_response_type', `Invalid response_type: ${q.response_type}`);
  if (!q.scope) return page(400, 'invalid_request', 'Missing required parameter: scope');
  const scopes = [...new Set(q.scope.split(/\s+/).filter(Boolean).map(normalizeGoogleScope))];
  const invalid = scopes.filter((s) => !isKnownGoogleScope(s));
  if (invalid.length)
    return page(
      400,
      'invalid_scope',
      `Some requested scopes were invalid. {invalid=[${invalid.join(', ')}]}`,
    );
  if (q.access_type && q.access_type !== 'offline' && q.access_type !== 'online')
    return page(400, 'invalid_request', `Invalid access_type: ${q.access_type}`);
  if (client.requirePkce && !q.code_challenge)
    return page(400, 'invalid_request', 'Missing required parameter: code_challenge');
  if (q.code_challenge && (q.code_challenge_method ?? 'plain') !== 'S256')
    return page(
      400,
      'invalid_request',
      `Invalid code_challenge_method value: ${q.code_challenge_method ?? 'plain'}`,
    );
  return {
    ok: true,
    pending: {
      client,
      redirectUri: q.redirect_uri,
      state: q.state,
      scopes,
      codeChallenge: q.code_challenge ?? null,
      offline: q.access_type === 'offline',
      forceConsent: (q.prompt ?? '').split(' ').includes('consent'),
      includeGranted: q.include_granted_scopes === 'true',
      nonce: q.nonce ?? null,
    },
  };
}

/** Google OAuth 2.0 for web server apps: auth (consent page), token, revoke, userinfo. */
export function googleOAuthRoutes(ctx: SandboxContext, clients: OAuthClients): Hono {
  const app = new Hono();
  const pending = new PendingRequests<PendingAuthorization>(ctx.clock);
  const authorizeUrl = `${ctx.baseUrl}/google/accounts/o/oauth2/v2/auth`;
  const gmailUsers = () => ctx.users.filter((u) => u.provider === 'gmail');

  app.get('/google/accounts/o/oauth2/v2/auth', (c) => {
    const parsed = parseAuthorizeRequest(c, clients);
    if (!parsed.ok) return parsed.response;
    const q = c.req.query();
    if (q.prompt === 'none')
      return c.redirect(
        redirectTo(parsed.pending.redirectUri, { error: 'login_required', state: q.state }),
        302,
      );
    const accounts = gmailUsers().filter((u) => !q.hd || u.email.endsWith(`@${q.hd.toLowerCase()}`));
    const hint = q.login_hint?.toLowerCase();
    return c.html(
      consentPage({
        providerName: 'Google',
        appName: parsed.pending.client.name,
        action: authorizeUrl,
        requestId: pending.add(parsed.pending),
        accounts,
        selected: accounts.find((u) => u.email === hint || u.subject === hint)?.id ?? accounts[0]?.id,
        permissions: parsed.pending.scopes.map(describeGoogleScope),
      }),
    );
  });

  app.post('/google/accounts/o/oauth2/v2/auth', async (c) => {
    const form = await c.req.parseBody();
    const request = pending.take(String(form.request ?? ''));
    if (!request)
      return googleErrorPage(c, 400, 'invalid_request', 'The sign-in request expired. Start again.');
    if (form.decision !== 'accept')
      return c.redirect(
        redirectTo(request.redirectUri, { error: 'access_denied', state: request.state }),
        302,
      );
    const user = gmailUsers().find((u) => u.id === form.account);
    if (!user) return googleErrorPage(c, 400, 'invalid_request', "Couldn't find your Google Account.");
    return c.redirect(consentRedirect(ctx, request, user), 302);
  });

  app.post('/google/oauth2/token', async (c) => googleTokenHandler(c, ctx, clients));

  app.post('/google/oauth2/revoke', async (c) => {
    const form = await formBody(c);
    const token = c.req.query('token') ?? form.token ?? '';
    if (!token || !ctx.identity.grants.revokeByToken(token))
      return c.json({ error: 'invalid_token', error_description: 'Token expired or revoked' }, 400);
    return c.json({}, 200);
  });

  app.get('/google/openidconnect/v1/userinfo', (c) => {
    const token = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '')?.[1]?.trim() ?? '';
    const check = ctx.identity.checkGoogleAccessToken(token);
    if (!check.ok) {
      c.header('WWW-Authenticate', 'Bearer realm="https://accounts.google.com/", error="invalid_token"');
      return c.json({ error: 'invalid_request', error_description: 'Invalid Credentials' }, 401);
    }
    return c.json(userInfo(check.user));
  });
  return app;
}

/** Consent recorded, code issued: back to the app with `code`, `scope` and Google's extra params. */
function consentRedirect(ctx: SandboxContext, request: PendingAuthorization, user: SandboxUser): string {
  const grants = ctx.identity.grants;
  const before = grants.liveGrant(user.id, 'google', request.client.clientId);
  const grant = grants.consent(user.id, 'google', request.client.clientId, request.scopes);
  const scopes = request.includeGranted ? grant.scopes : request.scopes;
  // A refresh token only for offline access, the first time or when consent was forced again.
  const offline = request.offline && (!before?.offlineIssued || request.forceConsent);
  const code = grants.issueCode(
    {
      grantId: grant.id,
      userId: user.id,
      clientId: request.client.clientId,
      redirectUri: request.redirectUri,
      codeChallenge: request.codeChallenge,
      scopes,
      offline,
      nonce: request.nonce,
    },
    '4/0A',
  );
  return redirectTo(request.redirectUri, {
    state: request.state,
    code,
    scope: scopes.join(' '),
    authuser: '0',
    hd: user.email.split('@')[1],
    prompt: 'consent',
  });
}
