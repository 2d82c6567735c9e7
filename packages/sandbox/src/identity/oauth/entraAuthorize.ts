import type { SandboxUser } from '../../users';
import { findClient, type OAuthClientRegistration, type OAuthClients } from './clients';
import { parseEntraScopes } from './scopes';

/** An authorization request that passed every check, waiting on the consent page. */
export interface PendingAuthorization {
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

/** Why Entra refuses: `page` (it cannot trust the redirect URI) or `redirect` (back to the app). */
export interface EntraRefusal {
  code: number;
  message: string;
  /** Set for refusals sent back to the (registered) redirect URI. */
  error?: string;
}

const missing = (name: string) => `The request body must contain the following parameter: '${name}'.`;

/** The Exchange users of a tenant named by GUID, sandbox name, domain, or common/organizations. */
export function tenantAccounts(users: readonly SandboxUser[], tenant: string): SandboxUser[] | null {
  const exchange = users.filter((u) => u.provider === 'exchange');
  const key = tenant.toLowerCase();
  if (key === 'common' || key === 'organizations') return exchange;
  const found = exchange.filter(
    (u) => u.tenantId === key || u.tenantName === key || u.email.split('@')[1] === key,
  );
  return found.length ? found : null;
}

/** Client, redirect URI and tenant: failures here show Entra's error page, never a redirect. */
export function checkTarget(
  q: Record<string, string>,
  tenant: string,
  clients: OAuthClients,
  users: readonly SandboxUser[],
):
  | { ok: true; client: OAuthClientRegistration; redirectUri: string; accounts: SandboxUser[] }
  | { ok: false; refusal: EntraRefusal } {
  const refuse = (code: number, message: string) => ({ ok: false as const, refusal: { code, message } });
  if (!q.client_id) return refuse(900144, missing('client_id'));
  const client = findClient(clients, 'microsoft', q.client_id);
  if (!client)
    return refuse(
      700016,
      `Application with identifier '${q.client_id}' was not found in the directory '${tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
    );
  if (!q.redirect_uri || !client.redirectUris.includes(q.redirect_uri))
    return refuse(
      50011,
      `The redirect URI '${q.redirect_uri ?? ''}' specified in the request does not match the redirect URIs configured for the application '${client.clientId}'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal.`,
    );
  const accounts = tenantAccounts(users, tenant);
  if (!accounts)
    return refuse(
      90002,
      `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
    );
  return { ok: true, client, redirectUri: q.redirect_uri, accounts };
}

/** The rest of the request; failures here go back to the app's redirect URI with `error`. */
export function checkRequest(
  q: Record<string, string>,
  tenant: string,
  client: OAuthClientRegistration,
): { ok: true; request: PendingAuthorization } | { ok: false; refusal: EntraRefusal } {
  const refuse = (error: string, code: number, message: string) => ({
    ok: false as const,
    refusal: { error, code, message },
  });
  if (!q.response_type) return refuse('invalid_request', 900144, missing('response_type'));
  if (q.response_type !== 'code')
    return refuse(
      'unsupported_response_type',
      700054,
      `response_type '${q.response_type}' is not enabled for the application.`,
    );
  if (q.response_mode && q.response_mode !== 'query')
    return refuse(
      'invalid_request',
      900144,
      `The sandbox answers with response_mode 'query' only, not '${q.response_mode}'.`,
    );
  if (!q.scope) return refuse('invalid_request', 900144, missing('scope'));
  const scopes = parseEntraScopes(q.scope);
  if (!scopes.ok) return refuse('invalid_scope', scopes.code, scopes.message);
  if (client.requirePkce && !q.code_challenge)
    return refuse(
      'invalid_request',
      9002325,
      'Proof Key for Code Exchange is required for cross-origin authorization code redemption.',
    );
  if (q.code_challenge && (q.code_challenge_method ?? 'plain') !== 'S256')
    return refuse('invalid_request', 50149, 'Invalid Code_Challenge_method parameter.');
  if (q.prompt === 'none')
    return refuse(
      'login_required',
      50058,
      "A silent sign-in request was sent but no user is signed in. The cookies used to represent the user's session were not sent in the request to Microsoft Entra ID.",
    );
  return {
    ok: true,
    request: {
      tenant,
      client,
      redirectUri: q.redirect_uri!,
      state: q.state,
      oidc: scopes.oidc,
      resource: scopes.resource,
      resourceScopes: scopes.resourceScopes,
      codeChallenge: q.code_challenge ?? null,
      nonce: q.nonce ?? null,
    },
  };
}
