import { answerConsent } from '../../testing/consent';
import type { Harness } from '../../testing/harness';
import { basicAuth, pkcePair, postForm, urlWith } from '../../testing/oauth';

export const APP = 'http://127.0.0.1:3999';
export const MS_REDIRECT = `${APP}/connect/callback/microsoft`;
export const MS_SCOPES =
  'openid profile email offline_access https://graph.microsoft.com/Mail.Send https://graph.microsoft.com/Mail.Read';

/** Drives Entra's endpoints in a harness sandbox the way Sendwell's client does (fetch, no SDK). */
export function entraKit(h: () => Harness) {
  const client = () => h().sandbox.oauthClients.microsoft;
  const tenantOf = (userId: string) => h().sandbox.users.find((u) => u.id === userId)!.tenantId;
  const authorizeUrl = (params: Record<string, string>, tenant = tenantOf('ava')) =>
    urlWith(`${h().sandbox.microsoft.authorityHost}/${tenant}/oauth2/v2.0/authorize`, params);
  const params = (challenge: string, extra: Record<string, string> = {}) => ({
    client_id: client().clientId,
    response_type: 'code',
    redirect_uri: MS_REDIRECT,
    scope: MS_SCOPES,
    state: 'st-1',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    login_hint: 'ava@contoso.test',
    ...extra,
  });
  const token = (form: Record<string, string>, auth: 'post' | 'basic' = 'post', tenant = tenantOf('ava')) =>
    postForm(
      `${h().sandbox.microsoft.authorityHost}/${tenant}/oauth2/v2.0/token`,
      auth === 'post'
        ? { client_id: client().clientId, client_secret: client().clientSecret, ...form }
        : form,
      auth === 'basic' ? basicAuth(client().clientId, client().clientSecret) : {},
    );
  /** Consent (as `account`) and answer the code, its verifier and the redirect. */
  const codeFor = async (extra: Record<string, string> = {}, account?: string) => {
    const { verifier, challenge } = pkcePair();
    const location = new URL(await answerConsent(authorizeUrl(params(challenge, extra)), { account }));
    return { code: location.searchParams.get('code')!, verifier, location };
  };
  const redeem = async (extra: Record<string, string> = {}, account?: string) => {
    const { code, verifier } = await codeFor(extra, account);
    const res = await token({
      grant_type: 'authorization_code',
      code,
      redirect_uri: MS_REDIRECT,
      code_verifier: verifier,
    });
    return res.json();
  };
  const graphMe = (accessToken: string) =>
    fetch(`${h().sandbox.microsoft.graphBaseUrl}/me`, {
      headers: { Authorization: `Bearer ${accessToken}` },
    });
  return { client, tenantOf, authorizeUrl, params, token, codeFor, redeem, graphMe };
}

/** Entra's error body: AADSTS line, trace/correlation ids and timestamp, in the description and beside it. */
export const ENTRA_DESCRIPTION =
  /^AADSTS(\d+): .+\r\nTrace ID: [0-9a-f-]{36}\r\nCorrelation ID: [0-9a-f-]{36}\r\nTimestamp: \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/s;
