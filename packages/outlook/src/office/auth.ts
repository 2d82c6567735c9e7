/** The audience the Sendwell API accepts for Microsoft access tokens. The one place it is spelled. */
export const SENDWELL_API_AUDIENCE = 'api://sendwell';

/** Signals that this build has no way to get a token yet (shown to the rep, never papered over). */
class AuthNotConfiguredError extends Error {
  constructor() {
    super('Sign-in for Outlook is not configured in this Sendwell build yet.');
    this.name = 'AuthNotConfiguredError';
  }
}

/**
 * Production token seam: MSAL nested app authentication (NAA).
 *
 * TODO(auth): `createNestablePublicClientApplication({ auth: { clientId, authority } })` from
 * `@azure/msal-browser`, then `acquireTokenSilent({ scopes: [`${SENDWELL_API_AUDIENCE}/access_as_user`] })`,
 * falling back to `acquireTokenPopup` on `InteractionRequiredAuthError`. Needs the app registration's
 * client id (and a `brk-multihub://<origin>` redirect URI), which this build does not have.
 * Until then it fails loudly: there is deliberately no fake token here.
 */
export async function naaAccessToken(): Promise<string> {
  throw new AuthNotConfiguredError();
}
