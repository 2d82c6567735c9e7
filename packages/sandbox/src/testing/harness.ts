import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { ManualClock } from '@sendwell/core';
import { Hono } from 'hono';
import { createSandbox, type Sandbox, type SandboxOptions } from '../sandbox';

export interface Harness {
  sandbox: Sandbox;
  clock: ManualClock;
  /** e.g. `http://127.0.0.1:41234/sandbox` */
  baseUrl: string;
  close(): Promise<void>;
}

/** Serves a fresh sandbox at `/sandbox` on an ephemeral port, with a manual clock. */
export async function startSandbox(
  options: Omit<SandboxOptions, 'baseUrl' | 'clock'> = {},
): Promise<Harness> {
  const clock = new ManualClock('2026-01-05T09:00:00Z');
  let handler: Hono | null = null;
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve(
      {
        // The node server's bindings (the socket) pass through: the dev token route checks its peer.
        fetch: (req, env) => (handler ? handler.fetch(req, env) : new Response('starting', { status: 503 })),
        port: 0,
        hostname: '127.0.0.1',
      },
      () => resolve(s),
    );
  });
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}/sandbox`;
  const sandbox = createSandbox({ noticeDelayMs: 300, ...options, baseUrl, clock });
  handler = new Hono().route('/sandbox', sandbox.app);
  return {
    sandbox,
    clock,
    baseUrl,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
      }),
  };
}
