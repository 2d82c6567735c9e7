import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_USERS } from '@sendwell/sandbox';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { seedUsers } from '../seed';
import { loadCredential, saveCredential } from '../store/credentials';
import { openDb } from '../store/db';
import { migrate } from '../store/migrations';
import { createVault } from '../vault/vault';

/*
 * The PostgreSQL backup path docs/operations/backup.md gives, run as written: `pg_dump -Fc` of a
 * Sendwell database, `pg_restore --no-owner` into an empty one; the restored database needs no
 * migration, holds the same rows, and its sealed credentials open with the same SENDWELL_SECRET.
 * Needs PostgreSQL (SENDWELL_TEST_DATABASE_URL) and the client tools (pg_dump, pg_restore).
 */

const ADMIN_URL = process.env.SENDWELL_TEST_DATABASE_URL;
const TOOLS =
  spawnSync('pg_dump', ['--version']).status === 0 && spawnSync('pg_restore', ['--version']).status === 0;

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function urlOf(name: string): string {
  const url = new URL(ADMIN_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
}

const counts = async (url: string) => {
  const db = await openDb({ databaseUrl: url });
  const [row] = await db.query<{ users: number; templates: number; mailboxes: number }>(
    `select (select count(*)::int from users) as users, (select count(*)::int from templates) as templates,
            (select count(*)::int from mailboxes) as mailboxes`,
  );
  await db.close();
  return row;
};

describe.skipIf(!ADMIN_URL || !TOOLS)('PostgreSQL backup with pg_dump / pg_restore', () => {
  it('restores a database that needs no migration and opens its sealed credentials', {
    timeout: 120_000,
  }, async () => {
    const suffix = randomBytes(4).toString('hex');
    const [source, target] = [`sw_restarts_src_${suffix}`, `sw_restarts_dst_${suffix}`];
    await admin(`create database ${source}`);
    await admin(`create database ${target}`);
    try {
      const vault = createVault([randomBytes(32)]);
      const db = await openDb({ databaseUrl: urlOf(source) });
      await migrate(db);
      await seedUsers(db, DEMO_USERS);
      await saveCredential(db, vault, {
        mailboxId: 'mbx-ava',
        kind: 'oauth',
        secret: 'refresh-token-of-ava',
      });
      await db.close();

      const file = join(mkdtempSync(join(tmpdir(), 'sendwell-pgdump-')), 'sendwell.dump');
      run('pg_dump', ['--format=custom', `--file=${file}`, urlOf(source)]);
      run('pg_restore', ['--no-owner', '--exit-on-error', `--dbname=${urlOf(target)}`, file]);

      const restored = await openDb({ databaseUrl: urlOf(target) });
      expect(await migrate(restored)).toEqual([]);
      expect((await loadCredential(restored, vault, 'mbx-ava'))?.secret).toBe('refresh-token-of-ava');
      await restored.close();
      expect(await counts(urlOf(target))).toEqual(await counts(urlOf(source)));
    } finally {
      await admin(`drop database if exists ${source}`);
      await admin(`drop database if exists ${target}`);
    }
  });
});
