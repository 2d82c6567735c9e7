/**
 * One small database port over the two engines Sendwell runs on: PGlite (embedded, the default) and
 * PostgreSQL (`DATABASE_URL`, the scale path). Same SQL dialect and migrations for both.
 */
export interface Db {
  readonly engine: 'pglite' | 'postgres';
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Runs `work` in one transaction; rolls back when it throws. */
  transaction<T>(work: (tx: Db) => Promise<T>): Promise<T>;
  /**
   * PGlite only: its data directory as a gzipped tar, made inside the engine's one connection so no
   * statement runs meanwhile (a consistent copy of a running server). PostgreSQL: use pg_dump.
   */
  snapshot?(): Promise<Uint8Array>;
  close(): Promise<void>;
  /**
   * PostgreSQL only (absent on PGlite, which one process owns): calls `onNotify` with the payload of
   * each NOTIFY on `channel`, from any session of any instance, and with `null` after the listening
   * connection was lost and made again (notifications in between may be missed). Resolves to a stop.
   */
  listen?(channel: string, onNotify: (payload: string | null) => void): Promise<() => Promise<void>>;
}

export type DbOptions = { databaseUrl: string } | { dataDir: string } | { memory: true };

export async function openDb(options: DbOptions): Promise<Db> {
  if ('databaseUrl' in options) {
    const { openPostgres } = await import('./postgres');
    return openPostgres(options.databaseUrl);
  }
  const { openPglite } = await import('./pglite');
  return openPglite('dataDir' in options ? options.dataDir : undefined);
}
