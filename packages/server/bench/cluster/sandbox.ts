import { join } from 'node:path';
import type { CallSummary, MailboxTruth } from '@sendwell/sandbox';
import { type Child, type CliMode, signalChild, spawnSendwell, waitForUrl } from './processes';

/** The sandbox (Microsoft and Google stand-ins) in its own process: it outlives every server kill. */
export interface SandboxProcess {
  readonly child: Child;
  /** Its origin, e.g. `http://127.0.0.1:61000`. */
  readonly origin: string;
  /** Where its routes live: `<origin>/sandbox`. */
  readonly baseUrl: string;
  /** The real-provider settings that point a Sendwell at it (as `sandbox serve --env` prints them). */
  readonly env: Record<string, string>;
  /** The provider's own record of one mailbox: its Sent folder and the notices filed. */
  truth(address: string): Promise<MailboxTruth>;
  /** Every provider call the sandbox answered for one mailbox (`/dev/calls`). */
  calls(address: string): Promise<CallSummary>;
  /** Arms `/dev/stall`: the mailbox's next `sends` accepted sends keep their answers until released. */
  stall(address: string, sends?: number): Promise<void>;
  /** `{armed, held}` for the mailbox. */
  stallStatus(address: string): Promise<{ armed: number; held: number }>;
  /** Lets every held answer go and disarms every mailbox; answers how many were held. */
  releaseStalls(): Promise<number>;
  /** SIGTERM, then wait for the exit. */
  stop(): Promise<void>;
}

async function postJson<T>(url: string, body: unknown): Promise<T> {
  const answer = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!answer.ok) throw new Error(`POST ${url} answered ${answer.status}: ${await answer.text()}`);
  return (await answer.json()) as T;
}

async function getJson<T>(url: string): Promise<T> {
  const answer = await fetch(url);
  if (!answer.ok) throw new Error(`GET ${url} answered ${answer.status}: ${await answer.text()}`);
  return (await answer.json()) as T;
}

/** Reads the `  KEY=value` lines of `sandbox serve`'s banner. */
function settingsFrom(banner: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const match of banner.matchAll(/^ {2}(SENDWELL_[A-Z_]+)=(.*)$/gm)) env[match[1]!] = match[2]!;
  return env;
}

/**
 * Starts `sendwell sandbox serve --port <port> --app-base-url <appBaseUrl>` and waits until it
 * answers. `appBaseUrl` is the Sendwell the OAuth redirect URIs are registered for: consent
 * (sign-in and connect) must go through that server.
 */
export async function startSandbox(options: {
  port: number;
  appBaseUrl: string;
  runDir: string;
  mode?: CliMode;
}): Promise<SandboxProcess> {
  const origin = `http://127.0.0.1:${options.port}`;
  const child = spawnSendwell({
    args: ['sandbox', 'serve', '--port', String(options.port), '--app-base-url', options.appBaseUrl],
    env: {},
    logFile: join(options.runDir, 'sandbox.log'),
    mode: options.mode,
  });
  const baseUrl = `${origin}/sandbox`;
  await waitForUrl(`${baseUrl}/dev/users`, child);
  // The banner is written before the first request is answered.
  const env = settingsFrom(child.output());
  if (!env.SENDWELL_MS_CLIENT_ID) throw new Error(`no settings in the sandbox's banner:\n${child.output()}`);
  return {
    child,
    origin,
    baseUrl,
    env,
    truth: (address) => getJson(`${baseUrl}/dev/truth?address=${encodeURIComponent(address)}`),
    calls: (address) => getJson(`${baseUrl}/dev/calls?address=${encodeURIComponent(address)}`),
    stall: async (address, sends = 1) => {
      await postJson(`${baseUrl}/dev/stall`, { address, sends });
    },
    stallStatus: (address) => getJson(`${baseUrl}/dev/stall?address=${encodeURIComponent(address)}`),
    releaseStalls: async () =>
      (await postJson<{ released: number }>(`${baseUrl}/dev/stall/release`, {})).released,
    stop: async () => {
      await signalChild(child, 'SIGTERM');
    },
  };
}
