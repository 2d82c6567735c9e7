import { createHash } from 'node:crypto';
import type { SandboxUser } from '../../users';
import { REFRESH_PREFIX, type SandboxIdentity } from '../identity';
import type { Grant } from './grants';

const GOOGLE_EXPIRES_IN = 3599;

/** OIDC `at_hash`: the left half of SHA-256 of the access token, base64url. */
function atHash(accessToken: string): string {
  const digest = createHash('sha256').update(accessToken).digest();
  return digest.subarray(0, digest.length / 2).toString('base64url');
}

/**
 * Google's token answer: an opaque `ya29.` access token, `refresh_token` only when this exchange
 * grants offline access (never on a refresh: Google does not rotate), an ID token when `openid`
 * is among the scopes.
 */
export async function googleTokenResponse(
  identity: SandboxIdentity,
  input: {
    grant: Grant;
    user: SandboxUser;
    scopes: string[];
    withRefreshToken: boolean;
    /** The authorization request's nonce (code exchanges only; refreshed ID tokens carry none). */
    nonce?: string | null;
  },
) {
  const { grant, user, scopes } = input;
  const accessToken = identity.issueGoogleAccessToken(user.id, grant.id);
  const domain = user.email.split('@')[1]!;
  const idToken = scopes.includes('openid')
    ? await identity.signGoogle({
        iss: identity.googleIssuer,
        azp: grant.clientId,
        aud: grant.clientId,
        sub: user.subject,
        hd: domain,
        ...(scopes.includes('https://www.googleapis.com/auth/userinfo.email')
          ? { email: user.email, email_verified: true }
          : {}),
        ...(scopes.includes('https://www.googleapis.com/auth/userinfo.profile') ? { name: user.name } : {}),
        ...(input.nonce ? { nonce: input.nonce } : {}),
        at_hash: atHash(accessToken),
      })
    : undefined;
  return {
    access_token: accessToken,
    expires_in: GOOGLE_EXPIRES_IN,
    ...(input.withRefreshToken
      ? { refresh_token: identity.grants.issueRefreshToken(grant.id, REFRESH_PREFIX.google) }
      : {}),
    scope: scopes.join(' '),
    token_type: 'Bearer',
    ...(idToken ? { id_token: idToken } : {}),
  };
}

/** The userinfo document (`/v1/userinfo`) of a Workspace user. */
export function userInfo(user: SandboxUser) {
  const [given, ...family] = user.name.split(' ');
  return {
    sub: user.subject,
    name: user.name,
    given_name: given,
    family_name: family.join(' '),
    email: user.email,
    email_verified: true,
    hd: user.email.split('@')[1],
  };
}
