import { PGlite, type Transaction } from '@electric-sql/pglite';
import { ensurePrivateDir, tightenDataDir } from './dataDirMode';
import type { Db } from './db';

/**
 * PGlite runs each query synchronously in WebAssembly and resolves at once, so a line of waiting
 * queries used to run one after another in a single turn of the event loop, with no socket read or
 * accept in between. Node (libuv 1.46) accepts one new connection per turn: under 200 busy clients a
 * turn took about a second, and new connections waited in the listen queue past the clients' 60 s
 * timeouts (`pnpm bench:api`). Each query therefore starts in a turn of its own.
 */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

function wrapTx(tx: Transaction): Db {
  return {
    engine: 'pglite',
    async query<T>(sql: string, params?: unknown[]) {
      await nextTurn();
      return (await tx.query<T>(sql, params)).rows;
    },
    async exec(sql: string) {
      await nextTurn();
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
      await nextTurn();
      return (await pg.query<T>(sql, params)).rows;
    },
    async exec(sql: string) {
      await nextTurn();
      await pg.exec(sql);
    },
    transaction: async (work) => {
      await nextTurn();
      return pg.transaction((tx) => work(wrapTx(tx)));
    },
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
