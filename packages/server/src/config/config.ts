import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { apiTokenDays } from '../auth/apiTokens';

/** Entra ID app registration and endpoints (real Microsoft 365, or the sandbox's look-alikes). */
export interface MicrosoftConfig {
  clientId: string;
  clientSecret: string;
  /** e.g. https://login.microsoftonline.com (no trailing slash); authorize/token live under /{tenant}/. */
  authorityHost: string;
  graphBaseUrl: string;
  /** The app id URI our API accepts on the pane's tokens, `api://<host>/<client id>` by default. */
  apiAudience: string;
  /** Directory (tenant) ids allowed to sign in and connect. */
  tenants: string[];
}

/** Google OAuth client, Google's endpoints and the Workspace domains allowed in. */
export interface GoogleConfig {
  clientId: string;
  clientSecret: string;
  accountsUrl: string;
  oauthUrl: string;
  openIdUrl: string;
  certsUrl: string;
  issuer: string;
  /** Gmail API root, with its trailing slash (what googleapis' `rootUrl` expects). */
  gmailRootUrl: string;
  /** The add-on's service account; its ID tokens sign every add-on request. */
  serviceAccountEmail: string | null;
  /** Workspace domains (the `hd` claim) allowed to sign in and connect. */
  domains: string[];
}

export interface ServerConfig {
  port: number;
  host: string;
  /** Public base URL (what browsers and manifests use). */
  baseUrl: string;
  dataDir: string;
  databaseUrl: string | null;
  /** Sandbox mailboxes stand in for Microsoft and Google when no provider settings are given. */
  providers: 'sandbox' | 'real';
  microsoft: MicrosoftConfig | null;
  google: GoogleConfig | null;
  /** Worker cadence; short in the sandbox so a demo bounce shows within seconds. */
  scanIntervalMs: number;
  senderIntervalMs: number;
  /**
   * How often a live feed stream re-reads the events table when nothing woke it
   * (`SENDWELL_FEED_POLL_MS`, default 2,000): the fallback behind LISTEN/NOTIFY. Optional in test configs.
   */
  feedPollMs?: number;
  /**
   * How long a claimed send stays one worker's before another may take it over (and reconcile with
   * Sent items first): `SENDWELL_SEND_LEASE_MS`, default 2 minutes. The crash bench shortens it so
   * sends in flight at a kill are retried within its run. Optional in configs built by tests.
   */
  sendLeaseMs?: number | null;
  /**
   * The legacy hosted SMTP server ("Sendwell servers", offered only to legacy accounts), from
   * `SENDWELL_LEGACY_SMTP_URL` (smtp://user:pass@host:port, smtps:// for implicit TLS). In the
   * sandbox it is the sandbox's SMTP relay. Optional in configs built by tests.
   */
  legacySmtp?: LegacySmtpConfig | null;
  /**
   * Sandbox mode only: the port of the sandbox's SMTP server (a relay that needs AUTH, and an MX for
   * the sandbox's own addresses), `SENDWELL_SANDBOX_SMTP_PORT`; 2525 by default, `off` for none, 0 for
   * any free port. Unset = none here; `sendwell start` asks for 2525 in sandbox mode.
   */
  sandboxSmtpPort?: number | null;
  /** `SENDWELL_METRICS_TOKEN`: the bearer `/metrics` asks for; unset = direct loopback only. */
  metricsToken?: string | null;
  /** Days a new API token lives, `SENDWELL_API_TOKEN_DAYS` (default 90, at most 365); optional in configs built by tests. */
  apiTokenDays?: number;
}

export interface LegacySmtpConfig {
  host: string;
  port: number;
  security: 'starttls' | 'tls' | 'none';
  username: string;
  password: string;
}

export interface ConfigFlags {
  port?: number;
  dataDir?: string;
  databaseUrl?: string;
}

export const MICROSOFT_DEFAULTS = {
  authorityHost: 'https://login.microsoftonline.com',
  graphBaseUrl: 'https://graph.microsoft.com/v1.0',
} as const;

export const GOOGLE_DEFAULTS = {
  accountsUrl: 'https://accounts.google.com',
  oauthUrl: 'https://oauth2.googleapis.com',
  openIdUrl: 'https://openidconnect.googleapis.com',
  certsUrl: 'https://www.googleapis.com/oauth2/v3/certs',
  issuer: 'https://accounts.google.com',
  gmailRootUrl: 'https://gmail.googleapis.com/',
} as const;

// Any of these set means the admin is configuring that provider: a partial setup is reported by
// `sendwell doctor` (and refused by `start`) instead of silently falling back to the sandbox.
const MICROSOFT_KEYS = ['SENDWELL_MS_CLIENT_ID', 'SENDWELL_MS_CLIENT_SECRET', 'SENDWELL_MS_TENANTS'];
const GOOGLE_KEYS = [
  'SENDWELL_GOOGLE_CLIENT_ID',
  'SENDWELL_GOOGLE_CLIENT_SECRET',
  'SENDWELL_GOOGLE_SERVICE_ACCOUNT',
  'SENDWELL_GOOGLE_DOMAINS',
];

/**
 * Flags win over the environment; with no Microsoft/Google settings the sandbox is used. Never
 * throws for incomplete provider settings: `configProblems` (checks.ts) names what is missing.
 */
export function loadConfig(flags: ConfigFlags, env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = flags.port ?? (env.PORT ? Number(env.PORT) : 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0-65535, got ${port}`);
  const host = env.SENDWELL_HOST ?? '127.0.0.1';
  const baseUrl = env.SENDWELL_BASE_URL ?? `http://${host}:${port}`;
  const microsoft = MICROSOFT_KEYS.some((k) => env[k]) ? microsoftFromEnv(env, baseUrl) : null;
  const google = GOOGLE_KEYS.some((k) => env[k]) ? googleFromEnv(env) : null;
  const providers = microsoft || google ? 'real' : 'sandbox';
  return {
    port,
    host,
    baseUrl,
    dataDir: resolve(flags.dataDir ?? env.SENDWELL_DATA_DIR ?? '.sendwell'),
    databaseUrl: flags.databaseUrl ?? env.DATABASE_URL ?? null,
    providers,
    microsoft,
    google,
    scanIntervalMs: Number(env.SENDWELL_SCAN_INTERVAL_MS ?? (providers === 'sandbox' ? 1000 : 60_000)),
    senderIntervalMs: Number(env.SENDWELL_SENDER_INTERVAL_MS ?? 1000),
    feedPollMs: positiveMs('SENDWELL_FEED_POLL_MS', env.SENDWELL_FEED_POLL_MS, 2_000),
    sendLeaseMs: sendLeaseMs(env.SENDWELL_SEND_LEASE_MS),
    legacySmtp: env.SENDWELL_LEGACY_SMTP_URL ? legacySmtpFromUrl(env.SENDWELL_LEGACY_SMTP_URL) : null,
    sandboxSmtpPort: providers === 'sandbox' ? sandboxSmtpPort(env.SENDWELL_SANDBOX_SMTP_PORT) : null,
    metricsToken: env.SENDWELL_METRICS_TOKEN || null,
    apiTokenDays: apiTokenDays(env.SENDWELL_API_TOKEN_DAYS),
  };
}

function positiveMs(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms < 1)
    throw new Error(`${name} must be a whole number of milliseconds, got ${raw}`);
  return ms;
}

function sendLeaseMs(raw: string | undefined): number | null {
  if (!raw) return null;
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms < 1000)
    throw new Error(
      `SENDWELL_SEND_LEASE_MS must be a whole number of milliseconds, at least 1000, got ${raw}`,
    );
  return ms;
}

/** Unset: none (tests); `sendwell start` in sandbox mode defaults it to 2525 itself. */
function sandboxSmtpPort(raw: string | undefined): number | null {
  if (raw === undefined || raw === 'off') return null;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`SENDWELL_SANDBOX_SMTP_PORT must be 0-65535 or "off", got ${raw}`);
  return port;
}

/** `smtp://user:pass@host:port` (STARTTLS when offered), `smtps://…` (implicit TLS); `?security=none` for loopback tests. */
export function legacySmtpFromUrl(raw: string): LegacySmtpConfig {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error('SENDWELL_LEGACY_SMTP_URL must be a URL like smtp://user:password@host:587');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:')
    throw new Error('SENDWELL_LEGACY_SMTP_URL must start with smtp:// or smtps://');
  const security =
    url.protocol === 'smtps:' ? 'tls' : url.searchParams.get('security') === 'none' ? 'none' : 'starttls';
  return {
    host: url.hostname,
    port: Number(url.port || (security === 'tls' ? 465 : 587)),
    security,
    username: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
  };
}

function microsoftFromEnv(env: NodeJS.ProcessEnv, baseUrl: string): MicrosoftConfig {
  const clientId = value(env.SENDWELL_MS_CLIENT_ID);
  return {
    clientId,
    clientSecret: value(env.SENDWELL_MS_CLIENT_SECRET),
    authorityHost: withoutTrailingSlash(env.SENDWELL_MS_AUTHORITY || MICROSOFT_DEFAULTS.authorityHost),
    graphBaseUrl: withoutTrailingSlash(env.SENDWELL_MS_GRAPH_URL || MICROSOFT_DEFAULTS.graphBaseUrl),
    apiAudience: value(env.SENDWELL_MS_AUDIENCE) || defaultApiAudience(baseUrl, clientId),
    tenants: list(env.SENDWELL_MS_TENANTS).map((t) => t.toLowerCase()),
  };
}

function googleFromEnv(env: NodeJS.ProcessEnv): GoogleConfig {
  const gmail = env.SENDWELL_GMAIL_URL || GOOGLE_DEFAULTS.gmailRootUrl;
  return {
    clientId: value(env.SENDWELL_GOOGLE_CLIENT_ID),
    clientSecret: value(env.SENDWELL_GOOGLE_CLIENT_SECRET),
    accountsUrl: withoutTrailingSlash(env.SENDWELL_GOOGLE_ACCOUNTS_URL || GOOGLE_DEFAULTS.accountsUrl),
    oauthUrl: withoutTrailingSlash(env.SENDWELL_GOOGLE_OAUTH_URL || GOOGLE_DEFAULTS.oauthUrl),
    openIdUrl: withoutTrailingSlash(env.SENDWELL_GOOGLE_OPENID_URL || GOOGLE_DEFAULTS.openIdUrl),
    certsUrl: env.SENDWELL_GOOGLE_CERTS_URL || GOOGLE_DEFAULTS.certsUrl,
    issuer: withoutTrailingSlash(env.SENDWELL_GOOGLE_ISSUER || GOOGLE_DEFAULTS.issuer),
    gmailRootUrl: gmail.endsWith('/') ? gmail : `${gmail}/`,
    serviceAccountEmail: value(env.SENDWELL_GOOGLE_SERVICE_ACCOUNT) || null,
    domains: list(env.SENDWELL_GOOGLE_DOMAINS).map((d) => d.toLowerCase()),
  };
}

/** Google's OAuth endpoints under the configured hosts (accounts.google.com, oauth2.googleapis.com). */
export function googleOAuthEndpoints(g: Pick<GoogleConfig, 'accountsUrl' | 'oauthUrl'>) {
  return {
    authUrl: `${g.accountsUrl}/o/oauth2/v2/auth`,
    tokenUrl: `${g.oauthUrl}/token`,
    revokeUrl: `${g.oauthUrl}/revoke`,
  };
}

/** Office's documented app id URI for an add-in's own API: `api://<host of the add-in>/<client id>`. */
export function defaultApiAudience(baseUrl: string, clientId: string): string {
  const host = URL.canParse(baseUrl) ? new URL(baseUrl).host : baseUrl;
  return `api://${host}/${clientId}`;
}

/** Sendwell's OAuth redirect URI for a provider (what the app registration must list exactly). */
export function redirectUri(baseUrl: string, provider: 'microsoft' | 'google'): string {
  return `${withoutTrailingSlash(baseUrl)}/connect/callback/${provider}`;
}

function value(text: string | undefined): string {
  return (text ?? '').trim();
}

function list(text: string | undefined): string[] {
  return value(text)
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

function withoutTrailingSlash(url: string): string {
  return url.trim().replace(/\/+$/, '');
}

/**
 * The server secret (API-token MACs, encryption of stored secrets): `SENDWELL_SECRET` (base64, 32
 * bytes) or a key file created once in the data dir, readable only by its owner.
 */
export function loadSecret(dataDir: string, env: NodeJS.ProcessEnv = process.env): Buffer {
  if (env.SENDWELL_SECRET) {
    const key = Buffer.from(env.SENDWELL_SECRET, 'base64');
    if (key.length < 32) throw new Error('SENDWELL_SECRET must be at least 32 bytes, base64-encoded');
    return key;
  }
  const file = secretKeyFile(dataDir);
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  // The owner's alone (0700), as `start` insists: store/dataDirMode.ts.
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  writeFileSync(file, key.toString('base64'), { mode: 0o600 });
  return key;
}

/** Where `loadSecret` keeps the generated key when SENDWELL_SECRET is not set. */
export function secretKeyFile(dataDir: string): string {
  return join(dataDir, 'secret.key');
}
