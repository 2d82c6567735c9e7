import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, openDb } from '../store/db';
import { insertEvent } from '../store/events';
import { migrate } from '../store/migrations';
import { createTestDatabase } from '../store/testingPostgres';
import { upsertUser } from '../store/users';
import { FeedHub, listenForEvents } from './feedHub';

const USERS = [
  ['ava', 'contoso'],
  ['eli', 'contoso'],
  ['gus', 'acme'],
] as const;

/** Counts the wake-ups of one subscription; `next()` resolves at the next one. */
function wakeCounter() {
  let count = 0;
  let waiters: (() => void)[] = [];
  return {
    wake: () => {
      count++;
      for (const resolve of waiters) resolve();
      waiters = [];
    },
    count: () => count,
    next: () => new Promise<void>((resolve) => waiters.push(resolve)),
  };
}

const event = (userId: string) => ({
  userId,
  type: 'send.queued',
  sendId: null,
  templateId: null,
  recipient: null,
  detail: {},
  at: new Date(),
});

// Two instances on one PostgreSQL: `a` writes events, `b` listens (LISTEN/NOTIFY wakes its feeds).
describe.skipIf(!process.env.SENDWELL_TEST_DATABASE_URL)(
  'feed wake-ups across instances on PostgreSQL',
  () => {
    let database: Awaited<ReturnType<typeof createTestDatabase>>;
    let a: Db;
    let b: Db;
    const hub = new FeedHub();
    let stop: () => Promise<void>;
    const ava = wakeCounter();
    const contoso = wakeCounter();
    const gus = wakeCounter();

    beforeAll(async () => {
      database = await createTestDatabase();
      a = await openDb({ databaseUrl: database.url });
      await migrate(a);
      b = await openDb({ databaseUrl: database.url });
      for (const [id, tenantId] of USERS) {
        const user = { id, email: `${id}@t.test`, name: id, tenantId, legacy: false };
        await upsertUser(a, { ...user, defaultChannel: null, role: 'rep' });
      }
      stop = await listenForEvents(b, hub);
      hub.wakeOn({ userId: 'ava' }, ava.wake);
      hub.wakeOn({ userId: 'eli', tenantId: 'contoso' }, contoso.wake);
      hub.wakeOn({ userId: 'gus' }, gus.wake);
    });
    afterAll(async () => {
      await stop();
      await a.close();
      await b.close();
      await database.drop();
    });

    it('a committed event wakes the user and the team on the other instance; a rolled-back one wakes nobody', async () => {
      const woken = Promise.all([ava.next(), contoso.next()]);
      // Rolled back first: had its note been sent outside the transaction, it would arrive before ava's.
      await a
        .transaction(async (tx) => {
          await insertEvent(tx, event('gus'));
          throw new Error('roll back');
        })
        .catch(() => {});
      await a.transaction((tx) => insertEvent(tx, event('ava')));
      await woken;
      expect({ ava: ava.count(), contoso: contoso.count(), gus: gus.count() }).toEqual({
        ava: 1,
        contoso: 1,
        gus: 0,
      });
    });

    it('after the listening connection is cut, every stream is woken once it is back, and notes flow again', async () => {
      const back = gus.next(); // only wakeAll reaches gus: nothing is written for gus below
      const [cut] = await a.query<{ cut: boolean }>(
        `select pg_terminate_backend(pid) as cut from pg_stat_activity
        where datname = current_database() and query ilike 'listen %'`,
      );
      expect(cut?.cut).toBe(true);
      await back;
      const again = contoso.next();
      await insertEvent(a, event('eli'));
      await again;
      expect(gus.count()).toBe(1);
    });
  },
);
