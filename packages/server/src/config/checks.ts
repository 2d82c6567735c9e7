/**
 * What `sendwell doctor` checks without touching the network or the database: the settings
 * themselves. `createSendwell` refuses to start on any `problem` here (`configProblems`), so an
 * admin sees the same list from `start` as from `doctor`.
 */
import { existsSync } from 'node:fs';
import type { GoogleConfig, MicrosoftConfig, ServerConfig } from './config';
import {
  defaultApiAudience,
  GOOGLE_DEFAULTS,
  MICROSOFT_DEFAULTS,
  redirectUri,
  secretKeyFile,
} from './config';

export type CheckStatus = 'ok' | 'problem' | 'warning';

export interface Check {
  /** Stable id (scripts and the README refer to it). */
  id: CheckId;
  status: CheckStatus;
  /** What was found. */
  message: string;
  /** How to set it up or fix it: the console step or the environment variable. */
  fix: string;
}

export const CHECK_IDS = [
  'providers',
  'base-url',
  'redirect-uris',
  'secret',
  'microsoft-client-id',
  'microsoft-client-secret',
  'microsoft-api-audience',
  'microsoft-tenants',
  'microsoft-endpoints',
  'google-client-id',
  'google-client-secret',
  'google-service-account',
  'google-domains',
  'google-endpoints',
  'database',
  'manifests',
  'microsoft-credentials',
  'google-credentials',
  'clock-skew',
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const BASE64 = /^(?:[A-Za-z0-9+/]+={0,2}|[A-Za-z0-9_-]+)$/;
const CONSUMER_GMAIL = new Set(['gmail.com', 'googlemail.com']);
const AZURE_APP = 'Azure portal (portal.azure.com) → Microsoft Entra ID → App registrations → Sendwell';
const GOOGLE_CREDENTIALS = 'Google Cloud console → APIs & Services → Credentials';

export function check(id: CheckId, status: CheckStatus, message: string, fix: string): Check {
  return { id, status, message, fix };
}

/** True for localhost, 127.0.0.0/8 and ::1: plain HTTP is acceptable there for a demo. */
export function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127\./.test(host);
}

/** Every settings check for this configuration, in the order doctor prints them. */
export function configChecks(config: ServerConfig, env: NodeJS.ProcessEnv = process.env): Check[] {
  return [
    providersCheck(config),
    baseUrlCheck(config.baseUrl),
    redirectUrisCheck(config),
    secretCheck(config, env),
    ...(config.microsoft ? microsoftChecks(config.microsoft, config.baseUrl) : []),
    ...(config.google ? googleChecks(config.google) : []),
  ];
}

/** The checks that stop `sendwell start` (status `problem`): each says what is wrong and the fix. */
export function configProblems(config: ServerConfig, env: NodeJS.ProcessEnv = process.env): Check[] {
  return configChecks(config, env).filter((c) => c.status === 'problem');
}

/** One readable block for an error message: "- id: message\n  fix: …". */
export function describeChecks(checks: readonly Check[]): string {
  return checks.map((c) => `- ${c.id}: ${c.message}\n  fix: ${c.fix}`).join('\n');
}

function providersCheck(config: ServerConfig): Check {
  const real = [config.microsoft && 'Microsoft 365', config.google && 'Google Workspace'].filter(Boolean);
  return config.providers === 'sandbox'
    ? check(
        'providers',
        'ok',
        'sandbox mailboxes (no SENDWELL_MS_* or SENDWELL_GOOGLE_* settings)',
        'To connect real mailboxes, set the Microsoft and/or Google variables (README: "Running for real").',
      )
    : check(
        'providers',
        'ok',
        `real providers: ${real.join(', ')}`,
        'Unset every SENDWELL_MS_* and SENDWELL_GOOGLE_* variable to go back to the sandbox.',
      );
}

export function baseUrlCheck(baseUrl: string): Check {
  const fix =
    'Serve Sendwell over HTTPS (a reverse proxy with a certificate) and set SENDWELL_BASE_URL=https://sendwell.example.com';
  if (!URL.canParse(baseUrl) || !/^https?:$/.test(new URL(baseUrl).protocol))
    return check('base-url', 'problem', `SENDWELL_BASE_URL is not an http(s) URL: "${baseUrl}"`, fix);
  const url = new URL(baseUrl);
  if (url.protocol === 'https:') return check('base-url', 'ok', `${baseUrl} (HTTPS)`, fix);
  if (isLoopback(url.hostname))
    return check(
      'base-url',
      'warning',
      `${baseUrl} is plain HTTP on this machine: fine for a demo, not for Outlook/Gmail`,
      fix,
    );
  return check(
    'base-url',
    'problem',
    `${baseUrl} is plain HTTP: Outlook, Gmail and the OAuth redirects need HTTPS`,
    fix,
  );
}

function redirectUrisCheck(config: ServerConfig): Check {
  const both = config.providers === 'sandbox';
  const lines: string[] = [];
  const fixes: string[] = [];
  if (both || config.microsoft) {
    const host = URL.canParse(config.baseUrl) ? new URL(config.baseUrl).host : config.baseUrl;
    lines.push(`Microsoft (Web): ${redirectUri(config.baseUrl, 'microsoft')}`);
    lines.push(`Microsoft (Single-page application, for the Outlook pane): brk-multihub://${host}`);
    fixes.push(
      `${AZURE_APP} → Authentication → Add a platform → Web: add the Microsoft (Web) URI; Add a platform → Single-page application: add the brk-multihub URI`,
    );
  }
  if (both || config.google) {
    lines.push(`Google (Web application): ${redirectUri(config.baseUrl, 'google')}`);
    fixes.push(`${GOOGLE_CREDENTIALS} → your OAuth client → Authorized redirect URIs: add the Google URI`);
  }
  const note = both ? ' (the sandbox already knows them)' : '';
  return check(
    'redirect-uris',
    'ok',
    [`register these exactly${note}:`, ...lines].join('\n'),
    fixes.join('. '),
  );
}

export function secretCheck(config: ServerConfig, env: NodeJS.ProcessEnv): Check {
  const fix =
    'Generate one with `openssl rand -base64 32` and set SENDWELL_SECRET to it on every instance (keep the old one in SENDWELL_SECRET_PREVIOUS, then run `sendwell secrets rotate`)';
  const bad = [
    ...(env.SENDWELL_SECRET ? [secretFault('SENDWELL_SECRET', env.SENDWELL_SECRET)] : []),
    ...(env.SENDWELL_SECRET_PREVIOUS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s, i) => secretFault(`SENDWELL_SECRET_PREVIOUS entry ${i + 1}`, s)),
  ].filter((fault): fault is string => fault !== null);
  if (bad.length > 0) return check('secret', 'problem', bad.join('; '), fix);
  if (env.SENDWELL_SECRET) return check('secret', 'ok', 'SENDWELL_SECRET is set (base64, 32+ bytes)', fix);
  const file = secretKeyFile(config.dataDir);
  const where = existsSync(file) ? `the key file ${file}` : `a key file to be generated at ${file}`;
  if (config.providers === 'sandbox') return check('secret', 'ok', `no SENDWELL_SECRET: using ${where}`, fix);
  return check(
    'secret',
    'warning',
    `no SENDWELL_SECRET: using ${where}; several instances must share one secret, and losing the file loses every stored connection`,
    fix,
  );
}

function secretFault(name: string, text: string): string | null {
  const trimmed = text.trim();
  if (!BASE64.test(trimmed)) return `${name} is not base64`;
  const bytes = Buffer.from(trimmed, 'base64').length;
  return bytes < 32 ? `${name} is ${bytes} bytes once decoded; it needs 32 or more` : null;
}

function microsoftChecks(ms: MicrosoftConfig, baseUrl: string): Check[] {
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
  if (!/^api:\/\/\S+$/.test(ms.apiAudience))
    return check(
      'microsoft-api-audience',
      'problem',
      `SENDWELL_MS_AUDIENCE "${ms.apiAudience}" is not an api:// application ID URI`,
      fix,
    );
  if (!ms.apiAudience.includes(ms.clientId))
    return check(
      'microsoft-api-audience',
      'problem',
      `${ms.apiAudience} does not name the client id ${ms.clientId}: Office's nested app authentication needs api://<host>/<client id>`,
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

function googleChecks(g: GoogleConfig): Check[] {
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
