import { answerConsent } from '../../testing/consent';
import type { Harness } from '../../testing/harness';
import { pkcePair, postForm, urlWith } from '../../testing/oauth';
import { APP } from './entraTestKit';

export const GOOGLE_REDIRECT = `${APP}/connect/callback/google`;
export const GMAIL_SEND = 'https://www.googleapis.com/auth/gmail.send';

/** Drives Google's endpoints in a harness sandbox with plain HTTP. */
export function googleKit(h: () => Harness) {
  const client = () => h().sandbox.oauthClients.google;
  const params = (challenge: string, extra: Record<string, string> = {}) => ({
    client_id: client().clientId,
    redirect_uri: GOOGLE_REDIRECT,
    response_type: 'code',
    scope: `openid email ${GMAIL_SEND}`,
    state: 'g-1',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    access_type: 'offline',
    login_hint: 'gus@acme.test',
    ...extra,
  });
  const authUrl = (p: Record<string, string>) =>
    urlWith(`${h().sandbox.google.accountsUrl}/o/oauth2/v2/auth`, p);
  const token = (form: Record<string, string>) =>
    postForm(`${h().sandbox.google.oauthUrl}/token`, {
      client_id: client().clientId,
      client_secret: client().clientSecret,
      ...form,
    });
  const codeFor = async (extra: Record<string, string> = {}, account?: string) => {
    const { verifier, challenge } = pkcePair();
    const location = new URL(await answerConsent(authUrl(params(challenge, extra)), { account }));
    return { code: location.searchParams.get('code')!, verifier, location };
  };
  const redeem = async (extra: Record<string, string> = {}, account?: string) => {
    const { code, verifier } = await codeFor(extra, account);
    return (
      await token({
        grant_type: 'authorization_code',
        code,
        redirect_uri: GOOGLE_REDIRECT,
        code_verifier: verifier,
      })
    ).json();
  };
  const gmailProfile = (accessToken: string) =>
    fetch(`${h().sandbox.google.rootUrl}gmail/v1/users/me/profile`, {
      headers: { Authorization: `Bearer ${accessToken}` },
    });
  return { client, params, authUrl, token, codeFor, redeem, gmailProfile };
}
