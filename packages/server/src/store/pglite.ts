import { PGlite, type Transaction } from '@electric-sql/pglite';
import { ensurePrivateDir, tightenDataDir } from './dataDirMode';
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

/**
 * Embedded PostgreSQL in WebAssembly; data in `dataDir`, or in memory when none is given. The
 * directory is the owner's alone (0700, files 0600: `dataDirMode.ts`), tightened after opening and
 * again after closing, since PGlite writes some files wider than asked. `load`: a snapshot to
 * restore into an empty `dataDir` (`sendwell restore`); its files come out of the tar as wide as
 * PGlite writes them, so they are tightened the same way.
 */
export async function openPglite(dataDir?: string, load?: Uint8Array): Promise<Db> {
  if (dataDir) ensurePrivateDir(dataDir);
  const pg = await PGlite.create(dataDir, load ? { loadDataDir: new Blob([new Uint8Array(load)]) } : {});
  if (dataDir) tightenDataDir(dataDir);
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
    async close() {
      await pg.close();
      if (dataDir) tightenDataDir(dataDir);
    },
  };
}
