import { afterAll, describe, expect, it } from 'vitest';
import type { Db } from './db';
import { openTestDb, TEST_ENGINES } from './testing';

const opened: Db[] = [];
afterAll(async () => {
  for (const db of opened) await db.close();
});
const open = async (engine: 'pglite' | 'postgres') => {
  const db = await openTestDb(engine);
  opened.push(db);
  return db;
};

describe.each(TEST_ENGINES)('planning a send stays cheap as the queue grows (%s)', (engine) => {
  it('looks rescheduled sends up through an index, not the whole events table', async () => {
    const db = await open(engine);
    const rows = await db.query<{ indexdef: string }>(
      `select indexdef from pg_indexes where tablename = 'events' and indexname = 'events_rescheduled_send'`,
    );
    expect(rows[0]?.indexdef).toMatch(/\(send_id\) WHERE \(type = 'send\.rescheduled'::text\)/);
  });
});

describe.skipIf(!TEST_ENGINES.includes('postgres'))('PostgreSQL connections', () => {
  it('run without JIT: compiling a short query cost one send 439 of its 557 ms', async () => {
    const db = await open('postgres');
    const [row] = await db.query<{ jit: string }>(`select current_setting('jit') as jit`);
    expect(row?.jit).toBe('off');
  });
});
