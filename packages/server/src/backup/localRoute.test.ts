import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '@sendwell/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, openDb } from '../store/db';
import { migrate } from '../store/migrations';
import { decodeBackup, localBackupToken } from './backupFile';
import { localBackupRoutes } from './localRoute';

/* The running server's backup route: loopback callers with the derived bearer only. */

const secret = randomBytes(32);
const clock = new ManualClock('2026-12-05T10:00:00Z');
const dataDir = mkdtempSync(join(tmpdir(), 'sendwell-localroute-'));
const bearer = { authorization: `Bearer ${localBackupToken(secret)}` };
const from = (address: string) => ({
  incoming: { socket: { remoteAddress: address, setTimeout: () => {} } },
});

let db: Db;
beforeAll(async () => {
  db = await openDb({ memory: true });
  await migrate(db);
});
afterAll(() => db.close());

async function ask(headers: Record<string, string>, address: string, snapshot = true) {
  const store: Db = snapshot ? db : { ...db, snapshot: undefined };
  const app = localBackupRoutes({ db: store, secret, dataDir, clock });
  return app.request('/backup', { method: 'POST', headers }, from(address));
}

describe('POST /_local/backup', () => {
  it('answers a loopback caller with the bearer with a backup of the store', async () => {
    const response = await ask(bearer, '127.0.0.1');
    expect(response.status).toBe(200);
    const { header } = decodeBackup(Buffer.from(await response.arrayBuffer()));
    expect(header.createdAt).toBe('2026-12-05T10:00:00.000Z');
  });

  it.each([
    ['another machine', bearer, '192.0.2.7', 403],
    ['a request a proxy forwarded', { ...bearer, 'x-forwarded-for': '192.0.2.7' }, '127.0.0.1', 403],
    ['no bearer', {}, '::1', 401],
    [
      'a bearer from another secret',
      { authorization: `Bearer ${localBackupToken(randomBytes(32))}` },
      '::1',
      401,
    ],
  ])('refuses %s', async (_, headers, address, status) => {
    expect((await ask(headers, address)).status).toBe(status);
  });

  it('points a PostgreSQL server at pg_dump', async () => {
    const response = await ask(bearer, '127.0.0.1', false);
    expect(response.status).toBe(409);
    expect(await response.text()).toMatch(/pg_dump/);
  });
});
