import type { Context } from 'hono';
import type { SandboxContext } from '../../context';
import { findClient, type OAuthClientRegistration, type OAuthClients } from './clients';
import { googleTokenResponse } from './googleTokens';
import { pkceMatches } from './grants';
import { clientCredentials, formBody } from './protocol';

const EXPIRED_OR_REVOKED = 'Token has been expired or revoked.';

type Bad = (error: string, description: string, status?: 400 | 401) => Response;

/** `POST /token` as oauth2.googleapis.com answers it: `{error, error_description}` on failure. */
export async function googleTokenHandler(c: Context, ctx: SandboxContext, clients: OAuthClients) {
  const form = await formBody(c);
  const creds = clientCredentials(c.req.header('authorization'), form);
  const bad: Bad = (error, description, status = 400) =>
    c.json({ error, error_description: description }, status);
  if (!creds.clientId) return bad('invalid_request', 'Could not determine client ID from request.');
  const client = findClient(clients, 'google', creds.clientId);
  if (!client) return bad('invalid_client', 'The OAuth client was not found.', 401);
  if (creds.clientSecret !== client.clientSecret) return bad('invalid_client', 'Unauthorized', 401);
  if (form.grant_type === 'authorization_code') return redeemCode(c, ctx, client, form, bad);
  if (form.grant_type === 'refresh_token') return refresh(c, ctx, client, form, bad);
  return bad('unsupported_grant_type', `Invalid grant_type: ${form.grant_type ?? ''}`);
}

async function redeemCode(
  c: Context,
  ctx: SandboxContext,
  client: OAuthClientRegistration,
  form: Record<string, string>,
  bad: Bad,
) {
  const grants = ctx.identity.grants;
  if (!form.code) return bad('invalid_request', 'Missing required parameter: code');
  const redeemed = grants.redeemCode(form.code);
  if (!redeemed.ok || redeemed.code.clientId !== client.clientId)
    return bad('invalid_grant', form.code.startsWith('4/') ? 'Bad Request' : 'Malformed auth code.');
  const code = redeemed.code;
  if (form.redirect_uri !== code.redirectUri) return bad('redirect_uri_mismatch', 'Bad Request');
  if (code.codeChallenge && !form.code_verifier) return bad('invalid_grant', 'Missing code verifier.');
  if (code.codeChallenge && !pkceMatches(code.codeChallenge, form.code_verifier!))
    return bad('invalid_grant', 'Invalid code verifier.');
  const grant = grants.grant(code.grantId);
  if (!grant) return bad('invalid_grant', EXPIRED_OR_REVOKED);
  if (code.offline) grant.offlineIssued = true;
  const user = ctx.identity.user(code.userId);
  return c.json(
    await googleTokenResponse(ctx.identity, {
      grant,
      user,
      scopes: code.scopes,
      withRefreshToken: code.offline,
      nonce: code.nonce,
    }),
  );
}

async function refresh(
  c: Context,
  ctx: SandboxContext,
  client: OAuthClientRegistration,
  form: Record<string, string>,
  bad: Bad,
) {
  if (!form.refresh_token) return bad('invalid_request', 'Missing required parameter: refresh_token');
  const check = ctx.identity.grants.checkRefreshToken(form.refresh_token, client.clientId);
  if (!check.ok) return bad('invalid_grant', check.reason === 'unknown' ? 'Bad Request' : EXPIRED_OR_REVOKED);
  const { grant } = check;
  // Google does not rotate: the answer carries no refresh_token and the old one keeps working.
  return c.json(
    await googleTokenResponse(ctx.identity, {
      grant,
      user: ctx.identity.user(grant.userId),
      scopes: grant.scopes,
      withRefreshToken: false,
    }),
  );
}
