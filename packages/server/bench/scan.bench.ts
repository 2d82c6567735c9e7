/**
 * `pnpm bench:scan`: the inbox scanner against a sandbox Gmail mailbox of 100,000 messages holding
 * 1,000 bounce notices and 1,000 replies to our own emails (the sandbox's fill route). Prints the
 * first scan's backfill (time, provider calls, Gmail quota units per bounce found, target ≤ 30) and
 * the cost of an incremental scan with 10 new messages at 1,000 and at 100,000 messages (it must not
 * grow). Calls and units are what the sandbox's call log counted (Google's published unit table).
 */
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { serve } from '@hono/node-server';
import { DAY_MS, ManualClock, silentLogger } from '@sendwell/core';
import { GmailApiMailbox } from '@sendwell/gmail';
import { type CallSummary, createSandbox, type Sandbox } from '@sendwell/sandbox';
import { Hono } from 'hono';
import { seedUsers } from '../src/seed';
import { FeedHub } from '../src/services/feedHub';
import { openDb } from '../src/store/db';
import { migrate } from '../src/store/migrations';
import type { MailboxRow } from '../src/store/rows';
import { findMailbox, findUser } from '../src/store/users';
import { type ScannerDeps, scanOneMailbox } from '../src/workers/scannerWorker';

const BIG = Number(process.env.SENDWELL_BENCH_SCAN_MESSAGES ?? 100_000);
const NOTICES = Math.round(BIG / 100);
const SMALL = 1_000;
const NEW_MESSAGES = 10;
const QUOTA_TARGET = 30;

interface World {
  sandbox: Sandbox;
  clock: ManualClock;
  deps: ScannerDeps;
  port(row: MailboxRow): GmailApiMailbox;
  close(): Promise<void>;
}

async function openWorld(): Promise<World> {
  const clock = new ManualClock('2026-03-02T10:00:00Z');
  let handler: Hono | null = null;
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve(
      { fetch: (req) => (handler ? handler.fetch(req) : new Response('', { status: 503 })), port: 0 },
      () => resolve(s),
    );
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sandbox`;
  // The bench sends its own emails first and reads a big mailbox with a frozen clock: Gmail's daily
  // send and per-minute unit windows would stop it, so they are lifted; the units are still counted.
  const huge = 1_000_000_000;
  const sandbox = createSandbox({
    baseUrl,
    clock,
    noticeDelayMs: 1000,
    limits: { gmail: { messagesPerDay: huge, recipientsPerDay: huge, quotaUnitsPerMinute: huge } },
  });
  handler = new Hono().route('/sandbox', sandbox.app);
  const db = await openDb({ memory: true });
  await migrate(db);
  await seedUsers(db, sandbox.users);
  const ports = new Map<string, GmailApiMailbox>();
  const port = (row: MailboxRow) => {
    const made =
      ports.get(row.id) ??
      new GmailApiMailbox({
        address: row.address,
        rootUrl: sandbox.google.rootUrl,
        getToken: async () => sandbox.issueGoogleAccessToken(row.userId),
        clock,
      });
    ports.set(row.id, made);
    return made;
  };
  // No Sent-folder budget scan here: only the inbox scan is measured.
  const deps: ScannerDeps = { db, clock, hub: new FeedHub(), logger: silentLogger, mailboxFor: port };
  return {
    sandbox,
    clock,
    deps,
    port,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}

/** Our own emails, 29 days ago, through Gmail (so their threads exist), recorded as submitted sends. */
async function sendOurs(world: World, row: MailboxRow, count: number): Promise<string[]> {
  const now = world.clock.now();
  world.clock.set(new Date(now.getTime() - 29 * DAY_MS));
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = `bench-${row.userId}-${i}`;
    const messageId = `${id}@sendwell.local`;
    const to = `person${i}@example.com`;
    const result = await world.port(row).send({
      sendwellId: id,
      messageId,
      from: row.address,
      to: [to],
      subject: 'Quick question',
      html: '<p>Hi</p>',
    });
    if (result.status !== 'submitted') throw new Error(`bench send ${id}: ${JSON.stringify(result)}`);
    await world.deps.db.query(
      `insert into sends (id, user_id, mailbox_id, host, idempotency_key, message_id, from_addr, to_addrs, cc_addrs,
         bcc_addrs, subject, body, status, send_at, submitted_at, thread_id, rfc_message_id)
       values ($1, $2, $3, 'web', $1, $4, $5, $6, '[]', '[]', 'Quick question', '<p>Hi</p>', 'submitted', $7, $7, $8, $4)`,
      [
        id,
        row.userId,
        row.id,
        messageId,
        row.address,
        JSON.stringify([to]),
        world.clock.now(),
        result.threadId ?? null,
      ],
    );
    ids.push(messageId);
  }
  world.clock.set(now);
  return ids;
}

async function fill(world: World, address: string, body: Record<string, unknown>): Promise<void> {
  const response = await world.sandbox.app.request('/dev/mailboxes/fill', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ address, ...body }),
  });
  if (!response.ok) throw new Error(`fill ${address}: ${response.status} ${await response.text()}`);
}

interface Measured {
  seconds: number;
  calls: CallSummary;
}

async function measured(world: World, row: MailboxRow): Promise<Measured> {
  world.sandbox.resetCalls(row.address);
  const fresh = (await findMailbox(world.deps.db, row.id))!;
  const started = performance.now();
  await scanOneMailbox(world.deps, fresh);
  return { seconds: (performance.now() - started) / 1000, calls: world.sandbox.calls(row.address) };
}

async function found(world: World, row: MailboxRow) {
  const [counts] = await world.deps.db.query<{ bounces: string; replies: string; attributed: string }>(
    `select (select count(distinct provider_message_id) from bounces where mailbox_id = $1) as bounces,
            (select count(*) from replies where mailbox_id = $1 and not auto) as replies,
            (select count(*) from replies where mailbox_id = $1 and send_id is not null) as attributed`,
    [row.id],
  );
  return {
    bounces: Number(counts!.bounces),
    replies: Number(counts!.replies),
    attributed: Number(counts!.attributed),
  };
}

/** A mailbox of `size` messages (1% notices, 1% replies): backfill, then 10 new messages incrementally. */
async function scenario(world: World, userId: string, size: number) {
  const user = (await findUser(world.deps.db, userId))!;
  const row = await mailboxOf(world, userId);
  const notices = Math.round(size / 100);
  const ours = await sendOurs(world, row, notices);
  const filled = performance.now();
  await fill(world, user.email, {
    messages: size,
    bounces: notices,
    replies: notices,
    replyTo: ours,
    days: 29,
  });
  const fillSeconds = (performance.now() - filled) / 1000;
  const backfill = await measured(world, row);
  const backfillFound = await found(world, row);
  await fill(world, user.email, {
    messages: NEW_MESSAGES,
    bounces: 1,
    replies: 1,
    replyTo: ours.slice(0, 1),
    days: 1,
  });
  const incremental = await measured(world, row);
  const after = await found(world, row);
  return { size, fillSeconds, backfill, backfillFound, incremental, incrementalFound: after };
}

async function mailboxOf(world: World, userId: string): Promise<MailboxRow> {
  const [row] = await world.deps.db.query<{ id: string }>(
    "select id from mailboxes where user_id = $1 and provider = 'gmail'",
    [userId],
  );
  return (await findMailbox(world.deps.db, row!.id))!;
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits });
const routes = (calls: CallSummary) =>
  Object.entries(calls.byRoute)
    .sort((a, b) => b[1] - a[1])
    .map(([route, n]) => `${route} ×${fmt(n)}`)
    .join(', ');

async function main(): Promise<void> {
  const world = await openWorld();
  try {
    const small = await scenario(world, 'ivy', SMALL);
    const big = await scenario(world, 'gus', BIG);
    const perBounce = big.backfill.calls.quotaUnits / Math.max(1, big.backfillFound.bounces);
    console.log(
      `bench:scan — sandbox Gmail mailbox of ${fmt(BIG)} messages (${fmt(NOTICES)} bounces, ${fmt(NOTICES)} replies)`,
    );
    console.log(`  fill: ${fmt(big.fillSeconds, 1)} s (sandbox fill route)`);
    console.log(`  backfill (first scan, last 30 days): ${fmt(big.backfill.seconds, 1)} s`);
    console.log(`    provider calls: ${fmt(big.backfill.calls.total)} (${routes(big.backfill.calls)})`);
    console.log(`    mutating calls on user mail: ${big.backfill.calls.mutating}`);
    console.log(
      `    found: ${fmt(big.backfillFound.bounces)} bounces, ${fmt(big.backfillFound.replies)} replies (${fmt(big.backfillFound.attributed)} tied to our sends)`,
    );
    console.log(
      `    Gmail quota units: ${fmt(big.backfill.calls.quotaUnits)} = ${fmt(perBounce, 1)} per bounce found (target ≤ ${QUOTA_TARGET}: ${perBounce <= QUOTA_TARGET ? 'met' : 'MISSED'})`,
    );
    console.log(`  incremental scan with ${NEW_MESSAGES} new messages (1 bounce, 1 reply):`);
    for (const run of [small, big]) {
      const c = run.incremental.calls;
      console.log(
        `    at ${fmt(run.size).padStart(7)} messages: ${fmt(c.total)} calls, ${fmt(c.quotaUnits)} units, ${fmt(run.incremental.seconds * 1000)} ms (${routes(c)})`,
      );
    }
    const grew = big.incremental.calls.quotaUnits > small.incremental.calls.quotaUnits;
    console.log(`    cost ${grew ? 'GREW' : 'did not grow'} with the mailbox's size`);
    const missing = NOTICES + 1 - big.incrementalFound.bounces + (NOTICES + 1 - big.incrementalFound.replies);
    if (grew || perBounce > QUOTA_TARGET || missing > 0) {
      console.log(`  FAILED: ${missing} notices or replies not found, or a target missed`);
      process.exitCode = 1;
    }
  } finally {
    await world.close();
  }
}

await main();
