import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../../..');
const MAIN = join(ROOT, 'packages/server/src/cli/main.ts');
const run = promisify(execFile);

export interface ServerProcess {
  child: ChildProcess;
  base: string;
  /** Resident set size of the server process, in MB (Linux /proc). */
  rssMb(): number;
  /** Everything the server printed (for a failure's report). */
  output(): string;
  stop(): Promise<void>;
}

/**
 * `sendwell start` as its own process (sandbox mode, its own data dir and port), one Node process
 * (`node --import tsx`) so its pid is the server's and /proc tells its memory.
 */
export async function startServer(opts: {
  port: number;
  dataDir: string;
  databaseUrl?: string;
  env?: Record<string, string>;
}): Promise<ServerProcess> {
  const args = ['--import', 'tsx', MAIN, 'start', '--port', String(opts.port), '--data-dir', opts.dataDir];
  if (opts.databaseUrl) args.push('--database-url', opts.databaseUrl);
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, SENDWELL_SANDBOX_SMTP_PORT: 'off', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // The server must not outlive the bench, however the bench ends.
  process.once('exit', () => child.kill('SIGKILL'));
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  await new Promise<void>((resolve, reject) => {
    const check = setInterval(() => {
      if (output.includes('Sendwell is running')) {
        clearInterval(check);
        resolve();
      }
    }, 100);
    child.once('exit', (code) => {
      clearInterval(check);
      reject(new Error(`sendwell start exited (${code}):\n${output}`));
    });
  });
  return {
    child,
    base: `http://127.0.0.1:${opts.port}`,
    output: () => output,
    rssMb: () => {
      const kb = readFileSync(`/proc/${child.pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+)/m)?.[1];
      return Number(kb) / 1024;
    },
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

interface SandboxUser {
  id: string;
  provider: string;
  apiToken: string;
}

/** The sandbox people and their API tokens, the way an operator gets them (`sendwell sandbox users --json`). */
export async function sandboxUsers(dataDir: string): Promise<SandboxUser[]> {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', MAIN, 'sandbox', 'users', '--json', '--data-dir', dataDir],
    {
      cwd: ROOT,
    },
  );
  return JSON.parse(stdout) as SandboxUser[];
}
