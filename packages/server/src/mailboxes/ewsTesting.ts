import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { ManualClock } from '@sendwell/core';
import { createSandbox, type Sandbox } from '@sendwell/sandbox';
import { Hono } from 'hono';

/** A sandbox served on loopback (its EWS at `${base}/sandbox/ews/{org}/EWS/Exchange.asmx`), for tests. */
export async function serveSandbox(
  clock = new ManualClock('2026-03-02T10:00:00Z'),
): Promise<{ sandbox: Sandbox; clock: ManualClock; close(): Promise<void> }> {
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
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sandbox`;
  const sandbox = createSandbox({ baseUrl, clock, noticeDelayMs: 1000 });
  handler = new Hono().route('/sandbox', sandbox.app);
  return { sandbox, clock, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
