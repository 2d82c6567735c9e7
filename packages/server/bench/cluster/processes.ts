import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The worktree root: every process runs from here, as `pnpm sendwell` would. */
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/**
 * How a `sendwell` process is started: `built` (default) runs `scripts/sendwell.mjs`, what `pnpm
 * sendwell` runs: the esbuild bundle, rebuilt first when a source changed, started in about a
 * second; `source` runs the TypeScript through tsx's loader (slower to start). Either way the
 * server is the node process itself (no wrapper in between), so SIGKILL reaches it.
 */
export type CliMode = 'source' | 'built';

function cliArgs(mode: CliMode, args: string[]): string[] {
  return mode === 'built'
    ? ['scripts/sendwell.mjs', ...args]
    : ['--import', 'tsx', 'packages/server/src/cli/main.ts', ...args];
}

/** A child process we started, with its output teed to a log file. */
export interface Child {
  readonly pid: number;
  readonly process: ChildProcess;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Resolves with the exit code or signal once it has exited. */
  readonly exited: Promise<string>;
}

/**
 * Starts `sendwell <args>` in its own process group (detached), so a kill reaches it and anything
 * it spawned, and only it.
 */
export function spawnSendwell(options: {
  args: string[];
  env: Record<string, string>;
  logFile: string;
  mode?: CliMode;
}): Child {
  const child = spawn(process.execPath, cliArgs(options.mode ?? 'built', options.args), {
    cwd: REPO_ROOT,
    env: { ...process.env, ...options.env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(options.logFile, { flags: 'a' });
  let text = '';
  const keep = (chunk: Buffer) => {
    text += chunk.toString('utf8');
    // Only the tail matters for diagnostics; the file has all of it.
    if (text.length > 200_000) text = text.slice(-100_000);
    log.write(chunk);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = once(child, 'exit').then(([code, signal]) => {
    log.end();
    return signal ? String(signal) : `exit ${code}`;
  });
  if (child.pid === undefined) throw new Error(`could not start sendwell ${options.args.join(' ')}`);
  return { pid: child.pid, process: child, output: () => text, exited };
}

/** Sends a signal to the child's process group and waits until it has exited. */
export async function signalChild(child: Child, signal: NodeJS.Signals): Promise<string> {
  if (child.process.exitCode === null && child.process.signalCode === null) {
    try {
      process.kill(-child.pid, signal);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
    }
  }
  return child.exited;
}

/** Polls a URL until it answers (any status below 500), the child exits, or the time runs out. */
export async function waitForUrl(url: string, child: Child, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let dead = false;
  void child.exited.then(() => {
    dead = true;
  });
  while (Date.now() < deadline) {
    if (dead)
      throw new Error(`process ${child.pid} exited before ${url} answered:\n${child.output().slice(-4000)}`);
    const answered = await fetch(url, { redirect: 'manual' }).then(
      (r) => r.status < 500,
      () => false,
    );
    if (answered) return;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms:\n${child.output().slice(-4000)}`);
}
