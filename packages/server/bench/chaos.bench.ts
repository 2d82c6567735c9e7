/**
 * `pnpm bench:chaos [--store pglite|postgres|both] [--quick] [--seed N]`: crash safety with the real
 * parts. The sandbox runs in its own process (its mailboxes outlive the server); `sendwell start`
 * runs in real-provider mode pointed at it; six reps (three Exchange Online, three Gmail) connect
 * their mailboxes through the consent pages; 1,000 drafts (bounce recipients mixed in) are posted
 * while the server is SIGKILLed at random moments 50 times and restarted on the same data. Then
 * Sendwell's records are judged against the sandbox's own truth (Sent folders, notices filed):
 * prints lost, duplicated, double-counted (all must be 0), bounces missed, analytics off, and the
 * time to drain. Exits 1 when any of them is not 0. PostgreSQL needs SENDWELL_BENCH_DATABASE_URL or
 * SENDWELL_TEST_DATABASE_URL (the bench creates and drops its own database).
 */

import { type ChaosResult, runChaos } from './chaos/run';
import type { StoreKind } from './cluster';

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const quick = process.argv.includes('--quick');
const storeFlag = flag('store') ?? 'both';
if (!['pglite', 'postgres', 'both'].includes(storeFlag)) {
  process.stderr.write(`--store must be pglite, postgres or both, got ${storeFlag}\n`);
  process.exit(2);
}
const stores: StoreKind[] = storeFlag === 'both' ? ['pglite', 'postgres'] : [storeFlag as StoreKind];
const seed = Number(flag('seed') ?? 11);

function report(r: ChaosResult): boolean {
  const v = r.verdict;
  const ok =
    v.lost === 0 &&
    v.duplicated === 0 &&
    v.doubleCounted === 0 &&
    v.missedBounces === 0 &&
    v.analyticsOff === 0;
  const lines = [
    `chaos ${r.store}: ${r.sends} sends, ${r.kills} kills (SIGKILL; ${r.inFlightKills} while the provider held an accepted send's answer), seed ${seed}`,
    `  lost:              ${v.lost}`,
    `  duplicated:        ${v.duplicated}`,
    `  double-counted:    ${v.doubleCounted}`,
    `  bounces missed:    ${v.missedBounces}`,
    `  analytics off:     ${v.analyticsOff}`,
    `  time to drain:     ${(r.drainMs / 1000).toFixed(1)} s after the last restart${r.drainTimedOut ? ' (TIMED OUT)' : ''}`,
    `  total:             ${(r.totalMs / 1000).toFixed(1)} s`,
    `  logs:              ${r.runDir}`,
    ...v.problems.map((p) => `  ! ${p}`),
    `  ${ok ? 'PASS' : 'FAIL'}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  return ok;
}

let allOk = true;
for (const [i, store] of stores.entries()) {
  const result = await runChaos({
    store,
    sends: quick ? 120 : 1000,
    kills: quick ? 6 : 50,
    basePort: 61000 + i * 10,
    seed: seed + i,
    maxGapMs: quick ? 5000 : 9000,
    leaseMs: 10_000,
    drainTimeoutMs: 15 * 60_000,
    progress: (line) => process.stdout.write(`[${store}] ${line}\n`),
  });
  allOk = report(result) && allOk;
}
process.exit(allOk ? 0 : 1);
