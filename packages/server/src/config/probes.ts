/**
 * The checks of `sendwell doctor` that look outside the settings: the database, the rendered
 * manifests and the clock. Time, network and the database are injected so tests are deterministic.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '@sendwell/core';
import { checkManifests, MANIFEST_FILES, renderManifests } from '@sendwell/manifests';
import { dataDirRefusal } from '../store/dataDirMode';
import { openDb } from '../store/db';
import { type Check, check } from './check';
import { googleOAuthEndpoints, type ServerConfig, secretKeyFile } from './config';

export interface ProbeDeps {
  clock: Clock;
  fetch: typeof fetch;
  /** Opens the configured database and runs `select 1`; rejects when it cannot. */
  pingDatabase(config: ServerConfig): Promise<void>;
  timeoutMs?: number;
}

/** Tokens carry nbf/exp; Entra and Google allow about five minutes of skew before refusing them. */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

/** Where `start` keeps PGlite; PGlite writes postmaster.pid there while a process has it open. */
function pgliteDir(config: ServerConfig): string {
  return join(config.dataDir, 'pglite');
}

/** Opens the configured database the way `start` does and asks it `select 1`. */
export async function pingConfiguredDatabase(config: ServerConfig): Promise<void> {
  const db = await openDb(
    config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: pgliteDir(config) },
  );
  try {
    await db.query('select 1');
  } finally {
    await db.close();
  }
}

export async function databaseCheck(config: ServerConfig, deps: ProbeDeps): Promise<Check> {
  const where = config.databaseUrl
    ? `PostgreSQL at ${redactUrl(config.databaseUrl)}`
    : `PGlite in ${config.dataDir}`;
  const fix = config.databaseUrl
    ? 'Check DATABASE_URL (or --database-url): host, port, user, password and database, and that this machine may connect'
    : 'Check that --data-dir (SENDWELL_DATA_DIR) is writable by the user running Sendwell';
  if (!config.databaseUrl) {
    // PGlite is one process's database: opening it beside a running Sendwell could disturb it, and
    // creating a new one (what opening an empty dir does) is `start`'s job, not doctor's.
    if (existsSync(join(pgliteDir(config), 'postmaster.pid')))
      return check('database', 'ok', `${where}: open in a running Sendwell (not opened again)`, fix);
    if (!existsSync(join(pgliteDir(config), 'PG_VERSION')))
      return firstStartCheck(config.dataDir, where, fix);
  }
  try {
    // Opening PGlite takes seconds on a small machine; PostgreSQL answers at once or not at all.
    const timeoutMs = deps.timeoutMs ?? (config.databaseUrl ? 5000 : 60_000);
    await withTimeout(deps.pingDatabase(config), timeoutMs, 'no answer');
    return check('database', 'ok', `${where}: select 1 answered`, fix);
  } catch (error) {
    return check('database', 'problem', `${where}: ${reason(error)}`, fix);
  }
}

/** The data directory is the owner's alone (0700, files 0600), or `start` refuses it: store/dataDirMode.ts. */
export function dataDirCheck(config: ServerConfig): Check {
  const refusal = dataDirRefusal(config.dataDir, {
    pglite: config.databaseUrl ? undefined : join(config.dataDir, 'pglite'),
    secretKey: secretKeyFile(config.dataDir),
  });
  const fallback = `chmod -R go-rwx ${config.dataDir}`;
  if (!refusal)
    return check(
      'data-dir',
      'ok',
      `${config.dataDir}: only its owner can reach it (or start creates it so)`,
      fallback,
    );
  const [, ...lines] = refusal.message.split('\n');
  const fix = lines.find((l) => l.startsWith('fix: '))?.slice(5) ?? fallback;
  const found = lines.filter((l) => !l.startsWith('fix: ')).map((l) => l.replace(/^\s*- /, ''));
  return check('data-dir', 'problem', found.join('; '), fix);
}

/** No PGlite yet: `start` creates it, so the data dir must be writable. */
function firstStartCheck(dataDir: string, where: string, fix: string): Check {
  const probe = join(dataDir, `.doctor-${process.pid}`);
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    writeFileSync(probe, '');
    rmSync(probe);
    return check(
      'database',
      'ok',
      `${where}: none yet; the first start creates it (the directory is writable)`,
      fix,
    );
  } catch (error) {
    return check('database', 'problem', `${where}: cannot write there (${reason(error)})`, fix);
  }
}

/**
 * Renders the manifests for the base URL with @sendwell/manifests. Without a directory, checks
 * those; with one (what the admin deployed), compares its URLs with the rendered ones.
 */
export function manifestsCheck(config: ServerConfig, dir?: string): Check {
  const fix = `Run \`sendwell manifests build --base-url ${config.baseUrl} --out ${dir ?? 'dist/manifests'}\` and redeploy them (manifests/README.md)`;
  let rendered: Record<string, string>;
  try {
    rendered = renderManifests({ baseUrl: config.baseUrl });
  } catch (error) {
    return check('manifests', 'problem', `cannot render manifests: ${reason(error)}`, fix);
  }
  if (!dir)
    return check(
      'manifests',
      'ok',
      `rendered for ${config.baseUrl} (pass --manifests DIR to compare a deployed copy)`,
      fix,
    );
  const faults: string[] = [];
  let differs = false;
  for (const file of MANIFEST_FILES) {
    const path = join(dir, file);
    if (!existsSync(path)) {
      faults.push(`${file} is missing`);
      continue;
    }
    const text = readFileSync(path, 'utf8');
    const foreign = difference(urlsIn(text), urlsIn(rendered[file]!));
    if (foreign.length > 0) faults.push(`${file} points at ${foreign.slice(0, 3).join(', ')}`);
    else if (text !== rendered[file]) differs = true;
  }
  for (const problem of checkManifests(dir).problems) faults.push(`${problem.file}: ${problem.message}`);
  if (faults.length > 0)
    return check(
      'manifests',
      'problem',
      `${dir} does not match ${config.baseUrl}: ${unique(faults).join('; ')}`,
      fix,
    );
  if (differs)
    return check(
      'manifests',
      'warning',
      `${dir} has the right URLs but differs from what this version renders (an older version?)`,
      fix,
    );
  return check('manifests', 'ok', `${dir} matches ${config.baseUrl}`, fix);
}

/** Compares the local clock with the `Date` header of the configured identity providers. */
export async function clockSkewCheck(config: ServerConfig, deps: ProbeDeps): Promise<Check> {
  const fix =
    'Turn on time synchronisation (e.g. `timedatectl set-ntp true`, or chrony/ntpd) on every Sendwell host';
  const targets = [
    ...(config.microsoft ? [config.microsoft.authorityHost] : []),
    ...(config.google ? [googleOAuthEndpoints(config.google).tokenUrl] : []),
  ];
  if (targets.length === 0)
    return check('clock-skew', 'ok', 'not checked: sandbox mode signs and checks tokens on one clock', fix);
  const results = await Promise.all(targets.map((url) => skewAgainst(url, deps)));
  const measured = results.filter((r): r is { url: string; skewMs: number } => 'skewMs' in r);
  const worst = measured.sort((a, b) => Math.abs(b.skewMs) - Math.abs(a.skewMs))[0];
  if (!worst)
    return check(
      'clock-skew',
      'warning',
      `skipped: ${results.map((r) => ('error' in r ? `${r.url} ${r.error}` : r.url)).join('; ')}`,
      'Check that this host can reach the providers over HTTPS, then run doctor again',
    );
  const seconds = Math.round(Math.abs(worst.skewMs) / 1000);
  const side = worst.skewMs > 0 ? 'ahead of' : 'behind';
  if (Math.abs(worst.skewMs) > MAX_CLOCK_SKEW_MS)
    return check(
      'clock-skew',
      'problem',
      `this clock is ${seconds} s ${side} ${worst.url}: tokens' nbf/exp checks will fail`,
      fix,
    );
  return check('clock-skew', 'ok', `${seconds} s ${side} ${worst.url}`, fix);
}

async function skewAgainst(
  url: string,
  deps: ProbeDeps,
): Promise<{ url: string; skewMs: number } | { url: string; error: string }> {
  try {
    const sent = deps.clock.now().getTime();
    const response = await deps.fetch(url, {
      method: 'GET',
      redirect: 'manual',
      signal: AbortSignal.timeout(deps.timeoutMs ?? 5000),
    });
    const received = deps.clock.now().getTime();
    const date = response.headers.get('date');
    await response.body?.cancel();
    const remote = date ? Date.parse(date) : Number.NaN;
    if (Number.isNaN(remote)) return { url, error: 'sent no Date header' };
    // The header has one-second resolution; compare with the middle of the round trip.
    return { url, skewMs: (sent + received) / 2 - remote };
  } catch (error) {
    return { url, error: `unreachable (${reason(error)})` };
  }
}

function urlsIn(text: string): string[] {
  return unique((text.match(/https?:\/\/[^\s"'<>]+/g) ?? []).map((u) => u.replace(/&amp;/g, '&')));
}

function difference(a: string[], b: string[]): string[] {
  const known = new Set(b);
  return a.filter((x) => !known.has(x));
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

function redactUrl(url: string): string {
  if (!URL.canParse(url)) return 'the configured URL';
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message || error.name : String(error);
}

async function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${message} within ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
