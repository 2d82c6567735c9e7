import { randomBytes } from 'node:crypto';
import { type ProfileId, quotaInfoSchema } from '@sendwell/core';
import { ApiClient, onboard, openCluster, type Rep, type SandboxProcess, startServer } from '../cluster';
import { type FeedProbe, probeFeed } from './feedProbe';
import { queueSends } from './queue';
import { crossInstanceLatency, type Delivery, type FeedLatency, judgeDelivery } from './verdict';

export interface InstancesRun {
  sends: number;
  mailboxes: number;
  /** Sandbox on basePort, instance A on basePort + 1, B on basePort + 2. */
  basePort: number;
  log(line: string): void;
}

export interface InstancesFigures {
  /** Messages in the reps' Sent folders when the outbox stopped moving. */
  sent: number;
  queuedMs: number;
  drainMs: number;
  delivery: Delivery;
  feed: FeedLatency;
  /** Keys posted again through the other instance that did not answer as a duplicate. */
  mismatches: string[];
}

const STALL_MS = 180_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until the sandbox holds `total` sent messages over the reps (or nothing moved for STALL_MS). */
async function drain(
  run: InstancesRun,
  sandbox: SandboxProcess,
  reps: Rep[],
  started: number,
): Promise<number> {
  let last = -1;
  let movedAt = Date.now();
  let loggedAt = 0;
  for (;;) {
    const counts = await Promise.all(reps.map(async (r) => (await sandbox.truth(r.email)).sent.length));
    const sent = counts.reduce((a, b) => a + b, 0);
    if (sent !== last) movedAt = Date.now();
    if (sent >= run.sends || Date.now() - loggedAt >= 30_000) {
      run.log(`  ${sent}/${run.sends} in Sent after ${((Date.now() - started) / 1000).toFixed(0)} s`);
      loggedAt = Date.now();
    }
    last = sent;
    if (sent >= run.sends || Date.now() - movedAt > STALL_MS) return sent;
    await sleep(2_000);
  }
}

/** Onboards rep01..repMM through A (odd: Exchange Online, even: Gmail), reads each profile through B, opens feeds on both. */
async function onboardReps(run: InstancesRun, servers: string[], probes: Map<string, FeedProbe>[]) {
  const reps: Rep[] = [];
  const profiles = new Map<string, ProfileId>();
  for (let i = 1; i <= run.mailboxes; i++) {
    const id = `rep${String(i).padStart(2, '0')}`;
    // Consent goes through A: the sandbox registered its redirect URIs for the first server.
    const rep = await onboard(servers[0]!, id, i % 2 === 1 ? 'microsoft' : 'google');
    reps.push(rep);
    const quota = await new ApiClient(servers[1]!, rep.token).call(quotaInfoSchema, 'GET', '/quota');
    profiles.set(rep.userId, quota.profileId);
    for (const [n, url] of servers.entries()) probes[n]!.set(rep.userId, await probeFeed(url, rep.token));
  }
  return { reps, profiles };
}

/**
 * Two `sendwell start` on one new PostgreSQL database, the sandbox in its own process with
 * generated people, reps onboarded over HTTP, sends queued through both instances; then the
 * sandbox's own records judged (see instances.bench.ts).
 */
export async function runInstances(run: InstancesRun): Promise<InstancesFigures> {
  // The sandbox process inherits this: it generates rep01..repMM.
  process.env.SENDWELL_SANDBOX_BENCH_PEOPLE = String(run.mailboxes);
  const env = {
    // What wakes a stream must be NOTIFY: the fallback poll comes every 15 s at most (the heartbeat).
    SENDWELL_FEED_POLL_MS: '600000',
    SENDWELL_SENDER_INTERVAL_MS: '500',
    // Bounces are not judged here: scan less, leave the cores to the senders.
    SENDWELL_SCAN_INTERVAL_MS: '15000',
  };
  const cluster = await openCluster({
    basePort: run.basePort,
    store: 'postgres',
    prefix: 'sw_instances',
    env,
  });
  const probes: Map<string, FeedProbe>[] = [new Map(), new Map()];
  const b = await startServer({ ...cluster.spec, name: 'b', port: run.basePort + 2 }).catch(async (error) => {
    await cluster.close();
    throw error;
  });
  const servers = [cluster.server.url, b.url];
  run.log(`instances ${servers.join(' and ')} on one PostgreSQL; run dir ${cluster.runDir}`);
  try {
    const { reps, profiles } = await onboardReps(run, servers, probes);
    run.log(
      `onboarded ${reps.length} reps (${[...new Set(profiles.values())].join(', ')}); feeds open on both`,
    );
    const started = Date.now();
    const result = await queueSends({
      servers,
      reps,
      total: run.sends,
      concurrency: 16,
      runId: randomBytes(3).toString('hex'),
      onProgress: (n) => run.log(`  ${n}/${run.sends} queued`),
    });
    const queuedMs = Date.now() - started;
    run.log(
      `queued ${result.queued.length} in ${(queuedMs / 1000).toFixed(1)} s (${result.retries} answers retried)`,
    );
    const sent = await drain(run, cluster.sandbox, reps, started);
    const drainMs = Date.now() - started;
    await sleep(3_000); // the last feed events
    return {
      sent,
      queuedMs,
      drainMs,
      delivery: await judgeDelivery(cluster.sandbox, reps, profiles, result.queued),
      feed: crossInstanceLatency(result.queued, probes),
      mismatches: result.duplicateMismatches,
    };
  } finally {
    for (const map of probes) for (const probe of map.values()) probe.close();
    await b.stop();
    await cluster.close();
  }
}
