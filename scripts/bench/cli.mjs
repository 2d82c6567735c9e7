// `pnpm bench:cli [--runs N] [--start-runs N] [--no-tsx] [--no-start]`: the `sendwell` CLI as users
// run it, each measurement a whole new process (start-up included), N times; prints the median and
// min-max. Built = packages/server/dist (node directly, the launcher, its sh wrapper, `pnpm sendwell`); tsx = the
// TypeScript sources compiled at start (`pnpm sendwell:dev`), for comparison.
//   --help                          start-up only
//   bounces parse --json <corpus>   bench-data/bounces maildir/ + to-be-debugged-because/ (753 files)
//   start                           until GET / answers (fresh PGlite data dir: migrations included)
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at === -1 ? fallback : Number(args[at + 1]);
};
const RUNS = option('--runs', 10);
const START_RUNS = option('--start-runs', 3);
const WITH_TSX = !args.includes('--no-tsx');
const WITH_START = !args.includes('--no-start');
const CORPUS = ['bench-data/bounces/maildir', 'bench-data/bounces/to-be-debugged-because'];

const BUILT = ['node', ['packages/server/dist/sendwell.mjs']];
const RUNNERS = {
  'node dist/sendwell.mjs': BUILT,
  'node scripts/sendwell.mjs': ['node', ['scripts/sendwell.mjs']],
  'sh scripts/sendwell.sh': ['sh', ['scripts/sendwell.sh']],
  'pnpm sendwell': ['pnpm', ['sendwell']],
  'tsx (pnpm sendwell:dev)': ['pnpm', ['sendwell:dev']],
};
const VIA_LAUNCHER = new Set(['node scripts/sendwell.mjs', 'sh scripts/sendwell.sh', 'pnpm sendwell']);
const builtRunners = Object.keys(RUNNERS).filter((name) => WITH_TSX || !name.startsWith('tsx'));
// bounces parse with its worker threads forced off / on (by default it uses the cores idle right now).
const THREADED = {
  '  ... 1 thread': [...BUILT, { SENDWELL_BOUNCE_THREADS: '1' }],
  '  ... 2 threads': [...BUILT, { SENDWELL_BOUNCE_THREADS: '2' }],
  // The engine compiled at start instead of read from its V8 code cache (src/cli/codeCache.ts).
  '  ... no code cache': [...BUILT, { SENDWELL_CODE_CACHE: 'off' }],
};

/** Runs one process to its end: wall time in ms and the number of stdout lines. */
function timed(command, commandArgs, env = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, commandArgs, {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let lines = 0;
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      for (const byte of chunk) if (byte === 10) lines++;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      if (code !== 0) reject(new Error(`${command} ${commandArgs.join(' ')} exited ${code}\n${stderr}`));
      else resolve({ ms, lines });
    });
  });
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

/** `sendwell start` until GET / answers 200, then SIGTERM; a fresh data dir each time. */
async function timedStart(command, commandArgs) {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'sendwell-bench-cli-'));
  const started = performance.now();
  const child = spawn(command, [...commandArgs, 'start', '--port', String(port), '--data-dir', dataDir], {
    cwd: ROOT,
    env: { ...process.env, SENDWELL_SANDBOX_SMTP_PORT: 'off' },
    stdio: 'ignore',
    detached: true, // its own process group: pnpm's child node goes with it
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${command} start exited ${child.exitCode}`);
      const answer = await fetch(`http://127.0.0.1:${port}/`).catch(() => null);
      if (answer?.status === 200) return { ms: performance.now() - started };
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } finally {
    if (child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function summary(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { median, min: sorted[0], max: sorted.at(-1) };
}

const ms = (value) => `${Math.round(value)} ms`.padStart(8);

/**
 * Each runner `runs` times, interleaved (run 1 of each, then run 2 of each...), so a machine whose
 * load drifts during the bench weighs on every runner alike. Before each sample through the
 * launcher an untimed run makes sure the bundle is fresh (other work in the checkout may have
 * changed a source): the sample then times the staleness check, not a rebuild.
 */
async function measure(title, runners, once, { perMessage = false, runs = RUNS } = {}) {
  console.log(`\n${title}`);
  const samples = new Map(runners.map(([name]) => [name, []]));
  let lines = 0;
  for (let i = 0; i < runs; i++) {
    for (const [name, [command, base, env]] of runners) {
      if (name.startsWith('tsx') && i >= 5) continue;
      if (VIA_LAUNCHER.has(name)) await timed('node', ['scripts/sendwell.mjs', '--help']);
      const result = await once(command, base, env);
      samples.get(name).push(result.ms);
      lines = result.lines ?? lines;
    }
  }
  for (const [name, values] of samples) {
    const { median, min, max } = summary(values);
    const rate = perMessage ? `  ${Math.round((lines / median) * 1000)} msg/s (${lines} messages)` : '';
    console.log(
      `  ${name.padEnd(26)} median ${ms(median)}  min ${ms(min)}  max ${ms(max)}  (n=${values.length})${rate}`,
    );
  }
}

const pick = (names) => names.map((name) => [name, RUNNERS[name]]);

// A first run through the launcher builds the bundle when it is missing or stale.
await timed(...RUNNERS['node scripts/sendwell.mjs'], ['--help']);
console.log(
  `sendwell CLI, whole processes; ${RUNS} runs each (tsx: at most 5); load ${loadavg()[0].toFixed(1)}`,
);
// Node reads this bundle at every start (~75 ms for Debian's): scripts/sendwell.sh drops it for the
// commands that open no TLS connection, so `node dist/...` and `pnpm sendwell` differ by that much.
console.log(
  `NODE_EXTRA_CA_CERTS ${process.env.NODE_EXTRA_CA_CERTS ? `set (${process.env.NODE_EXTRA_CA_CERTS})` : 'not set'}`,
);
await measure('start-up: sendwell --help', pick(builtRunners), (command, base) =>
  timed(command, [...base, '--help']),
);
await measure(
  `bounces parse --json ${CORPUS.join(' ')}`,
  [...pick(builtRunners), ...Object.entries(THREADED)],
  (command, base, env) => timed(command, [...base, 'bounces', 'parse', '--json', ...CORPUS], env),
  { perMessage: true },
);
if (WITH_START) {
  const startRunners = pick(['node dist/sendwell.mjs', ...(WITH_TSX ? ['tsx (pnpm sendwell:dev)'] : [])]);
  await measure('start: until GET / answers', startRunners, timedStart, { runs: START_RUNS });
}
