import type { Context } from 'hono';
import type { SandboxContext } from '../../context';
import { findClient, type OAuthClientRegistration, type OAuthClients } from './clients';
import { entraJsonError, notConsented } from './entraErrors';
import { entraTokenResponse, qualifyEntraScope } from './entraTokens';
import { pkceMatches } from './grants';
import { clientCredentials, formBody } from './protocol';
import { parseEntraScopes } from './scopes';

/** `POST /{tenant}/oauth2/v2.0/token`: client authentication, then the code or refresh-token grant. */
export async function entraTokenHandler(
  c: Context,
  ctx: SandboxContext,
  clients: OAuthClients,
  errorUri: string,
) {
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
  if (!grant) return fail(400, 'invalid_grant', 65001, notConsented(client), 'consent_required');
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
      return fail(400, 'invalid_grant', 65001, notConsented(client), 'consent_required');
    if (check.reason === 'password')
      return fail(
        400,
        'invalid_grant',
        50173,
        `The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password. The grant was issued on '${check.issuedAt!.toISOString()}' and the TokensValidFrom date (before which tokens are not valid) for this user is '${check.validFrom!.toISOString()}'.`,
        'bad_token',
      );
    if (check.reason === 'inactive')
      return fail(
        400,
        'invalid_grant',
        700082,
        `The refresh token has expired due to inactivity. The token was issued on ${check.issuedAt!.toISOString()} and was inactive for ${Math.floor(check.inactiveMs! / 86_400_000)}.00:00:00.`,
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
    return fail(400, 'invalid_grant', 65001, notConsented(client), 'consent_required');
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
