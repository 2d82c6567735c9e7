/**
 * What `sendwell doctor` checks without touching the network or the database: the settings
 * themselves. `createSendwell` refuses to start on any `problem` here (`configProblems`), so an
 * admin sees the same list from `start` as from `doctor`.
 */
import { existsSync } from 'node:fs';
import { AZURE_APP, type Check, check, GOOGLE_CREDENTIALS, isLoopback } from './check';
import type { ServerConfig } from './config';
import { redirectUri, secretKeyFile } from './config';
import { googleChecks, microsoftChecks } from './providerChecks';

export { CHECK_IDS, type Check, type CheckId, type CheckStatus } from './check';

const BASE64 = /^(?:[A-Za-z0-9+/]+={0,2}|[A-Za-z0-9_-]+)$/;

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

function baseUrlCheck(baseUrl: string): Check {
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

function secretCheck(config: ServerConfig, env: NodeJS.ProcessEnv): Check {
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
