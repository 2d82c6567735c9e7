import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { ManualClock } from '@sendwell/core';
import { createSandbox, type Sandbox } from '@sendwell/sandbox';
import { Hono } from 'hono';

export interface ServedSandbox {
  sandbox: Sandbox;
  clock: ManualClock;
  /** The origin the sandbox treats as Sendwell's base URL (redirect URIs live under it). */
  appBaseUrl: string;
  /** The sandbox's own dev actions, over HTTP, as the /sandbox/dev page posts them. */
  dev(action: 'revoke' | 'password', userId: string): Promise<void>;
  close(): Promise<void>;
}

/** The sandbox served on loopback (port 0) at `/sandbox`, with a manual clock, for the OAuth tests. */
export async function serveSandbox(): Promise<ServedSandbox> {
  const clock = new ManualClock('2026-03-02T10:00:00Z');
  let handler: Hono | null = null;
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve(
      {
        fetch: (req) => (handler ? handler.fetch(req) : new Response('starting', { status: 503 })),
        port: 0,
        hostname: '127.0.0.1',
      },
      () => resolve(s),
    );
  });
  const appBaseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const sandbox = createSandbox({ baseUrl: `${appBaseUrl}/sandbox`, clock, appBaseUrl });
  handler = new Hono().route('/sandbox', sandbox.app);
  return {
    sandbox,
    clock,
    appBaseUrl,
    async dev(action, userId) {
      const response = await fetch(`${appBaseUrl}/sandbox/dev/${action}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userId }),
      });
      if (!response.ok) throw new Error(`sandbox dev ${action}: ${response.status}`);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
