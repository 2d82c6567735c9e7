import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signed } from '../auth/sessionTokens';
import { loadConfig } from '../config/config';
import { consoleLogger } from '../logger';
import { createSendwell, type Sendwell } from '../sendwell';
import { loadVaultSecrets } from '../vault/secrets';
import { REDACTED } from './redact';

/*
 * A sandbox-mode Sendwell on a real loopback socket with a logger that keeps its lines: request
 * ids and access lines, readiness as the workers start, and /metrics parsed and compared with the
 * database it reports on.
 */
type Line = Record<string, unknown>;
const lines: Line[] = [];
const dataDir = mkdtempSync(join(tmpdir(), 'sendwell-observe-'));
let sendwell: Sendwell;
let server: ServerType;
let base = '';

beforeAll(async () => {
  const port = await new Promise<number>((resolve) => {
    server = serve(
      { fetch: (r, env) => sendwell.app.fetch(r, env), port: 0, hostname: '127.0.0.1' },
      (info) => resolve(info.port),
    );
  });
  base = `http://127.0.0.1:${port}`;
  const config = loadConfig({ port, dataDir }, { SENDWELL_BASE_URL: base, SENDWELL_SCAN_INTERVAL_MS: '200' });
  sendwell = await createSendwell(config, {
    logger: consoleLogger(false, (line) => lines.push(JSON.parse(line) as Line)),
  });
}, 180_000);

afterAll(async () => {
  server?.close();
  await sendwell?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers });
const bearer = (userId: string) => ({ authorization: `Bearer ${sendwell.apiTokenFor(userId)}` });
const accessLines = (requestId: string) =>
  lines.filter((l) => l.message === 'request' && l.requestId === requestId);

/** Prometheus text → samples, failing on any line that is neither a comment nor a sample. */
function parseMetrics(text: string) {
  const samples: { name: string; labels: Record<string, string>; value: number }[] = [];
  for (const line of text.trimEnd().split('\n')) {
    if (line.startsWith('# HELP ') || line.startsWith('# TYPE ')) continue;
    const m = /^([a-z_:][a-z0-9_:]*)(?:\{(.*)\})? (-?[0-9.e+]+|NaN)$/.exec(line);
    expect(m, line).not.toBeNull();
    const labels = Object.fromEntries(
      [...(m![2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((x) => [x[1], x[2]]),
    );
    samples.push({ name: m![1]!, labels: labels as Record<string, string>, value: Number(m![3]) });
  }
  return samples;
}

describe('request ids and access lines', () => {
  it.each([
    ['a sane client id, echoed', { 'x-request-id': 'trace-42' }, 'trace-42'],
    ['none given: one is made', {}, null],
  ])('%s', async (_name, headers, expected) => {
    const answer = await get('/api/v1/me?q=hidden', { ...bearer('ava'), ...headers });
    expect(answer.status).toBe(200);
    const id = answer.headers.get('x-request-id')!;
    if (expected) expect(id).toBe(expected);
    else expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(accessLines(id)).toEqual([
      expect.objectContaining({ method: 'GET', route: '/api/v1/me', path: '/api/v1/me', status: 200 }),
    ]);
    expect(typeof accessLines(id)[0]!.ms).toBe('number');
  });

  it('logs a request no route answered, with no route and no query string', async () => {
    const answer = await get('/no-such-page?code=abc123def');
    expect(answer.status).toBe(404);
    expect(accessLines(answer.headers.get('x-request-id')!)).toEqual([
      expect.objectContaining({ method: 'GET', route: null, path: '/no-such-page', status: 404 }),
    ]);
  });

  it('hides a token carried in the path and names the route it matched', async () => {
    const token = signed(loadVaultSecrets(dataDir)[0]!, 'unsubscribe', { s: 'none' });
    const answer = await get(`/u/${token}`);
    const [line] = accessLines(answer.headers.get('x-request-id')!);
    expect(line).toMatchObject({ route: '/u/:token', path: `/u/${REDACTED}` });
    expect(JSON.stringify(lines)).not.toContain(token);
  });

  it("puts the request's id on the lines written while handling it (a scan now on a revoked grant)", async () => {
    const revoked = await fetch(`${base}/sandbox/dev/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: 'gus' }),
    });
    expect(revoked.status).toBe(200);
    const answer = await fetch(`${base}/api/v1/mailboxes/mbx-gus/scan`, {
      method: 'POST',
      headers: { ...bearer('gus'), 'x-request-id': 'scan-gus' },
    });
    expect(answer.headers.get('x-request-id')).toBe('scan-gus');
    const during = lines.filter((l) => l.requestId === 'scan-gus').map((l) => l.message);
    expect(during).toContain('request');
    expect(during.length).toBeGreaterThan(1);
  });
});

describe('/healthz, /readyz and /metrics', () => {
  it('is alive at once, and ready only once the workers run', async () => {
    expect((await get('/healthz')).status).toBe(200);
    const before = await get('/readyz');
    expect(before.status).toBe(503);
    expect(await before.json()).toMatchObject({ checks: { database: 'ok', migrations: 'ok' } });
    sendwell.startWorkers();
    let ready = await get('/readyz');
    while (ready.status !== 200) ready = await get('/readyz');
    expect(await ready.json()).toEqual({
      status: 'ready',
      checks: { database: 'ok', migrations: 'ok', workers: { sender: 'ok', scanner: 'ok', campaigns: 'ok' } },
    });
  });

  it('reports queue depth, sends, bounces, scan lag and provider errors as the database and the providers have them', async () => {
    const later = new Date(Date.now() + 86_400_000).toISOString();
    const queued = await fetch(`${base}/api/v1/sends`, {
      method: 'POST',
      headers: { ...bearer('eli'), 'content-type': 'application/json' },
      body: JSON.stringify({
        host: 'outlook',
        to: ['pat@example.com'],
        subject: 'Later',
        body: 'x',
        idempotencyKey: 'observe-later',
        sendAt: later,
      }),
    });
    expect(queued.status).toBe(202);
    const answer = await get('/metrics');
    expect(answer.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const samples = parseMetrics(await answer.text());
    const value = (name: string, labels: Record<string, string>) =>
      samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
        ?.value;

    const [depth] = await sendwell.db.query<{ n: number }>(
      `select count(*)::int as n from sends where mailbox_id = 'mbx-eli' and status = 'scheduled'`,
    );
    expect(value('sendwell_queue_depth', { mailbox_id: 'mbx-eli', state: 'scheduled' })).toBe(
      Number(depth!.n),
    );
    expect(Number(depth!.n)).toBeGreaterThan(0);
    const outcomes = await sendwell.db.query<{ status: string; n: number }>(
      `select status, count(*)::int as n from sends group by status`,
    );
    for (const outcome of ['submitted', 'failed', 'cancelled'])
      expect(value('sendwell_sends_total', { outcome })).toBe(
        Number(outcomes.find((o) => o.status === outcome)?.n ?? 0),
      );
    const [bounces] = await sendwell.db.query<{ n: number }>('select count(*)::int as n from bounces');
    const bounceSum = samples
      .filter((s) => s.name === 'sendwell_bounces_total')
      .reduce((a, s) => a + s.value, 0);
    expect(bounceSum).toBe(Number(bounces!.n));
    const scanned = await sendwell.db.query<{ id: string }>(
      `select id from mailboxes where provider in ('exchange', 'gmail') and state = 'connected' order by id`,
    );
    const lagged = samples
      .filter((s) => s.name === 'sendwell_scan_lag_seconds')
      .map((s) => s.labels.mailbox_id);
    expect(lagged).toEqual(scanned.map((m) => m.id));
    // gus's grant was revoked above: Gmail calls for gus fail with a lost grant.
    expect(value('sendwell_provider_errors_total', { provider: 'gmail', status: 'auth' })).toBeGreaterThan(0);
  });

  it.each([
    ['through a proxy on this host', { 'x-forwarded-for': '203.0.113.9' }, 403],
    ['with a Forwarded header', { forwarded: 'for=203.0.113.9' }, 403],
    ['straight from loopback', {}, 200],
  ])('without SENDWELL_METRICS_TOKEN, answers %s with %s', async (_name, headers, status) => {
    expect((await get('/metrics', headers)).status).toBe(status);
  });

  // Last in this block: a drained Sendwell stays unready.
  it('turns unready once told to stop, while it still answers requests', async () => {
    expect((await get('/readyz')).status).toBe(200);
    sendwell.drain();
    const draining = await get('/readyz');
    expect(draining.status).toBe(503);
    expect(await draining.json()).toMatchObject({ status: 'draining', checks: { database: 'ok' } });
    expect((await get('/healthz')).status).toBe(200);
  });
});
