#!/usr/bin/env node
// `npm start` and `npm test` on a machine that has only Node 20 and npm: get the pinned pnpm,
// install what is missing, build (the Outlook pane, the web app, the server bundle), then start
// Sendwell or run every test.
// Plain Node (no dependencies): it runs before anything is installed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const PNPM_VERSION = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).packageManager.split(
  '@',
)[1];
const RESULTS = join(ROOT, '.sendwell', 'test-results');
const CHROMIUM = process.env.SENDWELL_CHROMIUM ?? '/usr/bin/chromium';

function run(command, args, options = {}) {
  const result = spawnSync(command, args, {
    cwd: ROOT,
    stdio: 'inherit',
    ...options,
    env: { ...process.env, ...options.env },
  });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function must(command, args, options) {
  const status = run(command, args, options);
  if (status !== 0) {
    console.error(`\n${command} ${args.join(' ')} failed with exit code ${status}`);
    process.exit(status);
  }
}

/** The pinned pnpm: the one on PATH when it is the right version, else through npx. */
function pnpmCommand() {
  const probe = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
  if (!probe.error && probe.stdout.trim() === PNPM_VERSION) return ['pnpm', []];
  return ['npx', ['--yes', `pnpm@${PNPM_VERSION}`]];
}

const [PNPM, PNPM_ARGS] = pnpmCommand();
const pnpm = (args, options) => run(PNPM, [...PNPM_ARGS, ...args], options);
const mustPnpm = (args, options) => must(PNPM, [...PNPM_ARGS, ...args], options);

function install() {
  // pnpm 12 ignores the machine's npmrc nodedir; native builds (if any) need the local headers.
  mustPnpm(['install', '--frozen-lockfile'], {
    env: { npm_config_nodedir: process.env.npm_config_nodedir ?? '/usr', CI: 'true' },
  });
}

function ensureChromium() {
  if (existsSync(CHROMIUM)) return true;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log('Installing Debian chromium for the browser tests...');
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', 'chromium']);
  }
  return existsSync(CHROMIUM);
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function test() {
  install();
  rmSync(RESULTS, { recursive: true, force: true });
  // 0700: .sendwell is also `npm start`'s data directory, which `start` refuses when others can enter it.
  mkdirSync(RESULTS, { recursive: true, mode: 0o700 });
  let failed = false;
  const step = (name, status) => {
    if (status !== 0) {
      failed = true;
      console.error(`\n✗ ${name} failed (exit ${status})`);
    }
  };
  step('typecheck', pnpm(['exec', 'tsc', '-b']));
  step('lint and format', pnpm(['exec', 'biome', 'check', '.']));
  // Dead files, exports and dependencies (knip.json): what nothing uses is removed, not kept "just in case".
  step('dead code', pnpm(['exec', 'knip', '--no-progress']));
  step(
    'unit and integration tests',
    pnpm([
      'exec',
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile=${join(RESULTS, 'vitest.json')}`,
    ]),
  );
  step('build', pnpm(['build']));
  let e2e = null;
  if (ensureChromium()) {
    const status = pnpm(['--filter', '@sendwell/e2e', 'test'], {
      env: { PLAYWRIGHT_JSON_OUTPUT_NAME: join(RESULTS, 'playwright.json') },
    });
    step('e2e', status);
    e2e = readJson(join(RESULTS, 'playwright.json'));
  } else {
    console.warn(`\n! ${CHROMIUM} not found and could not be installed: browser tests skipped.`);
  }
  const unit = readJson(join(RESULTS, 'vitest.json'));
  const passed = (unit?.numPassedTests ?? 0) + (e2e?.stats?.expected ?? 0);
  const failures = (unit?.numFailedTests ?? 0) + (e2e?.stats?.unexpected ?? 0) + (e2e?.stats?.flaky ?? 0);
  const skipped = (unit?.numPendingTests ?? 0) + (unit?.numTodoTests ?? 0) + (e2e?.stats?.skipped ?? 0);
  if (failed && failures === 0) console.error('A test step failed outside the counted tests (see above).');
  console.log(
    `\n${passed} passed, ${failures + (failed && failures === 0 ? 1 : 0)} failed, ${skipped} skipped`,
  );
  process.exit(failed ? 1 : 0);
}

function start(args) {
  install();
  mustPnpm(['build']);
  process.exit(pnpm(['sendwell', 'start', ...args]));
}

const [command, ...rest] = process.argv.slice(2);
if (command === 'test') test();
else if (command === 'start') start(rest);
else {
  console.error('usage: node scripts/bootstrap.mjs start|test');
  process.exit(2);
}
