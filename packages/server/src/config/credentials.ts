/**
 * Are the client id and secret the ones the provider knows? Doctor redeems a made-up authorization
 * code at the token endpoint: the provider authenticates the client before it looks at the code, so
 * `invalid_grant` means the client id and secret (and, for Entra, the tenant) are right, and
 * `invalid_client` / `unauthorized_client` say which one is not. Nothing is granted either way.
 */
import { type Check, check } from './check';
import type { GoogleConfig, MicrosoftConfig, ServerConfig } from './config';
import { googleOAuthEndpoints, redirectUri } from './config';

export interface CredentialProbeDeps {
  fetch: typeof fetch;
  timeoutMs?: number;
}

const PROBE_CODE = 'sendwell-doctor-probe';
/** Entra's AADSTS codes for a wrong, missing or expired secret; an app or tenant it does not know. */
const BAD_SECRET = [7000215, 7000218, 7000222];
const UNKNOWN_APP = 700016;
const UNKNOWN_TENANT = [90002, 900023];
const MAX_TENANTS_PROBED = 10;

type TokenAnswer =
  | { kind: 'answered'; error: string; description: string; codes: number[] }
  | { kind: 'unreachable'; reason: string };

async function redeemProbeCode(url: string, form: Record<string, string>, deps: CredentialProbeDeps) {
  try {
    const response = await deps.fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code: PROBE_CODE, ...form }),
      signal: AbortSignal.timeout(deps.timeoutMs ?? 5000),
    });
    const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    const description = typeof body.error_description === 'string' ? body.error_description : '';
    return {
      kind: 'answered',
      error: typeof body.error === 'string' ? body.error : `HTTP ${response.status}`,
      // Entra's description ends with "\r\nTrace ID: …"; the first line is the part to show.
      description: description.split(/\r?\n/)[0] ?? '',
      codes: Array.isArray(body.error_codes) ? body.error_codes.filter((c) => typeof c === 'number') : [],
    } satisfies TokenAnswer;
  } catch (error) {
    return {
      kind: 'unreachable',
      reason: error instanceof Error ? error.message : String(error),
    } satisfies TokenAnswer;
  }
}

async function microsoftCredentialsCheck(
  config: ServerConfig,
  ms: MicrosoftConfig,
  deps: CredentialProbeDeps,
): Promise<Check> {
  const fix = `Check SENDWELL_MS_CLIENT_ID (the app's Application (client) ID), SENDWELL_MS_CLIENT_SECRET (a current secret's Value, under Certificates & secrets) and SENDWELL_MS_TENANTS; for another tenant, an admin of it consents at ${ms.authorityHost}/<tenant id>/adminconsent?client_id=${ms.clientId || '<client id>'}`;
  if (!ms.clientId || !ms.clientSecret || ms.tenants.length === 0)
    return check(
      'microsoft-credentials',
      'warning',
      'not tried: the client id, secret or tenants are missing',
      fix,
    );
  const tenants = ms.tenants.slice(0, MAX_TENANTS_PROBED);
  const faults: string[] = [];
  const unreachable: string[] = [];
  for (const tenant of tenants) {
    const answer = await redeemProbeCode(
      `${ms.authorityHost}/${tenant}/oauth2/v2.0/token`,
      {
        client_id: ms.clientId,
        client_secret: ms.clientSecret,
        redirect_uri: redirectUri(config.baseUrl, 'microsoft'),
        scope: 'openid',
      },
      deps,
    );
    if (answer.kind === 'unreachable') unreachable.push(`${tenant}: ${answer.reason}`);
    else if (answer.error !== 'invalid_grant') faults.push(`${tenant}: ${entraFault(answer)}`);
  }
  if (faults.length > 0) return check('microsoft-credentials', 'problem', faults.join('; '), fix);
  if (unreachable.length > 0)
    return check('microsoft-credentials', 'warning', `not verified: ${unreachable.join('; ')}`, fix);
  return check(
    'microsoft-credentials',
    'ok',
    `${ms.authorityHost} knows the client id and accepts the secret in ${tenants.length} tenant(s)`,
    fix,
  );
}

function entraFault(answer: Extract<TokenAnswer, { kind: 'answered' }>): string {
  const has = (codes: number[]) => answer.codes.some((c) => codes.includes(c));
  const what = has(BAD_SECRET)
    ? 'the client secret is wrong or expired'
    : has([UNKNOWN_APP])
      ? 'the app is unknown in this tenant (wrong client id, or nobody there has consented yet)'
      : has(UNKNOWN_TENANT)
        ? 'no such tenant'
        : `unexpected answer ${answer.error}`;
  return answer.description ? `${what} (${answer.description})` : what;
}

async function googleCredentialsCheck(
  config: ServerConfig,
  g: GoogleConfig,
  deps: CredentialProbeDeps,
): Promise<Check> {
  const fix =
    'Google Cloud console → APIs & Services → Credentials → your OAuth client (Web application): copy its Client ID into SENDWELL_GOOGLE_CLIENT_ID and a current client secret into SENDWELL_GOOGLE_CLIENT_SECRET';
  if (!g.clientId || !g.clientSecret)
    return check('google-credentials', 'warning', 'not tried: the client id or secret is missing', fix);
  const answer = await redeemProbeCode(
    googleOAuthEndpoints(g).tokenUrl,
    {
      client_id: g.clientId,
      client_secret: g.clientSecret,
      redirect_uri: redirectUri(config.baseUrl, 'google'),
    },
    deps,
  );
  if (answer.kind === 'unreachable')
    return check('google-credentials', 'warning', `not verified: ${g.oauthUrl} ${answer.reason}`, fix);
  if (answer.error === 'invalid_grant')
    return check('google-credentials', 'ok', `${g.oauthUrl} knows the client id and accepts the secret`, fix);
  const what =
    answer.error === 'invalid_client'
      ? 'the client id or secret is wrong'
      : `unexpected answer ${answer.error}`;
  return check(
    'google-credentials',
    'problem',
    answer.description ? `${what} (${answer.description})` : what,
    fix,
  );
}

/** Both probes, for the providers that are configured. */
export async function credentialsChecks(config: ServerConfig, deps: CredentialProbeDeps): Promise<Check[]> {
  return [
    ...(config.microsoft ? [await microsoftCredentialsCheck(config, config.microsoft, deps)] : []),
    ...(config.google ? [await googleCredentialsCheck(config, config.google, deps)] : []),
  ];
}
