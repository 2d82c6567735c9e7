/**
 * `pnpm bench:instances [--quick] [--sends N] [--mailboxes M]`: two `sendwell start` processes on
 * one PostgreSQL (a database of its own), the sandbox in its own process as Microsoft and Google,
 * M reps (half Exchange Online, half Gmail) onboarded over HTTP, N sends queued through both
 * instances. Judged against the SANDBOX's own records, not ours: every send in the Sent folder
 * exactly once, no provider window (core's throttle profiles) above the provider's ceiling in the
 * log of sends it accepted, and each `send.queued` written by one instance on the other's live feed
 * within 3 s (both instances' fallback poll is set to 10 minutes: what wakes a stream is NOTIFY).
 * Exits non-zero when a target fails. Full: 10,000 sends, 20 mailboxes; --quick: 240 sends, 4.
 * Needs SENDWELL_BENCH_DATABASE_URL or SENDWELL_TEST_DATABASE_URL (a role that may create databases).
 */
import { type InstancesFigures, runInstances } from './instances/run';
import { percentile } from './instances/verdict';

const argv = process.argv.slice(2);
const flag = (name: string) => {
  const at = argv.indexOf(name);
  return at >= 0 ? Number(argv[at + 1]) : null;
};
const QUICK = argv.includes('--quick');
const MAILBOXES = flag('--mailboxes') ?? (QUICK ? 4 : 20);
const SENDS = flag('--sends') ?? (QUICK ? 240 : 10_000);
const LATENCY_TARGET_MS = 3_000;

const log = (line: string) => process.stdout.write(`${line}\n`);

/** Prints the figures; answers the failed targets. */
function report(r: InstancesFigures): string[] {
  const { delivery: d, feed } = r;
  const worst = [...d.windows].sort((x, y) => y.most / y.ceiling - x.most / x.ceiling)[0];
  const max = feed.latencies.at(-1) ?? Number.NaN;
  log('');
  log(
    `sent (sandbox Sent folders): ${r.sent}/${SENDS}; queued in ${(r.queuedMs / 1000).toFixed(0)} s, drained in ${(r.drainMs / 1000).toFixed(0)} s`,
  );
  log(`lost: ${d.lost.length}`);
  log(`duplicated (extra copies in Sent): ${d.duplicated}`);
  log(`same key through the other instance not answered as a duplicate: ${r.mismatches.length}`);
  log(
    `overspent windows (provider-accepted sends above its ceiling): ${d.overspent.length} of ${d.windows.length}`,
  );
  if (worst)
    log(
      `  fullest window: ${worst.address} ${worst.window} ${worst.most} (ceiling ${worst.ceiling}, our target ${worst.target})`,
    );
  log(`windows above our target (inside the ceiling's margin): ${d.aboveTarget.length}`);
  for (const w of d.aboveTarget.slice(0, 5))
    log(`  ${w.address} ${w.window}: ${w.most} (target ${w.target}, ceiling ${w.ceiling})`);
  log(`sends the provider refused (429 and other errors): ${d.refused}`);
  if (d.truncated)
    log(`WARNING: the sandbox dropped ${d.truncated} old call-log entries; those windows are unjudged`);
  log(
    `feed across instances: ${feed.latencies.length}/${feed.expected} send.queued seen on the other instance (missing ${feed.missing}); ` +
      `p50 ${percentile(feed.latencies, 50)} ms, p99 ${percentile(feed.latencies, 99)} ms, max ${max} ms (target <= ${LATENCY_TARGET_MS} ms)`,
  );
  for (const o of d.overspent) log(`  OVERSPENT ${o.address} ${o.window}: ${o.most} > ${o.ceiling}`);
  return [
    r.sent !== SENDS || d.lost.length > 0 ? 'lost sends' : null,
    d.duplicated > 0 || r.mismatches.length > 0 ? 'duplicates' : null,
    d.overspent.length > 0 || d.truncated > 0 ? 'overspent (or unjudged) windows' : null,
    feed.missing > 0 || !(max <= LATENCY_TARGET_MS) ? 'feed latency across instances' : null,
  ].filter((x) => x !== null);
}

log(`bench:instances: ${SENDS} sends, ${MAILBOXES} mailboxes${QUICK ? ' (--quick)' : ''}`);
runInstances({ sends: SENDS, mailboxes: MAILBOXES, basePort: 61100, log }).then(
  (figures) => {
    const failed = report(figures);
    log(failed.length ? `FAILED: ${failed.join(', ')}` : 'PASS: every target met');
    process.exit(failed.length ? 1 : 0);
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
