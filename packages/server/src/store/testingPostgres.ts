import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * A fresh PostgreSQL database for tests that open it more than once (several instances on one
 * database), at `SENDWELL_TEST_DATABASE_URL`'s server; `drop` removes it, whoever still holds it.
 */
export async function createTestDatabase(prefix = 'sendwell_test'): Promise<{
  url: string;
  drop(): Promise<void>;
}> {
  const adminUrl = process.env.SENDWELL_TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('SENDWELL_TEST_DATABASE_URL is not set');
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}
