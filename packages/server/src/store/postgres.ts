import pg from 'pg';
import type { Db } from './db';
import { listenOn } from './pgListen';

// Timestamps come back as Date objects and bigints as strings by default; keep counts numeric.
pg.types.setTypeParser(20, (value) => Number(value));

function wrapClient(client: pg.PoolClient): Db {
  return {
    engine: 'postgres',
    async query<T>(sql: string, params?: unknown[]) {
      return (await client.query(sql, params)).rows as T[];
    },
    async exec(sql: string) {
      await client.query(sql);
    },
    transaction: (work) => work(wrapClient(client)),
    close: async () => {},
  };
}

export async function openPostgres(databaseUrl: string): Promise<Db> {
  // JIT off: Sendwell's queries are short, and a high cost estimate made PostgreSQL compile one of
  // them on every send (439 of its 557 ms, measured by `pnpm bench:api`; store/migration61.ts).
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10, options: '-c jit=off' });
  // An idle client whose server connection dies (restart, failover, a forced drop) emits 'error';
  // unhandled, that would crash the process. The pool replaces the client, and the next query that
  // needs the server reports the failure where it can be handled.
  pool.on('error', () => {});
  await pool.query('select 1');
  return {
    engine: 'postgres',
    async query<T>(sql: string, params?: unknown[]) {
      return (await pool.query(sql, params)).rows as T[];
    },
    async exec(sql: string) {
      await pool.query(sql);
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await work(wrapClient(client));
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
    listen: (channel, onNotify) => listenOn(databaseUrl, channel, onNotify),
  };
}
