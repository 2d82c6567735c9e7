import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createSandbox, type Sandbox } from '@sendwell/sandbox';
import { Hono } from 'hono';
import { realModeEnv } from '../cli/sandboxServe';
import { grantProvider } from '../connections/grant';
import { seedUsers } from '../seed';
import { saveCredential } from '../store/credentials';
import { type Db, openDb } from '../store/db';
import { migrate } from '../store/migrations';
import { loadVaultSecrets } from '../vault/secrets';
import { createVault } from '../vault/vault';

/*
 * A Sendwell server as a real process (`sendwell start`, real-provider mode) pointed at a sandbox
 * served from the test's own process: the server can be killed with SIGKILL while the sandbox's
 * mailboxes and its call log live on, as Microsoft's and Google's would.
 */

/** Node itself runs the server (tsx as a loader, not its launcher) so SIGKILL reaches the server. */
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const MAIN = fileURLToPath(new URL('../cli/main.ts', import.meta.url));

export interface ProviderWorld {
  sandbox: Sandbox;
  dataDir: string;
  appPort: number;
  /** Opens the server's PGlite store (only while no server process runs on it). */
  openStore(): Promise<Db>;
  close(): Promise<void>;
}

/**
 * The sandbox on `sandboxPort`, and a data directory where `userId` is a Sendwell user whose mailbox
 * holds a real offline grant from the sandbox (what the connect flow stores), sealed in the vault.
 */
export async function providerWorld(userId: string, ports: { sandbox: number; app: number }) {
  const baseUrl = `http://127.0.0.1:${ports.sandbox}/sandbox`;
  const appBaseUrl = `http://127.0.0.1:${ports.app}`;
  const sandbox = createSandbox({ baseUrl, appBaseUrl });
  const server = serve({
    fetch: new Hono().route('/sandbox', sandbox.app).fetch,
    port: ports.sandbox,
    hostname: '127.0.0.1',
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'sendwell-restarts-'));
  const openStore = () => openDb({ dataDir: join(dataDir, 'pglite') });
  const db = await openStore();
  await migrate(db);
  const user = sandbox.users.find((u) => u.id === userId)!;
  await seedUsers(db, [user]);
  const vault = createVault(loadVaultSecrets(dataDir, {}));
  const { refreshToken } = sandbox.grantOffline(user.id, grantProvider(user.provider)!);
  await saveCredential(db, vault, { mailboxId: user.mailboxId, kind: 'oauth', secret: refreshToken });
  await db.close();
  const world: ProviderWorld = {
    sandbox,
    dataDir,
    appPort: ports.app,
    openStore,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return world;
}

/** `sendwell start` on the world's data dir, resolved once it listens; scans every `scanMs`. */
export function startServer(world: ProviderWorld, scanMs = 200): Promise<ChildProcess> {
  const env = { ...realModeEnv(world.sandbox), SENDWELL_SCAN_INTERVAL_MS: String(scanMs) };
  return startSendwell(['--data-dir', world.dataDir, '--port', String(world.appPort)], env);
}

const childEnv = (env: Record<string, string>): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  ...env,
});

/** `sendwell start ARGS` as a process of its own, resolved once it says it is running. */
export async function startSendwell(args: string[], env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'start', ...args], {
    cwd: ROOT,
    env: childEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<never>((_, reject) => {
    child.once('exit', (code) => reject(new Error(`sendwell start exited ${code}:\n${output}`)));
  });
  exited.catch(() => {});
  await Promise.race([
    exited,
    new Promise<void>((resolve) => {
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Sendwell is running')) resolve();
      };
      child.stdout!.on('data', read);
      child.stderr!.on('data', read);
    }),
  ]);
  // The banner comes before the socket listens: wait for an answer (or the process's end).
  const port = args[args.indexOf('--port') + 1];
  if (port) await Promise.race([exited, answering(`http://127.0.0.1:${port}/`)]);
  return child;
}

async function answering(url: string): Promise<void> {
  for (;;) {
    try {
      await (await fetch(url)).arrayBuffer();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** A one-shot `sendwell` command: its exit code and output. */
export async function runSendwell(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    cwd: ROOT,
    env: childEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}

/** SIGKILL (no shutdown code runs) or SIGTERM (graceful: the round under way finishes). */
export async function stopServer(child: ChildProcess, signal: 'SIGKILL' | 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill(signal);
  await exited;
}

/** Polls `check` every 50 ms until it holds; throws after `seconds`. */
export async function until(check: () => boolean, seconds: number, what: string): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
