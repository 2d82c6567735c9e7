/** The settings checks of each real provider: Entra app registration and Google OAuth client. */
import { AZURE_APP, type Check, check, GOOGLE_CREDENTIALS, isLoopback } from './check';
import type { GoogleConfig, MicrosoftConfig } from './config';
import { defaultApiAudience, GOOGLE_DEFAULTS, MICROSOFT_DEFAULTS } from './config';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const CONSUMER_GMAIL = new Set(['gmail.com', 'googlemail.com']);

export function microsoftChecks(ms: MicrosoftConfig, baseUrl: string): Check[] {
  const idFix = `${AZURE_APP} → Overview: copy "Application (client) ID" into SENDWELL_MS_CLIENT_ID`;
  const secretFix = `${AZURE_APP} → Certificates & secrets → New client secret: copy its Value (not its Secret ID) into SENDWELL_MS_CLIENT_SECRET`;
  return [
    !ms.clientId
      ? check('microsoft-client-id', 'problem', 'SENDWELL_MS_CLIENT_ID is not set', idFix)
      : !GUID.test(ms.clientId)
        ? check(
            'microsoft-client-id',
            'problem',
            `SENDWELL_MS_CLIENT_ID "${ms.clientId}" is not a GUID`,
            idFix,
          )
        : check('microsoft-client-id', 'ok', ms.clientId, idFix),
    !ms.clientSecret
      ? check('microsoft-client-secret', 'problem', 'SENDWELL_MS_CLIENT_SECRET is not set', secretFix)
      : GUID.test(ms.clientSecret)
        ? check(
            'microsoft-client-secret',
            'problem',
            "SENDWELL_MS_CLIENT_SECRET looks like the secret's ID (a GUID), not its Value",
            secretFix,
          )
        : check('microsoft-client-secret', 'ok', 'set (not shown)', secretFix),
    audienceCheck(ms, baseUrl),
    tenantsCheck(ms.tenants),
    endpointsCheck(
      'microsoft-endpoints',
      {
        SENDWELL_MS_AUTHORITY: ms.authorityHost,
        SENDWELL_MS_GRAPH_URL: ms.graphBaseUrl,
      },
      {
        SENDWELL_MS_AUTHORITY: MICROSOFT_DEFAULTS.authorityHost,
        SENDWELL_MS_GRAPH_URL: MICROSOFT_DEFAULTS.graphBaseUrl,
      },
    ),
  ];
}

function audienceCheck(ms: MicrosoftConfig, baseUrl: string): Check {
  const expected = defaultApiAudience(baseUrl, ms.clientId || '<client id>');
  const fix = `${AZURE_APP} → Expose an API → Application ID URI: set it to ${expected}, add the scope access_as_user, and authorize the Office client ids; leave SENDWELL_MS_AUDIENCE unset (or set it to that URI)`;
  if (!ms.clientId)
    return check('microsoft-api-audience', 'ok', 'checked once SENDWELL_MS_CLIENT_ID is set', fix);
  // Tokens carry exactly this string in `aud`: not a URI at all can never match. Entra also
  // accepts other forms (https:// on a verified domain, api://<anything>), so those only warn.
  if (!URL.canParse(ms.apiAudience) || /\s/.test(ms.apiAudience))
    return check(
      'microsoft-api-audience',
      'problem',
      `SENDWELL_MS_AUDIENCE "${ms.apiAudience}" is not an application ID URI`,
      fix,
    );
  if (!ms.apiAudience.startsWith('api://') || !ms.apiAudience.includes(ms.clientId))
    return check(
      'microsoft-api-audience',
      'warning',
      `${ms.apiAudience} is not of Office's form api://<host>/<client id> (expected ${expected})`,
      fix,
    );
  if (ms.apiAudience !== expected)
    return check(
      'microsoft-api-audience',
      'warning',
      `${ms.apiAudience} differs from ${expected} (the host of SENDWELL_BASE_URL): make sure the app's Application ID URI is exactly this value`,
      fix,
    );
  return check(
    'microsoft-api-audience',
    'ok',
    `${ms.apiAudience} (scope ${ms.apiAudience}/access_as_user)`,
    fix,
  );
}

function tenantsCheck(tenants: string[]): Check {
  const fix =
    'Microsoft Entra admin center → Overview: copy each customer\'s "Tenant ID" into SENDWELL_MS_TENANTS (comma separated GUIDs; names like contoso.onmicrosoft.com or "common" are not accepted)';
  if (tenants.length === 0)
    return check('microsoft-tenants', 'problem', 'SENDWELL_MS_TENANTS is empty: no tenant may sign in', fix);
  const invalid = tenants.filter((t) => !GUID.test(t));
  if (invalid.length > 0)
    return check('microsoft-tenants', 'problem', `not tenant GUIDs: ${invalid.join(', ')}`, fix);
  return check('microsoft-tenants', 'ok', `${tenants.length} tenant(s): ${tenants.join(', ')}`, fix);
}

export function googleChecks(g: GoogleConfig): Check[] {
  const idFix = `${GOOGLE_CREDENTIALS} → Create credentials → OAuth client ID (Web application): copy "Client ID" into SENDWELL_GOOGLE_CLIENT_ID`;
  const secretFix = `${GOOGLE_CREDENTIALS} → your OAuth client → Client secrets: copy the secret into SENDWELL_GOOGLE_CLIENT_SECRET`;
  return [
    !g.clientId
      ? check('google-client-id', 'problem', 'SENDWELL_GOOGLE_CLIENT_ID is not set', idFix)
      : !g.clientId.endsWith('.apps.googleusercontent.com')
        ? check(
            'google-client-id',
            'warning',
            `SENDWELL_GOOGLE_CLIENT_ID "${g.clientId}" does not end in .apps.googleusercontent.com`,
            idFix,
          )
        : check('google-client-id', 'ok', g.clientId, idFix),
    g.clientSecret
      ? check('google-client-secret', 'ok', 'set (not shown)', secretFix)
      : check('google-client-secret', 'problem', 'SENDWELL_GOOGLE_CLIENT_SECRET is not set', secretFix),
    serviceAccountCheck(g.serviceAccountEmail),
    domainsCheck(g.domains),
    endpointsCheck(
      'google-endpoints',
      {
        SENDWELL_GOOGLE_ACCOUNTS_URL: g.accountsUrl,
        SENDWELL_GOOGLE_OAUTH_URL: g.oauthUrl,
        SENDWELL_GOOGLE_OPENID_URL: g.openIdUrl,
        SENDWELL_GOOGLE_CERTS_URL: g.certsUrl,
        SENDWELL_GOOGLE_ISSUER: g.issuer,
        SENDWELL_GMAIL_URL: g.gmailRootUrl,
      },
      {
        SENDWELL_GOOGLE_ACCOUNTS_URL: GOOGLE_DEFAULTS.accountsUrl,
        SENDWELL_GOOGLE_OAUTH_URL: GOOGLE_DEFAULTS.oauthUrl,
        SENDWELL_GOOGLE_OPENID_URL: GOOGLE_DEFAULTS.openIdUrl,
        SENDWELL_GOOGLE_CERTS_URL: GOOGLE_DEFAULTS.certsUrl,
        SENDWELL_GOOGLE_ISSUER: GOOGLE_DEFAULTS.issuer,
        SENDWELL_GMAIL_URL: GOOGLE_DEFAULTS.gmailRootUrl,
      },
    ),
  ];
}

function serviceAccountCheck(email: string | null): Check {
  const fix =
    "Run `gcloud workspace-add-ons get-authorization` in the add-on's Cloud project and copy its serviceAccountEmail into SENDWELL_GOOGLE_SERVICE_ACCOUNT";
  if (!email)
    return check(
      'google-service-account',
      'problem',
      'SENDWELL_GOOGLE_SERVICE_ACCOUNT is not set: the Gmail add-on’s requests cannot be verified',
      fix,
    );
  if (!EMAIL.test(email))
    return check('google-service-account', 'problem', `"${email}" is not an email address`, fix);
  if (!email.endsWith('@gcp-sa-gsuiteaddons.iam.gserviceaccount.com'))
    return check(
      'google-service-account',
      'warning',
      `${email} is not an add-on service account (service-<project number>@gcp-sa-gsuiteaddons.iam.gserviceaccount.com)`,
      fix,
    );
  return check('google-service-account', 'ok', email, fix);
}

function domainsCheck(domains: string[]): Check {
  const fix =
    'Set SENDWELL_GOOGLE_DOMAINS to your Workspace primary domain(s), comma separated (Google Admin console → Account → Domains)';
  if (domains.length === 0)
    return check(
      'google-domains',
      'problem',
      'SENDWELL_GOOGLE_DOMAINS is empty: no Workspace user may sign in',
      fix,
    );
  const invalid = domains.filter((d) => !DOMAIN.test(d) || CONSUMER_GMAIL.has(d));
  if (invalid.length > 0)
    return check(
      'google-domains',
      'problem',
      `not Workspace domains: ${invalid.join(', ')} (consumer Gmail accounts have no Workspace domain)`,
      fix,
    );
  return check('google-domains', 'ok', domains.join(', '), fix);
}

function endpointsCheck(
  id: 'microsoft-endpoints' | 'google-endpoints',
  urls: Record<string, string>,
  defaults: Record<string, string>,
): Check {
  const fix = `Unset ${Object.keys(urls).join(', ')} to use the providers' real endpoints (they are for tests against the sandbox)`;
  const faults = Object.entries(urls).flatMap(([name, url]) => {
    if (!URL.canParse(url)) return [`${name} "${url}" is not a URL`];
    const parsed = new URL(url);
    if (parsed.protocol === 'https:' || (parsed.protocol === 'http:' && isLoopback(parsed.hostname)))
      return [];
    return [`${name} ${url} is not HTTPS`];
  });
  if (faults.length > 0) return check(id, 'problem', faults.join('; '), fix);
  const overridden = Object.keys(urls).filter((name) => urls[name] !== defaults[name]);
  const message =
    overridden.length === 0
      ? "the providers' real endpoints"
      : `overridden: ${overridden.map((name) => `${name}=${urls[name]}`).join(', ')}`;
  return check(id, 'ok', message, fix);
}
