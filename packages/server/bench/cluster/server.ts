import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { type Child, type CliMode, signalChild, spawnSendwell, waitForUrl } from './processes';
import type { SandboxProcess } from './sandbox';
import type { StoreHandle } from './store';

/** Everything needed to start (and restart, on the same data) one `sendwell start` process. */
export interface ServerSpec {
  /** Names its log files: `<runDir>/<name>-<n>.log`. */
  name: string;
  port: number;
  sandbox: SandboxProcess;
  store: StoreHandle;
  /** `SENDWELL_SECRET` (base64, 32 bytes): keep it across restarts, or sealed secrets are lost. */
  secret: string;
  runDir: string;
  /** Extra settings (e.g. `SENDWELL_SENDER_INTERVAL_MS`). */
  env?: Record<string, string>;
  mode?: CliMode;
}

/** A running `sendwell start` in real-provider mode pointed at the sandbox. */
export interface ServerProcess {
  readonly url: string;
  readonly child: Child;
  /** `kill -9`: no shutdown code runs. Resolves once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM: the server's own shutdown. */
  stop(): Promise<void>;
}

export const newSecret = (): string => randomBytes(32).toString('base64');

let started = 0;

/** Starts the server described by `spec` and waits until it answers HTTP. */
export async function startServer(spec: ServerSpec): Promise<ServerProcess> {
  const url = `http://127.0.0.1:${spec.port}`;
  started += 1;
  const child = spawnSendwell({
    args: ['start', '--port', String(spec.port), ...spec.store.args],
    env: {
      ...spec.sandbox.env,
      SENDWELL_SECRET: spec.secret,
      SENDWELL_BASE_URL: url,
      // A bench wants the scanner to look often; a real deployment's default is a minute.
      SENDWELL_SCAN_INTERVAL_MS: '1000',
      ...spec.env,
    },
    logFile: join(spec.runDir, `${spec.name}-${started}.log`),
    mode: spec.mode,
  });
  await waitForUrl(`${url}/`, child);
  return {
    url,
    child,
    kill: async () => {
      await signalChild(child, 'SIGKILL');
    },
    stop: async () => {
      await signalChild(child, 'SIGTERM');
    },
  };
}
