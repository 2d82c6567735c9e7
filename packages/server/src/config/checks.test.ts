import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CHECK_IDS,
  type CheckId,
  type CheckStatus,
  configChecks,
  configProblems,
  describeChecks,
} from './checks';
import { loadConfig, redirectUri } from './config';

const dataDir = mkdtempSync(join(tmpdir(), 'sendwell-checks-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const MS_CLIENT = '0f4b6c2e-8d1a-4e7b-9c3f-5a2d1e0b7c64';
const TENANT = '7f3c1e52-9d4a-4b6e-8a21-3c5d0f9b1a10';

/** A complete, correct production setup for both providers. */
const REAL: NodeJS.ProcessEnv = {
  SENDWELL_BASE_URL: 'https://sendwell.example.com',
  SENDWELL_SECRET: Buffer.alloc(32, 7).toString('base64'),
  SENDWELL_MS_CLIENT_ID: MS_CLIENT,
  SENDWELL_MS_CLIENT_SECRET: 'Qx8~abcdefghijklmnopqrstuvwxyz0123456789',
  SENDWELL_MS_TENANTS: TENANT,
  SENDWELL_GOOGLE_CLIENT_ID: '318207514620-abc.apps.googleusercontent.com',
  SENDWELL_GOOGLE_CLIENT_SECRET: 'GOCSPX-abcdef',
  SENDWELL_GOOGLE_SERVICE_ACCOUNT: 'service-318207514620@gcp-sa-gsuiteaddons.iam.gserviceaccount.com',
  SENDWELL_GOOGLE_DOMAINS: 'contoso.com',
};

/** The checks doctor runs outside the settings (probes.ts, credentials.ts). */
const PROBES: string[] = [
  'database',
  'data-dir',
  'manifests',
  'microsoft-credentials',
  'google-credentials',
  'clock-skew',
];

function checksFor(env: NodeJS.ProcessEnv) {
  return configChecks(loadConfig({ dataDir }, env), env);
}

function statusOf(env: NodeJS.ProcessEnv, id: CheckId): CheckStatus | undefined {
  return checksFor(env).find((c) => c.id === id)?.status;
}

describe('configChecks', () => {
  it('passes a clean sandbox configuration (plain HTTP on loopback is only a warning)', () => {
    const checks = checksFor({});
    expect(checks.filter((c) => c.status === 'problem')).toEqual([]);
    expect(checks.find((c) => c.id === 'base-url')?.status).toBe('warning');
    expect(configProblems(loadConfig({ dataDir }, {}), {})).toEqual([]);
  });

  it('passes a complete production configuration for both providers', () => {
    const checks = checksFor(REAL);
    expect(checks.filter((c) => c.status !== 'ok')).toEqual([]);
    expect(new Set(checks.map((c) => c.id))).toEqual(new Set(CHECK_IDS.filter((id) => !PROBES.includes(id))));
  });

  it('prints the redirect URIs to paste into the app registrations', () => {
    const message = checksFor(REAL).find((c) => c.id === 'redirect-uris')?.message ?? '';
    expect(message).toContain(redirectUri(REAL.SENDWELL_BASE_URL!, 'microsoft'));
    expect(message).toContain(redirectUri(REAL.SENDWELL_BASE_URL!, 'google'));
    expect(message).toContain('brk-multihub://sendwell.example.com');
  });

  it.each<[string, NodeJS.ProcessEnv, CheckId, CheckStatus]>([
    ['base URL over plain HTTP', { SENDWELL_BASE_URL: 'http://sendwell.example.com' }, 'base-url', 'problem'],
    ['base URL on loopback HTTP', { SENDWELL_BASE_URL: 'http://localhost:3000' }, 'base-url', 'warning'],
    ['base URL not a URL', { SENDWELL_BASE_URL: 'sendwell.example.com' }, 'base-url', 'problem'],
    ['no SENDWELL_SECRET in real mode', { SENDWELL_SECRET: undefined }, 'secret', 'warning'],
    [
      'SENDWELL_SECRET too short',
      { SENDWELL_SECRET: Buffer.alloc(16).toString('base64') },
      'secret',
      'problem',
    ],
    ['SENDWELL_SECRET not base64', { SENDWELL_SECRET: 'not base64!' }, 'secret', 'problem'],
    ['a previous secret too short', { SENDWELL_SECRET_PREVIOUS: 'c2hvcnQ=' }, 'secret', 'problem'],
    ['no Microsoft client id', { SENDWELL_MS_CLIENT_ID: undefined }, 'microsoft-client-id', 'problem'],
    [
      'Microsoft client id not a GUID',
      { SENDWELL_MS_CLIENT_ID: 'sendwell' },
      'microsoft-client-id',
      'problem',
    ],
    ['no Microsoft client secret', { SENDWELL_MS_CLIENT_SECRET: '' }, 'microsoft-client-secret', 'problem'],
    [
      "the secret's ID instead of its value",
      { SENDWELL_MS_CLIENT_SECRET: TENANT },
      'microsoft-client-secret',
      'problem',
    ],
    [
      'audience not api://',
      { SENDWELL_MS_AUDIENCE: 'https://sendwell.example.com' },
      'microsoft-api-audience',
      'warning',
    ],
    ['audience not a URI', { SENDWELL_MS_AUDIENCE: 'sendwell api' }, 'microsoft-api-audience', 'problem'],
    [
      'audience without the client id',
      { SENDWELL_MS_AUDIENCE: 'api://sendwell' },
      'microsoft-api-audience',
      'warning',
    ],
    [
      'audience for another host',
      { SENDWELL_MS_AUDIENCE: `api://old.example.com/${MS_CLIENT}` },
      'microsoft-api-audience',
      'warning',
    ],
    ['no tenants', { SENDWELL_MS_TENANTS: '' }, 'microsoft-tenants', 'problem'],
    [
      'a tenant by name',
      { SENDWELL_MS_TENANTS: `${TENANT},contoso.onmicrosoft.com` },
      'microsoft-tenants',
      'problem',
    ],
    ['"common" as a tenant', { SENDWELL_MS_TENANTS: 'common' }, 'microsoft-tenants', 'problem'],
    [
      'authority over plain HTTP',
      { SENDWELL_MS_AUTHORITY: 'http://login.example.com' },
      'microsoft-endpoints',
      'problem',
    ],
    ['no Google client id', { SENDWELL_GOOGLE_CLIENT_ID: '' }, 'google-client-id', 'problem'],
    [
      'Google client id of another kind',
      { SENDWELL_GOOGLE_CLIENT_ID: 'sendwell' },
      'google-client-id',
      'warning',
    ],
    [
      'no Google client secret',
      { SENDWELL_GOOGLE_CLIENT_SECRET: undefined },
      'google-client-secret',
      'problem',
    ],
    [
      'no service account',
      { SENDWELL_GOOGLE_SERVICE_ACCOUNT: undefined },
      'google-service-account',
      'problem',
    ],
    [
      'service account not an email',
      { SENDWELL_GOOGLE_SERVICE_ACCOUNT: 'service-1' },
      'google-service-account',
      'problem',
    ],
    [
      'a service account that is not the add-on’s',
      { SENDWELL_GOOGLE_SERVICE_ACCOUNT: 'sendwell@project.iam.gserviceaccount.com' },
      'google-service-account',
      'warning',
    ],
    ['no Workspace domains', { SENDWELL_GOOGLE_DOMAINS: ' , ' }, 'google-domains', 'problem'],
    ['consumer Gmail as a domain', { SENDWELL_GOOGLE_DOMAINS: 'gmail.com' }, 'google-domains', 'problem'],
    ['an email as a domain', { SENDWELL_GOOGLE_DOMAINS: 'ava@contoso.com' }, 'google-domains', 'problem'],
    ['Gmail API URL not a URL', { SENDWELL_GMAIL_URL: 'gmail' }, 'google-endpoints', 'problem'],
  ])('%s %j → %s is %s', (_name, change, id, status) => {
    const env = { ...REAL, ...change };
    expect(statusOf(env, id)).toBe(status);
    // Only the check at fault complains; every other one stays ok.
    const others = checksFor(env).filter((c) => c.id !== id && c.status !== 'ok');
    expect(others).toEqual([]);
    expect(CHECK_IDS).toContain(id);
  });

  it('marks the fatal ones for start: exactly the problems, each with a fix', () => {
    const env = { ...REAL, SENDWELL_MS_TENANTS: '', SENDWELL_GOOGLE_CLIENT_SECRET: '' };
    const problems = configProblems(loadConfig({ dataDir }, env), env);
    expect(problems.map((p) => p.id)).toEqual(['microsoft-tenants', 'google-client-secret']);
    expect(problems.every((p) => p.fix.length > 0)).toBe(true);
    expect(describeChecks(problems)).toContain('- microsoft-tenants: ');
  });

  it('never shows a client secret', () => {
    const text = JSON.stringify(checksFor(REAL));
    expect(text).not.toContain(REAL.SENDWELL_MS_CLIENT_SECRET);
    expect(text).not.toContain(REAL.SENDWELL_GOOGLE_CLIENT_SECRET);
    expect(text).not.toContain(REAL.SENDWELL_SECRET);
  });
});
