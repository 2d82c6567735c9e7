import { randomBytes } from 'node:crypto';
import { templateInfoSchema } from '@sendwell/core';
import { ApiClient, type Cluster, onboard, openCluster, type Rep, type StoreKind } from '../cluster';
import { readRecord, waitForDrain } from './collect';
import { type Accepted, feedDrafts } from './feeder';
import { addVerdicts, judgeRep, type Verdict } from './judge';
import { CHAOS_REPS, type Draft, planDrafts, seededRandom } from './plan';

export interface ChaosOptions {
  store: StoreKind;
  sends: number;
  kills: number;
  /** Sandbox on basePort, server on basePort + 1. */
  basePort: number;
  seed: number;
  /** Longest wait between two kills (ms); each gap is uniform in [200, maxGapMs]. */
  maxGapMs: number;
  /** `SENDWELL_SEND_LEASE_MS`: how soon a send in flight at a kill is taken over. */
  leaseMs: number;
  drainTimeoutMs: number;
  /** Every how many kills one lands while a send is in flight (default 3). */
  inFlightEvery?: number;
  /** How many of `CHAOS_REPS` send (default all six; the test uses one of each provider). */
  reps?: number;
  progress(line: string): void;
}

export interface ChaosResult {
  store: StoreKind;
  verdict: Verdict;
  sends: number;
  kills: number;
  /** Kills that landed while the provider held an accepted send's answer. */
  inFlightKills: number;
  /** From the last restart's first answer to the drained outbox and every bounce counted. */
  drainMs: number;
  totalMs: number;
  drainTimedOut: boolean;
  runDir: string;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function prepareReps(cluster: Cluster, count: number): Promise<{ reps: Rep[]; templates: string[] }> {
  const reps: Rep[] = [];
  const templates: string[] = [];
  for (const person of CHAOS_REPS.slice(0, count)) {
    const rep = await onboard(cluster.server.url, person.sandboxId, person.provider);
    const template = await new ApiClient(cluster.server.url, rep.token).call(
      templateInfoSchema,
      'POST',
      '/templates',
      {
        name: 'Chaos check',
        subject: 'Chaos check',
        body: '<p>Hello</p>',
      },
    );
    reps.push(rep);
    templates.push(template.id);
  }
  return { reps, templates };
}

/**
 * Waits (up to `waitMs`) until the sandbox holds the answer of an accepted send of `address`: the
 * provider has the message, Sendwell has not heard. False when no send came (nothing due there).
 */
async function heldInFlight(cluster: Cluster, address: string, waitMs: number): Promise<boolean> {
  const deadline = Date.now() + waitMs;
  while (Date.now() < deadline) {
    if ((await cluster.sandbox.stallStatus(address)).held > 0) return true;
    await pause(100);
  }
  return false;
}

/**
 * SIGKILL the server `kills` times, restarting it on the same data each time. Every third kill
 * (`inFlightEvery`) lands while a send is in flight (the sandbox holds its answer, `/dev/stall`),
 * taking the reps' mailboxes in turn so both providers get them; the others land at seeded random
 * moments.
 */
async function killRepeatedly(
  cluster: Cluster,
  reps: readonly Rep[],
  options: ChaosOptions,
  started: number,
): Promise<number> {
  const random = seededRandom(options.seed);
  let inFlight = 0;
  for (let k = 1; k <= options.kills; k += 1) {
    await pause(200 + random() * (options.maxGapMs - 200));
    const every = options.inFlightEvery ?? 3;
    if (k % every === 0) {
      const rep = reps[(k / every) % reps.length]!;
      await cluster.sandbox.stall(rep.email);
      if (await heldInFlight(cluster, rep.email, options.maxGapMs * 2)) inFlight += 1;
    }
    await cluster.server.kill();
    await cluster.sandbox.releaseStalls();
    await cluster.killAndRestart();
    if (k % 5 === 0 || k === options.kills)
      options.progress(
        `kill ${k}/${options.kills} at +${((Date.now() - started) / 1000).toFixed(0)} s (${inFlight} with a send in flight)`,
      );
  }
  return inFlight;
}

/** Each rep's records against their mailbox's truth, added up. */
async function judgeAll(
  cluster: Cluster,
  reps: readonly Rep[],
  templates: readonly string[],
  drafts: readonly Draft[],
  accepted: Accepted,
): Promise<Verdict> {
  const repOf = new Map(drafts.map((d) => [d.body.idempotencyKey, d.rep]));
  const verdicts: Verdict[] = [];
  for (const [i, rep] of reps.entries()) {
    const mine = new Map([...accepted].filter(([key]) => repOf.get(key) === i));
    const record = await readRecord(cluster.server.url, rep, templates[i]!, mine);
    verdicts.push(judgeRep(await cluster.sandbox.truth(rep.email), record));
  }
  return addVerdicts(verdicts);
}

/**
 * One chaos run on one store: onboard six reps (three Exchange Online, three Gmail), post the drafts
 * while the server is killed at random moments and restarted, wait for the outbox to drain, then
 * judge Sendwell's records against the sandbox's truth.
 */
export async function runChaos(options: ChaosOptions): Promise<ChaosResult> {
  const started = Date.now();
  const cluster = await openCluster({
    basePort: options.basePort,
    store: options.store,
    prefix: 'sw_chaos',
    env: { SENDWELL_SEND_LEASE_MS: String(options.leaseMs) },
  });
  let closed = false;
  try {
    const { reps, templates } = await prepareReps(cluster, options.reps ?? CHAOS_REPS.length);
    options.progress(`${reps.length} reps onboarded; run dir ${cluster.runDir}`);
    const runId = randomBytes(3).toString('hex');
    const drafts = planDrafts(options.sends, reps.length, runId, templates);
    const refusals: string[] = [];
    const target = { serverUrl: cluster.server.url, tokens: reps.map((r) => r.token) };
    const [accepted, inFlightKills] = await Promise.all([
      feedDrafts(target, drafts, 3, (key, why) => refusals.push(`${key}: ${why}`)),
      killRepeatedly(cluster, reps, options, started),
    ]);
    options.progress(`all drafts answered, ${options.kills} kills done; draining`);
    const drainStart = Date.now();
    const drained = await waitForDrain(cluster.server.url, cluster.sandbox, reps, {
      timeoutMs: options.drainTimeoutMs,
      settleMs: 20_000,
      progress: options.progress,
    });
    const drainMs = Date.now() - drainStart;
    const verdict = await judgeAll(cluster, reps, templates, drafts, accepted);
    verdict.problems.unshift(...refusals.slice(0, 10).map((r) => `refused: ${r}`));
    await cluster.close();
    closed = true;
    return {
      store: options.store,
      verdict,
      sends: options.sends,
      kills: options.kills,
      inFlightKills,
      drainMs,
      totalMs: Date.now() - started,
      drainTimedOut: drained.timedOut,
      runDir: cluster.runDir,
    };
  } finally {
    if (!closed) await cluster.close();
  }
}
