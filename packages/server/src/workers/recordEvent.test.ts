import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedHub } from '../services/feedHub';
import type { Db } from '../store/db';
import type { EventRow } from '../store/rows';
import { openTestDb, seedAva, TEST_ENGINES } from '../store/testing';
import { atomically, recordEvent } from './recordEvent';

// A kill between a change of state and the event that counts it must leave both or neither: the
// crash bench (bench/chaos) judges the end result; this pins the window (found by reading the
// workers, not by a bench failure): here the "kill" is a throw inside the transaction.
describe.each(TEST_ENGINES)('atomically on %s', (engine) => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb(engine);
    await seedAva(db);
  });
  afterAll(() => db.close());

  const event = (type: string) => ({
    userId: 'ava',
    type,
    sendId: null,
    templateId: null,
    recipient: null,
    detail: {},
    at: new Date(),
  });
  const countOf = async (type: string) =>
    Number(
      (await db.query<{ n: number }>('select count(*)::int as n from events where type = $1', [type]))[0]!.n,
    );

  function watch(hub: FeedHub): string[] {
    const seen: string[] = [];
    hub.subscribe('ava', (e: EventRow) => seen.push(e.type));
    return seen;
  }

  it.each([
    ['commits', false, 1, ['x.commit']],
    ['rolls back on a failure after the event', true, 0, []],
  ])(
    '%s: the event is stored and published only with the rest of the work',
    async (_name, fail, stored, published) => {
      const hub = new FeedHub();
      const seen = watch(hub);
      const type = fail ? 'x.rollback' : 'x.commit';
      const run = atomically(db, hub, async (tx, held) => {
        await recordEvent(tx, held, event(type));
        // Nothing reaches the feed before the commit.
        expect(seen).toEqual([]);
        if (fail) throw new Error('killed');
      });
      if (fail) await expect(run).rejects.toThrow('killed');
      else await run;
      expect({ stored: await countOf(type), published: seen }).toEqual({ stored, published });
    },
  );
});
