import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { answerConsent, createSandbox } from '@sendwell/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCredentialSecrets } from './processTesting';

/*
 * The log test: a whole `sendwell start` PROCESS (sandbox mode, PGlite) goes through web
 * sign-in, API calls with good, forged and misplaced tokens, an SMTP channel with a password the
 * server refuses, a revoked grant and the metrics token; then its ENTIRE stdout+stderr is searched
 * for every token and password that existed during the run, including every refresh and access
 * token the server stored (read back from its vault afterwards). None may appear.
 */

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
// Node itself with tsx's loader (not the tsx wrapper, whose child would outlive a SIGKILL of it).
const NODE = [process.execPath, '--import', 'tsx'];
const MAIN = join(ROOT, 'packages/server/src/cli/main.ts');
const PORT = 61610;
const SMTP_PORT = 61611;
const BASE = `http://127.0.0.1:${PORT}`;

const secret = randomBytes(32);
const metricsToken = `metrics-${randomBytes(12).toString('hex')}`;
const smtpPassword = `smtp-pw-${randomBytes(9).toString('hex')}`;
const dataDir = mkdtempSync(join(tmpdir(), 'sendwell-logs-'));
const env = {
  ...process.env,
  SENDWELL_SECRET: secret.toString('base64'),
  SENDWELL_METRICS_TOKEN: metricsToken,
  SENDWELL_SANDBOX_SMTP_PORT: String(SMTP_PORT),
  SENDWELL_SCAN_INTERVAL_MS: '500',
};
/** Every value that must never reach the output. */
const secrets = new Map<string, string>([
  ['SENDWELL_SECRET (base64)', secret.toString('base64')],
  ['SENDWELL_SECRET (base64url)', secret.toString('base64url')],
  ['SENDWELL_SECRET (hex)', secret.toString('hex')],
  ['metrics token', metricsToken],
  ['SMTP password', smtpPassword],
]);
let output = '';
let server: ChildProcess;

function cli(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE[0]!, [...NODE.slice(1), MAIN, ...args], { env, cwd: ROOT });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`sendwell ${args[0]}: ${code}`)),
    );
  });
}

async function waitUntilUp(): Promise<void> {
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the server exited:\n${output}`);
    const up = await fetch(`${BASE}/healthz`).catch(() => null);
    if (up?.ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
}

const api = (path: string, token: string, init: { method?: string; body?: unknown; headers?: object } = {}) =>
  fetch(`${BASE}/api/v1${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...init.headers },
  });

/** The web app's OpenID Connect sign-in against the sandbox's consent page, as a browser does it. */
async function webSignIn(account: string): Promise<string> {
  const start = await fetch(`${BASE}/app/auth/start/microsoft`, { redirect: 'manual' });
  const pending = /sw_signin=([^;]+)/.exec(start.headers.get('set-cookie') ?? '')![1]!;
  secrets.set('sign-in cookie', pending);
  const callback = await answerConsent(start.headers.get('location')!, { account });
  secrets.set('authorization code', new URL(callback).searchParams.get('code')!);
  const back = await fetch(callback, { redirect: 'manual', headers: { cookie: `sw_signin=${pending}` } });
  const session = /sw_session=([^;]+)/.exec(back.headers.get('set-cookie') ?? '')![1]!;
  secrets.set('web session token', session);
  return session;
}

beforeAll(async () => {
  server = spawn(NODE[0]!, [...NODE.slice(1), MAIN, 'start', '--port', String(PORT), '--data-dir', dataDir], {
    env,
    cwd: ROOT,
  });
  server.stdout!.on('data', (chunk) => {
    output += chunk;
  });
  server.stderr!.on('data', (chunk) => {
    output += chunk;
  });
  await waitUntilUp();
  const sandbox = createSandbox({ baseUrl: `${BASE}/sandbox` });
  secrets.set('Microsoft client secret', sandbox.microsoft.clientSecret);
  secrets.set('Google client secret', sandbox.google.clientSecret);
}, 120_000);

afterAll(() => {
  if (server.exitCode === null) server.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a whole server run logs no secret', () => {
  it('goes through sign-in, API calls, an SMTP channel, errors and metrics, and its output holds none of the secrets', async () => {
    const users = JSON.parse(await cli(['sandbox', 'users', '--json', '--data-dir', dataDir])) as {
      id: string;
      apiToken: string;
    }[];
    for (const user of users) secrets.set(`API token of ${user.id}`, user.apiToken);
    const ava = users.find((u) => u.id === 'ava')!.apiToken;
    const eli = users.find((u) => u.id === 'eli')!.apiToken;

    const session = await webSignIn('ava');
    const seen: Record<string, number> = {};
    seen.meBySession = (await api('/me', session)).status;
    seen.me = (await api('/me', ava)).status;
    seen.quota = (await api('/quota', ava)).status;
    seen.templates = (await api('/templates', ava)).status;
    const send = { host: 'outlook', to: ['pat@bounce.test'], subject: 'Hi', body: '<p>Hi</p>' };
    seen.send = (await api('/sends', ava, { body: { ...send, idempotencyKey: 'logs-send-1' } })).status;

    // Tokens where they do not belong: forged, in the query string, as the request id, in a body.
    const forged = `${ava.slice(0, -4)}AAAA`;
    secrets.set('forged API token', forged);
    seen.forged = (await api('/me', forged)).status;
    seen.inQuery = (await fetch(`${BASE}/api/v1/me?access_token=${ava}`)).status;
    const echoed = await api('/me', ava, { headers: { 'x-request-id': ava } });
    expect(echoed.headers.get('x-request-id')).not.toBe(ava);
    seen.secretsInBody = (
      await api('/sends', ava, { body: { ...send, password: smtpPassword, token: eli } })
    ).status;
    seen.cookieOnApi = (
      await fetch(`${BASE}/api/v1/me`, { headers: { cookie: `sw_session=${session}` } })
    ).status;

    // An SMTP channel whose password the sandbox relay refuses: check, test send, chosen for sends.
    const smtp = {
      host: '127.0.0.1',
      port: SMTP_PORT,
      security: 'none',
      username: 'eli',
      password: smtpPassword,
    };
    const created = await api('/channels/smtp', eli, {
      body: { ...smtp, scope: 'personal', label: 'Relay' },
    });
    seen.channel = created.status;
    const channel = created.ok ? ((await created.json()) as { id: string }).id : 'none';
    seen.check = (await api('/channels/smtp/check', eli, { body: smtp })).status;
    seen.testSend = (await api(`/channels/${channel}/test-send`, eli, { body: {} })).status;
    seen.choose = (
      await api('/channels/choice', eli, { method: 'PUT', body: { channelId: channel } })
    ).status;
    seen.webSend = (
      await api('/sends', eli, { body: { ...send, host: 'web', idempotencyKey: 'logs-send-2' } })
    ).status;

    // A revoked grant: the server's next refresh is refused by the sandbox's token endpoint.
    seen.revoke = (
      await fetch(`${BASE}/sandbox/dev/revoke`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userId: 'gus' }),
      })
    ).status;
    seen.metrics = (
      await fetch(`${BASE}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } })
    ).status;
    seen.metricsForged = (
      await fetch(`${BASE}/metrics`, { headers: { authorization: `Bearer ${forged}` } })
    ).status;
    expect(seen).toEqual({
      meBySession: 200,
      me: 200,
      quota: 200,
      templates: 200,
      send: 202,
      forged: 401,
      inQuery: 401,
      secretsInBody: 400,
      cookieOnApi: 401,
      channel: 201,
      check: 200,
      testSend: 200,
      choose: 200,
      webSend: 202,
      revoke: 200,
      metrics: 200,
      metricsForged: 401,
    });
    // Let the workers send, scan, bounce and fail for a few rounds.
    await new Promise((r) => setTimeout(r, 4000));

    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    for (const [name, value] of await listCredentialSecrets(dataDir, secret)) secrets.set(name, value);

    const found = [...secrets].filter(([, value]) => output.includes(value)).map(([name]) => name);
    const where = found.map((name) => output.split('\n').find((l) => l.includes(secrets.get(name)!)));
    expect(found, where.join('\n')).toEqual([]);
    // It did run and log: access lines with request ids, and the workers' warnings.
    const lines = output.split('\n').filter((l) => l.startsWith('{'));
    const access = lines.map((l) => JSON.parse(l)).filter((l) => l.message === 'request');
    expect(access.length).toBeGreaterThan(10);
    expect(access.every((l) => typeof l.requestId === 'string' && !String(l.path).includes('?'))).toBe(true);
    expect(secrets.size).toBeGreaterThan(15);
  }, 120_000);
});
