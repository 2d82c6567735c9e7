/**
 * `pnpm bench:api`: `sendwell start` as its own process (sandbox mode, PGlite and/or PostgreSQL),
 * loaded with autocannon: `POST /api/v1/sends` and `GET /api/v1/quota` at 50 and 200 connections;
 * requests/s, p50/p99 latency, answers by status (anything but 2xx and the documented 429 fails),
 * resident memory before and after warm-up and at the end (must stay within 20% of the warmed-up
 * figure); then 1,000 concurrent SSE feed subscribers: memory and event latency.
 * Flags: --quick (5 s runs, 200 subscribers), --store pglite|postgres|both, --default-limits.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { type ServerProcess, sandboxUsers, startServer } from './api/serverProcess';
import { sseCrowd } from './api/sseCrowd';

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const storeFlag = argv[argv.indexOf('--store') + 1];
const stores = argv.includes('--store')
  ? storeFlag === 'both'
    ? ['pglite', 'postgres']
    : [storeFlag!]
  : ['pglite', 'postgres'];
const defaultLimits = argv.includes('--default-limits');
const DURATION_S = quick ? 5 : 60;
const WARMUP_S = quick ? 3 : 15;
const SUBSCRIBERS = quick ? 200 : 1_000;
const PORT = 61210;
const PG_URL =
  process.env.SENDWELL_TEST_DATABASE_URL ?? 'postgres://sendwell:sendwell@127.0.0.1:5432/postgres';
const PG_DB = 'sw_limits_bench';
// The bench measures the server, not its limiter: budgets ×1000 unless --default-limits (then the
// documented 429s are most of the answers, which is the point of that run).
const LIMIT_ENV: Record<string, string> = defaultLimits ? {} : { SENDWELL_RATE_LIMIT_SCALE: '1000' };

let sendCounter = 0;
/** A connected sandbox rep: their token and the host their mailbox sends from. */
interface Rep {
  token: string;
  host: 'outlook' | 'gmail';
}
const sendBody = (rep: Rep) =>
  JSON.stringify({
    host: rep.host,
    to: [`lead${sendCounter}@example.com`],
    subject: 'Bench',
    body: '<p>Hello from the API bench.</p>',
    idempotencyKey: `bench-${process.pid}-${Date.now()}-${sendCounter++}`,
  });

/**
 * One request of the run, for the next rep in turn: sends for one mailbox queue behind its row lock
 * (one reservation at a time, by design), so the load is spread over every connected mailbox.
 */
function nextRequest(reps: Rep[], kind: 'sends' | 'quota') {
  let turn = 0;
  return () => {
    const rep = reps[turn++ % reps.length]!;
    const headers = { authorization: `Bearer ${rep.token}`, 'content-type': 'application/json' };
    return kind === 'sends'
      ? { method: 'POST', path: '/api/v1/sends', headers, body: sendBody(rep) }
      : { method: 'GET', path: `/api/v1/quota?host=${rep.host}`, headers };
  };
}

interface RunFigures {
  name: string;
  reqPerS: number;
  p50: number;
  p99: number;
  statuses: Record<string, number>;
  /** Answers that did the work (2xx) per second: 429s are quick and would flatter req/s. */
  okPerS: number;
  errors: number;
  bad: number;
}

async function load(
  base: string,
  reps: Rep[],
  kind: 'sends' | 'quota',
  connections: number,
  seconds: number,
): Promise<RunFigures> {
  const next = nextRequest(reps, kind);
  const result = await autocannon({
    url: base,
    connections,
    duration: seconds,
    // PGlite answers one query at a time: at 200 connections a request may wait long in line.
    timeout: 60,
    requests: [{ setupRequest: (req) => ({ ...req, ...next() }) }],
  });
  await settle(base, next());
  const statuses = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count]),
  );
  const bad = Object.entries(statuses)
    .filter(([code]) => !code.startsWith('2') && code !== '429')
    .reduce((n, [, c]) => n + c, 0);
  return {
    name: `${kind === 'sends' ? 'POST /api/v1/sends' : 'GET /api/v1/quota'} @${connections}`,
    reqPerS: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    statuses,
    okPerS:
      Object.entries(statuses)
        .filter(([code]) => code.startsWith('2'))
        .reduce((n, [, c]) => n + c, 0) / seconds,
    errors: result.errors + result.timeouts,
    bad,
  };
}

/** Waits until the requests still in line when autocannon stopped are answered: runs stay apart. */
async function settle(
  base: string,
  request: { method: string; path: string; headers: Record<string, string>; body?: string },
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await fetch(`${base}${request.path}`, request).then((r) => r.arrayBuffer());
      return;
    } catch (error) {
      console.log(`  (settle: ${(error as Error).cause ?? error}; attempt ${attempt})`);
      if (attempt === 3) throw error;
    }
  }
}

const mb = (n: number) => `${n.toFixed(0)} MB`;

async function freshPostgres(): Promise<string> {
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${PG_DB} with (force)`);
  await admin.query(`create database ${PG_DB}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${PG_DB}`;
  return url.toString();
}

/** The whole bench on one store; returns the failed targets. */
async function benchStore(store: string): Promise<string[]> {
  const dataDir = mkdtempSync(join(tmpdir(), `sw-api-bench-${store}-`));
  const databaseUrl = store === 'postgres' ? await freshPostgres() : undefined;
  let server: ServerProcess | null = null;
  const failures: string[] = [];
  try {
    server = await startServer({ port: PORT, dataDir, databaseUrl, env: LIMIT_ENV });
    const users = await sandboxUsers(dataDir);
    // nia and max have not connected their mailbox in the sandbox: no sends for them.
    const reps: Rep[] = users
      .filter((u) => !['nia', 'max'].includes(u.id))
      .map((u) => ({ token: u.apiToken, host: u.provider === 'gmail' ? 'gmail' : 'outlook' }));
    const rssStart = server.rssMb();
    // Warm up at the highest concurrency measured: 200 requests in flight hold more buffers than 50,
    // and that is working memory, not growth. Growth shows as the figure rising past it run by run.
    for (const kind of ['sends', 'quota'] as const) {
      const w = await load(server.base, reps, kind, 200, WARMUP_S);
      console.log(
        `[${store}] warm-up ${w.name}: ${w.reqPerS.toFixed(0)} req/s, statuses ${JSON.stringify(w.statuses)}, socket errors ${w.errors}`,
      );
    }
    const rssWarm = server.rssMb();
    console.log(`\n[${store}] RSS at start ${mb(rssStart)}, after warm-up ${mb(rssWarm)}`);
    let rssPeak = rssWarm;
    for (const kind of ['sends', 'quota'] as const)
      for (const connections of [50, 200]) {
        const f = await load(server.base, reps, kind, connections, DURATION_S);
        const rss = server.rssMb();
        rssPeak = Math.max(rssPeak, rss);
        console.log(
          `[${store}] ${f.name.padEnd(24)} ${f.reqPerS.toFixed(0).padStart(6)} req/s (2xx ${f.okPerS.toFixed(0)}/s)  p50 ${f.p50} ms  p99 ${f.p99} ms  statuses ${JSON.stringify(f.statuses)}  socket errors ${f.errors}  RSS ${mb(rss)}`,
        );
        if (f.bad > 0) failures.push(`${store} ${f.name}: ${f.bad} answers other than 2xx/429`);
        if (!Object.keys(f.statuses).some((code) => code.startsWith('2')))
          failures.push(`${store} ${f.name}: no request succeeded`);
        if (f.errors > 0) failures.push(`${store} ${f.name}: ${f.errors} socket errors or timeouts`);
      }
    const rssEnd = server.rssMb();
    const growth = (rssPeak - rssWarm) / rssWarm;
    console.log(
      `[${store}] RSS at end ${mb(rssEnd)}, peak after warm-up ${mb(rssPeak)} (${(growth * 100).toFixed(0)}% over warm-up; target <= 20%)`,
    );
    if (growth > 0.2) failures.push(`${store}: RSS grew ${(growth * 100).toFixed(0)}% after warm-up`);
    failures.push(...(await crowd(store, server, reps[0]!)));
  } catch (error) {
    failures.push(`${store}: ${(error as Error).message} (${String((error as Error).cause ?? '')})`);
    console.log(`[${store}] server output (last 2,000 characters):\n${server?.output().slice(-2000)}`);
  } finally {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return failures;
}

async function crowd(store: string, server: ServerProcess, rep: Rep): Promise<string[]> {
  const before = server.rssMb();
  let withCrowd = before;
  const figures = await sseCrowd({
    base: server.base,
    token: rep.token,
    count: SUBSCRIBERS,
    events: 5,
    onReady: () => {
      withCrowd = server.rssMb();
    },
    trigger: async () => {
      const response = await fetch(`${server.base}/api/v1/sends`, {
        method: 'POST',
        headers: { authorization: `Bearer ${rep.token}`, 'content-type': 'application/json' },
        body: sendBody(rep),
      });
      return ((await response.json()) as { send: { id: string } }).send.id;
    },
  });
  const l = figures.latencyMs;
  console.log(
    `[${store}] SSE: ${figures.subscribers} subscribers, RSS ${mb(before)} -> ${mb(withCrowd)} (${(((withCrowd - before) * 1024) / figures.subscribers).toFixed(0)} KB each); ${figures.events} events: latency p50 ${l.p50} ms, p99 ${l.p99} ms, max ${l.max} ms; missed ${figures.missed}`,
  );
  return figures.missed > 0 ? [`${store}: ${figures.missed} feed deliveries missed`] : [];
}

const failures: string[] = [];
console.log(
  `bench:api ${quick ? '(quick) ' : ''}runs of ${DURATION_S} s; rate limits ${defaultLimits ? 'as documented' : 'scaled x1000 (SENDWELL_RATE_LIMIT_SCALE) to measure the server'}. Wall-clock figures depend on what else runs on the machine.`,
);
for (const store of stores) failures.push(...(await benchStore(store)));
if (failures.length > 0) {
  console.log(`\nFAILED:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log(
  '\nAll targets met: only 2xx and documented 429 answers, memory flat after warm-up, every feed event delivered.',
);
process.exit(0);
