/**
 * `sendwell doctor [--json] [--data-dir DIR] [--database-url URL] [--manifests DIR]`: checks a
 * configuration before (or while) it runs and prints each problem with its fix. Exit 0 when there
 * is no problem (warnings allowed), 1 otherwise, 2 on bad arguments.
 */
import { type Clock, systemClock } from '@sendwell/core';
import { type Check, configChecks } from '../config/checks';
import { loadConfig, type ServerConfig } from '../config/config';
import { credentialsChecks } from '../config/credentials';
import {
  clockSkewCheck,
  databaseCheck,
  dataDirCheck,
  manifestsCheck,
  type ProbeDeps,
  pingConfiguredDatabase,
} from '../config/probes';
import { type ParsedArgs, parseArgs, stringFlag, UsageError } from './args';

const USAGE = 'usage: sendwell doctor [--json] [--data-dir DIR] [--database-url URL] [--manifests DIR]';

export interface DoctorReport {
  ok: boolean;
  checks: Check[];
}

export interface DoctorDeps {
  env: NodeJS.ProcessEnv;
  clock: Clock;
  fetch: typeof fetch;
  pingDatabase: ProbeDeps['pingDatabase'];
  out(text: string): void;
  err(text: string): void;
}

const processDeps: DoctorDeps = {
  env: process.env,
  clock: systemClock,
  fetch: (input, init) => fetch(input, init),
  pingDatabase: pingConfiguredDatabase,
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

export async function doctor(
  config: ServerConfig,
  deps: Omit<DoctorDeps, 'out' | 'err'>,
  manifestsDir?: string,
): Promise<DoctorReport> {
  const probeDeps: ProbeDeps = { clock: deps.clock, fetch: deps.fetch, pingDatabase: deps.pingDatabase };
  const checks = [
    ...configChecks(config, deps.env),
    // Before the database check: opening PGlite tightens its files, which would hide what start refuses.
    dataDirCheck(config),
    await databaseCheck(config, probeDeps),
    manifestsCheck(config, manifestsDir),
    ...(await credentialsChecks(config, probeDeps)),
    await clockSkewCheck(config, probeDeps),
  ];
  return { ok: checks.every((c) => c.status !== 'problem'), checks };
}

export async function run(args: string[], deps: DoctorDeps = processDeps): Promise<number> {
  let parsed: ParsedArgs;
  try {
    parsed = parseArgs(args, ['json']);
    if (parsed.positionals.length > 0) throw new UsageError(`unexpected argument: ${parsed.positionals[0]}`);
  } catch (error) {
    deps.err(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const config = loadConfig(
    { dataDir: stringFlag(parsed, 'data-dir'), databaseUrl: stringFlag(parsed, 'database-url') },
    deps.env,
  );
  const report = await doctor(config, deps, stringFlag(parsed, 'manifests'));
  deps.out(parsed.flags.has('json') ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
  return report.ok ? 0 : 1;
}

const MARK: Record<Check['status'], string> = { ok: 'ok', warning: 'WARNING', problem: 'PROBLEM' };

/** A table (check, status, detail), then the fix for every problem and warning. */
export function formatReport(report: DoctorReport): string {
  const idWidth = Math.max(5, ...report.checks.map((c) => c.id.length));
  const statusWidth = Math.max(...Object.values(MARK).map((m) => m.length));
  const indent = ' '.repeat(idWidth + statusWidth + 4);
  // A multi-line detail (the redirect URIs to paste) continues under the detail column.
  const row = (a: string, b: string, c: string) =>
    `${a.padEnd(idWidth)}  ${b.padEnd(statusWidth)}  ${c.split('\n').join(`\n${indent}`)}`;
  const lines = [
    row('check', 'status', 'detail'),
    row('-'.repeat(idWidth), '-'.repeat(statusWidth), '------'),
  ];
  for (const c of report.checks) lines.push(row(c.id, MARK[c.status], c.message));
  const toFix = report.checks.filter((c) => c.status !== 'ok');
  if (toFix.length > 0) {
    lines.push('', 'How to fix:');
    for (const c of toFix) lines.push(`  ${c.id} (${MARK[c.status]}): ${c.fix}`);
  }
  const problems = report.checks.filter((c) => c.status === 'problem').length;
  const warnings = report.checks.filter((c) => c.status === 'warning').length;
  lines.push(
    '',
    problems === 0
      ? `No problems (${warnings} warning(s)).`
      : `${problems} problem(s), ${warnings} warning(s): fix the problems before connecting real mailboxes.`,
  );
  return `${lines.join('\n')}\n`;
}
