import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Db, openDb } from './db';
import { migrate } from './migrations';
import type { UserRow } from './rows';
import { upsertUser } from './users';

/**
 * Store tests run on both engines: PGlite always, PostgreSQL when `SENDWELL_TEST_DATABASE_URL` points
 * at a server (CI starts one). Each opened database is fresh: PGlite in memory, PostgreSQL as a new
 * database dropped on close.
 */
export const TEST_ENGINES: ('pglite' | 'postgres')[] = process.env.SENDWELL_TEST_DATABASE_URL
  ? ['pglite', 'postgres']
  : ['pglite'];

export async function openTestDb(engine: 'pglite' | 'postgres'): Promise<Db> {
  if (engine === 'pglite') {
    const db = await openDb({ memory: true });
    await migrate(db);
    return db;
  }
  const adminUrl = process.env.SENDWELL_TEST_DATABASE_URL!;
  const name = `sendwell_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openDb({ databaseUrl: url.toString() });
  await migrate(db);
  return {
    ...db,
    async close() {
      await db.close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

/** ava, a rep of the contoso team: the user store tests that need just one seed (fields overridable). */
export function seedAva(db: Db, overrides: Partial<UserRow> = {}): Promise<void> {
  return upsertUser(db, {
    id: 'ava',
    email: 'ava@contoso.test',
    name: 'Ava',
    tenantId: 'contoso',
    legacy: false,
    defaultChannel: null,
    role: 'rep',
    ...overrides,
  });
}
