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
export async function openPglite(dataDir?: string, load?: Uint8Array): Promise<Db> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  // `load`: a snapshot to restore into an empty `dataDir` (`sendwell restore`).
  const pg = await PGlite.create(dataDir, load ? { loadDataDir: new Blob([new Uint8Array(load)]) } : {});
  return {
    engine: 'pglite',
    async query<T>(sql: string, params?: unknown[]) {
      return (await pg.query<T>(sql, params)).rows;
    },
    async exec(sql: string) {
      await pg.exec(sql);
    },
    transaction: (work) => pg.transaction((tx) => work(wrapTx(tx))),
    async snapshot() {
      // A checkpoint first, so the copy needs little WAL replay when it is restored.
      await pg.exec('checkpoint');
      // dumpDataDir alone waits only for the statement under way; holding the transaction lock too
      // takes the copy between transactions, never inside one.
      const tar = await pg._runExclusiveTransaction(() => pg.dumpDataDir('gzip'));
      return new Uint8Array(await tar.arrayBuffer());
    },
    close: () => pg.close(),
  };
}
