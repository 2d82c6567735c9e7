import { createSandbox } from '@sendwell/sandbox';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { type CheckStatus, configProblems } from './checks';
import { loadConfig } from './config';
import { credentialsChecks } from './credentials';

// The sandbox's real authorization servers, served in process (no socket needed).
const APP = 'https://sendwell.example.com';
const sandbox = createSandbox({ baseUrl: 'http://sandbox.test/sandbox', appBaseUrl: APP });
const host = new Hono().route('/sandbox', sandbox.app);
const viaSandbox: typeof fetch = async (input, init) => host.fetch(new Request(input, init));
const tenant = sandbox.users.find((u) => u.provider === 'exchange')!.tenantId;

/** Sendwell's real-provider settings pointed at the sandbox, as if it were Microsoft and Google. */
function sandboxEnv(change: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    SENDWELL_BASE_URL: APP,
    SENDWELL_MS_CLIENT_ID: sandbox.microsoft.clientId,
    SENDWELL_MS_CLIENT_SECRET: sandbox.microsoft.clientSecret,
    SENDWELL_MS_TENANTS: tenant,
    SENDWELL_MS_AUTHORITY: sandbox.microsoft.authorityHost,
    SENDWELL_GOOGLE_CLIENT_ID: sandbox.google.clientId,
    SENDWELL_GOOGLE_CLIENT_SECRET: sandbox.google.clientSecret,
    SENDWELL_GOOGLE_OAUTH_URL: sandbox.google.oauthUrl,
    ...change,
  };
}

async function statuses(env: NodeJS.ProcessEnv, fetchFn: typeof fetch = viaSandbox) {
  const checks = await credentialsChecks(loadConfig({ dataDir: '/tmp/unused' }, env), { fetch: fetchFn });
  return Object.fromEntries(checks.map((c) => [c.id, c.status])) as Record<string, CheckStatus>;
}

describe('credentialsChecks against the sandbox authorization servers', () => {
  it('accepts the registered client ids and secrets', async () => {
    expect(await statuses(sandboxEnv())).toEqual({
      'microsoft-credentials': 'ok',
      'google-credentials': 'ok',
    });
  });

  it.each<[string, NodeJS.ProcessEnv, string]>([
    ['a wrong Microsoft secret', { SENDWELL_MS_CLIENT_SECRET: 'wrong~secret' }, 'microsoft-credentials'],
    [
      'a Microsoft client id the directory does not know',
      { SENDWELL_MS_CLIENT_ID: '00000000-0000-4000-8000-000000000000' },
      'microsoft-credentials',
    ],
    ['a wrong Google secret', { SENDWELL_GOOGLE_CLIENT_SECRET: 'GOCSPX-wrong' }, 'google-credentials'],
    [
      'an unknown Google client',
      { SENDWELL_GOOGLE_CLIENT_ID: '1-x.apps.googleusercontent.com' },
      'google-credentials',
    ],
  ])('%s → %s is a problem', async (_name, change, id) => {
    const result = await statuses(sandboxEnv(change));
    expect(result[id]).toBe('problem');
    expect(Object.values(result).filter((s) => s !== 'ok')).toHaveLength(1);
  });

  it('names the reason from the provider’s answer, never the secret', async () => {
    const secret = 'wrong~secret-value';
    const [ms] = await credentialsChecks(
      loadConfig({ dataDir: '/tmp/unused' }, sandboxEnv({ SENDWELL_MS_CLIENT_SECRET: secret })),
      { fetch: viaSandbox },
    );
    expect(ms?.message).toMatch(/secret is wrong or expired \(AADSTS7000215/);
    expect(ms?.message).not.toContain(secret);
  });

  it('warns, without a verdict, when the provider cannot be reached or settings are missing', async () => {
    const offline: typeof fetch = async () => {
      throw new TypeError('fetch failed');
    };
    expect(await statuses(sandboxEnv(), offline)).toEqual({
      'microsoft-credentials': 'warning',
      'google-credentials': 'warning',
    });
    expect(
      await statuses(sandboxEnv({ SENDWELL_MS_TENANTS: '', SENDWELL_GOOGLE_CLIENT_SECRET: '' })),
    ).toEqual({
      'microsoft-credentials': 'warning',
      'google-credentials': 'warning',
    });
  });

  it('is not run in sandbox mode', async () => {
    expect(await statuses({})).toEqual({});
  });

  it('lets `start` run on the sandbox given as real providers (the e2e mode): no settings problem', () => {
    // As `start` serves it: on loopback, beside Sendwell.
    const sandbox = createSandbox({
      baseUrl: 'http://127.0.0.1:3000/sandbox',
      appBaseUrl: 'http://127.0.0.1:3000',
    });
    const env = sandboxEnv({
      SENDWELL_MS_CLIENT_ID: sandbox.microsoft.clientId,
      SENDWELL_MS_CLIENT_SECRET: sandbox.microsoft.clientSecret,
      SENDWELL_MS_AUTHORITY: sandbox.microsoft.authorityHost,
      SENDWELL_GOOGLE_CLIENT_ID: sandbox.google.clientId,
      SENDWELL_GOOGLE_CLIENT_SECRET: sandbox.google.clientSecret,
      SENDWELL_GOOGLE_OAUTH_URL: sandbox.google.oauthUrl,
      SENDWELL_BASE_URL: 'http://127.0.0.1:3000',
      SENDWELL_MS_GRAPH_URL: sandbox.microsoft.graphBaseUrl,
      SENDWELL_MS_AUDIENCE: sandbox.microsoft.audience,
      SENDWELL_GOOGLE_ACCOUNTS_URL: sandbox.google.accountsUrl,
      SENDWELL_GOOGLE_OPENID_URL: sandbox.google.openIdUrl,
      SENDWELL_GOOGLE_CERTS_URL: sandbox.google.jwksUrl,
      SENDWELL_GOOGLE_ISSUER: sandbox.google.issuer,
      SENDWELL_GMAIL_URL: sandbox.google.rootUrl,
      SENDWELL_GOOGLE_SERVICE_ACCOUNT: sandbox.google.serviceAccountEmail,
      SENDWELL_GOOGLE_DOMAINS: distinct(
        sandbox.users.filter((u) => u.provider === 'gmail').map((u) => u.email.split('@')[1]!),
      ),
      SENDWELL_MS_TENANTS: distinct(
        sandbox.users.filter((u) => u.provider === 'exchange').map((u) => u.tenantId),
      ),
    });
    expect(configProblems(loadConfig({ dataDir: '/tmp/unused' }, env), env)).toEqual([]);
  });
});

function distinct(items: string[]): string {
  return [...new Set(items)].join(',');
}
