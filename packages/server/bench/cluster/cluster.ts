import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliMode } from './processes';
import { type SandboxProcess, startSandbox } from './sandbox';
import { newSecret, type ServerProcess, type ServerSpec, startServer } from './server';
import { createStore, type StoreHandle, type StoreKind } from './store';

/** A sandbox process, a store, and one server spec (more can be started from `spec` with other ports). */
export interface Cluster {
  readonly runDir: string;
  readonly sandbox: SandboxProcess;
  readonly store: StoreHandle;
  /** The first server's spec; `startServer({ ...cluster.spec, name, port })` starts another on the same data. */
  readonly spec: ServerSpec;
  /** The server started by `openCluster` (or the latest `restart`). */
  server: ServerProcess;
  /** SIGKILL the current server and start it again on the same data and port. */
  killAndRestart(): Promise<ServerProcess>;
  /** Stops every process and drops the PostgreSQL database (unless `keep`). */
  close(options?: { keep?: boolean }): Promise<void>;
}

/**
 * Opens a cluster on ports `basePort` (sandbox) and `basePort + 1` (server): a fresh store of the
 * given kind (prefix names the PostgreSQL database), the sandbox, and one server in real mode.
 */
export async function openCluster(options: {
  basePort: number;
  store: StoreKind;
  prefix: string;
  env?: Record<string, string>;
  mode?: CliMode;
  runDir?: string;
}): Promise<Cluster> {
  const runDir = options.runDir ?? mkdtempSync(join(tmpdir(), `${options.prefix}-${options.store}-`));
  mkdirSync(runDir, { recursive: true });
  const serverPort = options.basePort + 1;
  const store = await createStore(options.store, { runDir, prefix: options.prefix });
  const sandbox = await startSandbox({
    port: options.basePort,
    appBaseUrl: `http://127.0.0.1:${serverPort}`,
    runDir,
    mode: options.mode,
  }).catch(async (error: unknown) => {
    await store.drop();
    throw error;
  });
  const spec: ServerSpec = {
    name: 'server',
    port: serverPort,
    sandbox,
    store,
    secret: newSecret(),
    runDir,
    env: options.env,
    mode: options.mode,
  };
  const first = await startServer(spec).catch(async (error: unknown) => {
    await sandbox.stop();
    await store.drop();
    throw error;
  });
  const cluster: Cluster = {
    runDir,
    sandbox,
    store,
    spec,
    server: first,
    async killAndRestart() {
      await cluster.server.kill();
      cluster.server = await startServer(spec);
      return cluster.server;
    },
    async close(closeOptions = {}) {
      await cluster.server.stop();
      await sandbox.stop();
      if (!closeOptions.keep) await store.drop();
    },
  };
  return cluster;
}
