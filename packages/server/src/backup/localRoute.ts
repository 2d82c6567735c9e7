import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Clock } from '@sendwell/core';
import { Hono } from 'hono';
import type { Db } from '../store/db';
import { backupOf, localBackupToken } from './backupFile';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

const refuse = (code: string, message: string) => ({ error: { code, message } });

/**
 * `POST /_local/backup` (what `sendwell backup` calls while the server runs): the store's consistent
 * copy as a backup file. Loopback callers only, with the bearer derived from the server secret; a
 * request a reverse proxy forwarded also arrives from loopback, so forwarding headers are refused.
 */
export function localBackupRoutes(deps: { db: Db; secret: Buffer; dataDir: string; clock: Clock }): Hono {
  const app = new Hono();
  app.post('/backup', async (c) => {
    let address = '';
    try {
      address = getConnInfo(c).remote.address ?? '';
    } catch {
      // Not served by node-server (no socket to ask): treated as not loopback.
    }
    const forwarded = c.req.header('x-forwarded-for') ?? c.req.header('forwarded');
    if (!LOOPBACK.has(address) || forwarded !== undefined)
      return c.json(refuse('forbidden', 'Backups are made from this machine only.'), 403);
    const given = Buffer.from((c.req.header('authorization') ?? '').replace(/^Bearer /i, ''));
    const expected = Buffer.from(localBackupToken(deps.secret));
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      return c.json(refuse('unauthorized', 'Run `sendwell backup` with the same data directory.'), 401);
    if (!deps.db.snapshot)
      return c.json(
        refuse('not-pglite', 'This server stores its data in PostgreSQL: back it up with pg_dump.'),
        409,
      );
    // A large store's copy can outlast the server's idle timeout (SENDWELL_IDLE_TIMEOUT_MS) before
    // its first byte: lift it for this one trusted connection.
    (c.env as { incoming?: IncomingMessage } | undefined)?.incoming?.socket.setTimeout(0);
    const file = await backupOf(deps.db, deps.dataDir, deps.clock.now());
    return c.body(new Uint8Array(file), 200, { 'content-type': 'application/octet-stream' });
  });
  return app;
}
