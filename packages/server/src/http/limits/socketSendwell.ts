import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { silentLogger } from '@sendwell/core';
import { loadConfig } from '../../config/config';
import { createSendwell, type Sendwell, type SendwellOptions } from '../../sendwell';

export interface SocketSendwell {
  sendwell: Sendwell;
  port: number;
  close(): Promise<void>;
}

/**
 * A sandbox-mode Sendwell behind a real `@hono/node-server` socket on loopback, for tests that speak
 * raw HTTP (limits live in the socket and the middleware, so `app.request` would not see them). The
 * server listens first: the config's base URL needs the port.
 */
export async function socketSendwell(options: Omit<SendwellOptions, 'logger'> = {}): Promise<SocketSendwell> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sendwell-socket-'));
  let sendwell: Sendwell | undefined;
  const server = serve({
    fetch: (req, env) => sendwell!.app.fetch(req, env),
    port: 0,
    hostname: '127.0.0.1',
  }) as Server;
  await new Promise((resolve) => server.once('listening', resolve));
  const port = (server.address() as { port: number }).port;
  sendwell = await createSendwell(loadConfig({ port, dataDir }, {}), { logger: silentLogger, ...options });
  return {
    sendwell,
    port,
    async close() {
      server.closeAllConnections();
      server.close();
      await sendwell!.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
