import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Db } from './db';

function wrapTx(tx: Transaction): Db {
  return {
    engine: 'pglite',
    async query<T>(sql: string, params?: unknown[]) {
      return (await tx.query<T>(sql, params)).rows;
    },
    async exec(sql: string) {
      await tx.exec(sql);
    },
    // PGlite has no nested transactions; the outer one already covers the work.
    transaction: (work) => work(wrapTx(tx)),
    close: async () => {},
  };
}

/** Embedded PostgreSQL in WebAssembly; data in `dataDir`, or in memory when none is given. */
export async function openPglite(dataDir?: string): Promise<Db> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pg = await PGlite.create(dataDir);
  return {
    engine: 'pglite',
    async query<T>(sql: string, params?: unknown[]) {
      return (await pg.query<T>(sql, params)).rows;
    },
    async exec(sql: string) {
      await pg.exec(sql);
    },
    transaction: (work) => pg.transaction((tx) => work(wrapTx(tx))),
    close: () => pg.close(),
  };
}
