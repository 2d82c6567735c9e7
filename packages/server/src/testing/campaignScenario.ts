import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import {
  campaignAnalyticsSchema,
  campaignSchema,
  enrolAnswerSchema,
  ManualClock,
  silentLogger,
} from '@sendwell/core';
import pg from 'pg';
import { loadConfig } from '../config/config';
import { createSendwell, type Sendwell } from '../sendwell';
import { type Fate, judgeScenario, type ScenarioVerdict } from './campaignTruth';
import { type FeedWatch, watchFeed } from './feedWatch';

/**
 * The end-to-end campaign: a sandbox-mode Sendwell on a manual clock with a real listening
 * server (the sender and scanner reach the sandbox's Graph over HTTP), one rep (ava, Exchange
 * Online), a 3-step campaign and `people` people whose domains decide their fate in the sandbox
 * (good, hard bounce, soft bounce, delay, reply, out-of-office, one-click unsubscribe, spam complaint). Time runs until every person is
 * finished or left; then `judgeScenario` compares Sendwell's records with the sandbox's own truth.
 * Used by `campaigns.scenario.test.ts` (small) and `pnpm bench:campaigns` (200 people).
 */

export interface ScenarioOptions {
  people: number;
  /** PostgreSQL: a fresh database is created on this server (admin URL) and dropped afterwards. */
  postgresAdminUrl?: string;
  /** Wall-clock progress lines (the bench prints them). */
  log?: (line: string) => void;
}

export interface ScenarioResult extends ScenarioVerdict {
  rounds: number;
  simulatedHours: number;
  wallSeconds: number;
}

const START = '2026-03-02T08:00:00Z';
const MINUTE = 60_000;
const NOTICE_DELAY_MS = 2 * MINUTE;
/** The mix, by position in a block of 20 people: mostly good, every fate present. */
const MIX: Fate[] = [
  'hard', 'good', 'soft', 'good', 'reply', 'good', 'delay', 'good', 'ooo', 'good',
  'good', 'reply', 'good', 'unsub', 'good', 'complain', 'good', 'good', 'good', 'good',
]; // biome-ignore format: the table reads better as a block
const DOMAIN: Record<Fate, string> = {
  good: 'prospects.test',
  hard: 'bounce.test',
  soft: 'full.test',
  delay: 'delay.test',
  reply: 'reply.test',
  ooo: 'ooo.test',
  unsub: 'unsubscribe.test',
  complain: 'complain.test',
};

function fateOf(index: number): Fate {
  return MIX[index % MIX.length]!;
}

export async function runCampaignScenario(options: ScenarioOptions): Promise<ScenarioResult> {
  const began = performance.now();
  const dataDir = mkdtempSync(join(tmpdir(), 'sendwell-campaign-scenario-'));
  const clock = new ManualClock(START);
  let sendwell: Sendwell | undefined;
  const server: ServerType = serve({
    fetch: (req) => sendwell!.app.fetch(req),
    port: 0,
    hostname: '127.0.0.1',
  });
  await new Promise((resolve) => server.once('listening', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  let feed: FeedWatch | undefined;
  const postgres = options.postgresAdminUrl ? await freshDatabase(options.postgresAdminUrl) : null;
  try {
    sendwell = await createSendwell(
      loadConfig({ port, dataDir, ...(postgres ? { databaseUrl: postgres.url } : {}) }, {}),
      { logger: silentLogger, clock, sandboxNoticeDelayMs: NOTICE_DELAY_MS },
    );
    const api = apiAs(sendwell, 'ava');
    const campaignId = await setUpCampaign(api, options.people);
    feed = await watchFeed(
      `${sendwell.config.baseUrl}/api/v1/feed/stream?scope=team&access_token=${sendwell.apiTokenFor('ava')}`,
    );
    const { rounds, roundEnds } = await runUntilSettled(sendwell, clock, options.log);
    const analytics = campaignAnalyticsSchema.parse(await api('GET', `/campaigns/${campaignId}/analytics`));
    const calls = (await (
      await fetch(`${sendwell.config.baseUrl}/sandbox/dev/calls?address=ava@contoso.test`)
    ).json()) as {
      mutating?: number;
    };
    const verdict = await judgeScenario({
      db: sendwell.db,
      sandbox: sendwell.sandbox!,
      campaignId,
      analytics,
      feedArrivals: feed.arrivals,
      roundEnds,
      mutatingCalls: calls.mutating ?? Number.NaN,
    });
    return {
      ...verdict,
      rounds,
      simulatedHours: Math.round((clock.now().getTime() - Date.parse(START)) / 3600_000),
      wallSeconds: Math.round((performance.now() - began) / 100) / 10,
    };
  } finally {
    feed?.close();
    // Let the server see the stream end (its loop stops on the abort) before the store closes.
    await new Promise((resolve) => setTimeout(resolve, 200));
    server.close();
    await sendwell?.close();
    await postgres?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function freshDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `sendwell_scenario_${randomBytes(6).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(sql);
    await client.end();
  };
  await admin(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}

type Api = (method: string, path: string, body?: unknown) => Promise<unknown>;

function apiAs(sendwell: Sendwell, user: string): Api {
  return async (method, path, body) => {
    const response = await sendwell.app.request(`/api/v1${path}`, {
      method,
      body: body === undefined ? undefined : JSON.stringify(body),
      headers: { 'content-type': 'application/json', authorization: `Bearer ${sendwell.apiTokenFor(user)}` },
    });
    const json = await response.json();
    if (response.status >= 400)
      throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  };
}

/** Three templates, a 3-step campaign (the second step replies in the first's thread), the people. */
async function setUpCampaign(api: Api, people: number): Promise<string> {
  // The breaker is tested on its own; here the mix's bounce rate must not pause the campaign.
  await api('PUT', '/settings/bounce-rules', {
    softBounceLimit: 3,
    softBounceDays: 7,
    softSuppressDays: 30,
    breakerWindow: 20,
    breakerRate: 0.9,
    trackOpens: false,
    trackClicks: false,
  });
  const templates: string[] = [];
  for (const step of [1, 2, 3]) {
    const t = (await api('POST', '/templates', {
      name: `Scenario step ${step}`,
      subject: `Step ${step} for {{recipient.firstName|you}}`,
      body: `<p>Hi {{recipient.firstName|there}}, this is step ${step}.</p>`,
    })) as { id: string };
    templates.push(t.id);
  }
  const campaign = campaignSchema.parse(
    await api('POST', '/campaigns', {
      name: 'Scenario',
      timeZone: 'Europe/London',
      steps: [
        { templateId: templates[0], delay: { amount: 0, unit: 'hours' } },
        { templateId: templates[1], delay: { amount: 1, unit: 'days' }, thread: 'same' },
        { templateId: templates[2], delay: { amount: 2, unit: 'days' } },
      ],
    }),
  );
  const list = Array.from({ length: people }, (_, i) => ({
    email: `person${String(i).padStart(4, '0')}@${DOMAIN[fateOf(i)]}`,
    displayName: `Person${i} Example`,
  }));
  for (let i = 0; i < list.length; i += 500) {
    const answer = enrolAnswerSchema.parse(
      await api('POST', `/campaigns/${campaign.id}/enrolments`, {
        people: list.slice(i, i + 500),
        source: 'api',
      }),
    );
    if (answer.errors.length)
      throw new Error(`enrolment refused rows: ${JSON.stringify(answer.errors.slice(0, 3))}`);
  }
  return campaign.id;
}

/**
 * Advances the manual clock in steps: a minute while sends are due or notices are on their way,
 * else straight to the next due step or send. Stops when nobody is active, nothing waits in the
 * outbox, and the sandbox has delivered every notice and reply (two quiet rounds after that).
 */
async function runUntilSettled(sendwell: Sendwell, clock: ManualClock, log?: (line: string) => void) {
  const roundEnds: { maxEventId: number; at: number }[] = [];
  let rounds = 0;
  let quiet = 0;
  while (quiet < 3 && rounds < 20_000) {
    await sendwell.runWorkersOnce();
    rounds += 1;
    const [{ max }] = (await sendwell.db.query('select coalesce(max(id), 0)::int as max from events')) as [
      { max: number },
    ];
    roundEnds.push({ maxEventId: Number(max), at: performance.now() });
    const next = await nextDue(sendwell, clock);
    const now = clock.now().getTime();
    if (next.active === 0 && next.waiting === 0) quiet += 1;
    const jump = next.at === null ? NOTICE_DELAY_MS : Math.max(MINUTE, next.at - now);
    // Notices and replies come NOTICE_DELAY_MS after a send: never jump past them.
    clock.advance(next.recentSends ? Math.min(jump, MINUTE) : jump);
    if (log && rounds % 200 === 0)
      log(`  round ${rounds}: ${next.active} active, ${next.waiting} waiting sends`);
  }
  return { rounds, roundEnds };
}

async function nextDue(sendwell: Sendwell, clock: ManualClock) {
  const [row] = (await sendwell.db.query(
    `select
       (select count(*)::int from enrolments where status = 'active') as active,
       (select count(*)::int from sends where status in ('scheduled', 'retry', 'sending')) as waiting,
       (select min(send_at) from sends where status in ('scheduled', 'retry')) as send_at,
       (select min(next_at) from enrolments where status = 'active' and next_at is not null) as next_at,
       (select count(*)::int from sends where submitted_at > $1) as recent`,
    // Sends whose notices or replies may still be on their way.
    [new Date(clock.now().getTime() - NOTICE_DELAY_MS - 2 * MINUTE)],
  )) as [Record<string, unknown>];
  const times = [row.send_at, row.next_at].filter((v) => v != null).map((v) => new Date(String(v)).getTime());
  return {
    active: Number(row.active),
    waiting: Number(row.waiting),
    at: times.length ? Math.min(...times) : null,
    recentSends: Number(row.recent) > 0,
  };
}
