import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { silentLogger } from '@sendwell/core';
import pg from 'pg';
import { loadConfig } from '../config/config';
import { createSendwell, type Sendwell } from '../sendwell';

/** A sandbox-mode Sendwell on either engine, and `/api/v1` calls as one of its users. */
export interface SandboxBed {
  sendwell: Sendwell;
  call(user: string, method: string, path: string, body?: unknown): Promise<Response>;
  /** The answer's JSON, after checking its status (the text is in the failure). */
  json<T>(response: Response | Promise<Response>, status: number): Promise<T>;
  close(): Promise<void>;
}

/** A fresh PostgreSQL database on `SENDWELL_TEST_DATABASE_URL`, dropped by the returned function. */
async function freshDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = process.env.SENDWELL_TEST_DATABASE_URL!;
  const name = `sendwell_attacks_${randomBytes(6).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(sql);
    await client.end();
  };
  await admin(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}

/**
 * The server listens on a real socket: in sandbox mode the mailbox adapters reach the sandbox's
 * Microsoft and Google at the server's own base URL, as they would reach the real ones.
 */
export async function openSandboxBed(engine: 'pglite' | 'postgres'): Promise<SandboxBed> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sendwell-attacks-sandbox-'));
  const database = engine === 'postgres' ? await freshDatabase() : null;
  let live: Sendwell | undefined;
  const server = serve({ fetch: (r) => live!.app.fetch(r), port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const config = loadConfig({ port, dataDir, ...(database ? { databaseUrl: database.url } : {}) }, {});
  const sendwell = await createSendwell(config, { logger: silentLogger, sandboxNoticeDelayMs: 0 });
  live = sendwell;
  const call: SandboxBed['call'] = async (user, method, path, body) =>
    sendwell.app.request(`/api/v1${path}`, {
      method,
      body: body === undefined ? undefined : JSON.stringify(body),
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        authorization: `Bearer ${sendwell.apiTokenFor(user)}`,
      },
    });
  return {
    sendwell,
    call,
    async json(response, status) {
      const answer = await response;
      const text = await answer.text();
      if (answer.status !== status) throw new Error(`expected ${status}, got ${answer.status}: ${text}`);
      return JSON.parse(text);
    },
    async close() {
      server.close();
      await sendwell.close();
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
