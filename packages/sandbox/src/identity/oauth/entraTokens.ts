import { createHash } from 'node:crypto';
import { randomToken } from '../../mail/ids';
import type { SandboxUser } from '../../users';
import { GRAPH_AUDIENCE, REFRESH_PREFIX, type SandboxIdentity } from '../identity';
import type { Grant } from './grants';

const OIDC = new Set(['openid', 'profile', 'email', 'offline_access']);

/** Entra token lifetimes: access tokens 60–90 min in reality; the sandbox answers the usual 3599 s. */
const ENTRA_EXPIRES_IN = 3599;

/** `Mail.Send` → `https://graph.microsoft.com/Mail.Send`; OIDC scopes unchanged (how grants store them). */
export function qualifyEntraScope(scope: string, resource: string): string {
  return OIDC.has(scope) ? scope : `${resource}/${scope}`;
}

/** Entra's `sub` is pairwise (per app); `oid` is the user's id in the tenant. */
function pairwiseSubject(oid: string, clientId: string): string {
  return createHash('sha256').update(`${clientId}:${oid}`).digest('base64url').slice(0, 43);
}

export interface EntraTokenRequest {
  grant: Grant;
  user: SandboxUser;
  /** The resource of the requested scopes (Graph when only OIDC scopes were asked). */
  resource: string;
  oidc: string[];
  nonce: string | null;
  /** Answer a (new) refresh token: offline_access is in the grant. */
  withRefreshToken: boolean;
}

/**
 * The token answer Entra v2 gives: every permission consented for the resource (not only those
 * asked this time) in `scope` and in the access token's `scp`, an ID token when `openid` was asked.
 */
export async function entraTokenResponse(identity: SandboxIdentity, req: EntraTokenRequest) {
  const { grant, user, resource } = req;
  const permissions = grant.scopes
    .filter((s) => s.startsWith(`${resource}/`))
    .map((s) => s.slice(resource.length + 1));
  const scp = permissions.length ? permissions : ['User.Read'];
  const sub = pairwiseSubject(user.subject, grant.clientId);
  const uti = randomToken(16);
  const common = {
    iss: identity.microsoftIssuer(user.tenantId),
    tid: user.tenantId,
    oid: user.subject,
    sub,
    name: user.name,
    preferred_username: user.email,
    ver: '2.0',
  };
  const accessToken = await identity.signMicrosoft({
    ...common,
    aud: resource,
    azp: grant.clientId,
    azpacr: '1',
    scp: scp.join(' '),
    uti,
  });
  identity.grants.recordAccessToken(uti, grant.id);
  const oidcGranted = req.oidc.filter((s) => s !== 'offline_access');
  const idToken = req.oidc.includes('openid')
    ? await identity.signMicrosoft({
        ...common,
        aud: grant.clientId,
        ...(req.oidc.includes('email') ? { email: user.email } : {}),
        ...(req.nonce ? { nonce: req.nonce } : {}),
      })
    : undefined;
  const scopeAnswer = [
    ...oidcGranted,
    ...scp.map((s) => (resource === GRAPH_AUDIENCE ? `${GRAPH_AUDIENCE}/${s}` : `${resource}/${s}`)),
  ];
  return {
    token_type: 'Bearer',
    scope: scopeAnswer.join(' '),
    expires_in: ENTRA_EXPIRES_IN,
    ext_expires_in: ENTRA_EXPIRES_IN,
    access_token: accessToken,
    ...(req.withRefreshToken
      ? { refresh_token: identity.grants.issueRefreshToken(grant.id, REFRESH_PREFIX.microsoft) }
      : {}),
    ...(idToken ? { id_token: idToken } : {}),
  };
}
