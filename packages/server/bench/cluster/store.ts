import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

export type StoreKind = 'pglite' | 'postgres';

/** Where a cluster's servers keep their data: one PGlite data dir, or one PostgreSQL database. */
export interface StoreHandle {
  readonly kind: StoreKind;
  /** `sendwell start` flags naming it. */
  readonly args: string[];
  /** The database URL (PostgreSQL) or null (PGlite). */
  readonly databaseUrl: string | null;
  /** Drops the PostgreSQL database (PGlite dirs stay in the run dir for inspection). */
  drop(): Promise<void>;
}

/** The PostgreSQL server benches create their own databases on. */
export function postgresAdminUrl(): string {
  const url = process.env.SENDWELL_BENCH_DATABASE_URL ?? process.env.SENDWELL_TEST_DATABASE_URL;
  if (!url)
    throw new Error(
      'PostgreSQL benches need SENDWELL_BENCH_DATABASE_URL or SENDWELL_TEST_DATABASE_URL (a role that may create databases)',
    );
  return url;
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresAdminUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A fresh store: a PGlite data dir `<runDir>/data` (mode 0700), or a new PostgreSQL database
 * `<prefix>_<random>` on the admin URL's server.
 */
export async function createStore(
  kind: StoreKind,
  options: { runDir: string; prefix: string },
): Promise<StoreHandle> {
  if (kind === 'pglite') {
    const dir = join(options.runDir, 'data');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    return { kind, args: ['--data-dir', dir], databaseUrl: null, drop: async () => {} };
  }
  const name = `${options.prefix}_${randomBytes(4).toString('hex')}`.toLowerCase();
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
  await admin(`create database ${name}`);
  const url = new URL(postgresAdminUrl());
  url.pathname = `/${name}`;
  const dir = join(options.runDir, 'data');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return {
    kind,
    // The data dir still holds the generated secret when SENDWELL_SECRET is unset.
    args: ['--database-url', url.toString(), '--data-dir', dir],
    databaseUrl: url.toString(),
    drop: () => admin(`drop database if exists ${name} with (force)`),
  };
}
