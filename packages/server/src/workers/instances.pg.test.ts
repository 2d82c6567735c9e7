import { getProfile, ManualClock, type ProfileId, silentLogger } from '@sendwell/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedUsers } from '../seed';
import { FeedHub } from '../services/feedHub';
import { createSend } from '../services/sends';
import { type Db, openDb } from '../store/db';
import { migrate } from '../store/migrations';
import { claimDueSends, findSend } from '../store/sends';
import { createTestDatabase } from '../store/testingPostgres';
import { findUser } from '../store/users';
import { FakeMailbox } from '../testing/fakeMailbox';
import { gateAttempt } from './pacing';
import { type SenderDeps, sendDueOnce } from './senderWorker';

// Two server instances (each its own connection pool, hub and worker) share one PostgreSQL and one
// provider per mailbox. What the provider received, not our reservations, is checked against the
// throttle profile's windows and pacing, and every send must reach it exactly once.
const USERS = (['exchange', 'exchange', 'gmail', 'gmail'] as const).map((provider, i) => ({
  id: `u${i}`,
  email: `u${i}@team${i}.test`,
  name: `u${i}`,
  provider,
  tenantId: `team${i}`,
  mailboxId: `mbx-u${i}`,
  legacy: false,
}));
const PER_MAILBOX = 30;

/** The most provider stamps in any window of `windowMs` (a window starting at each stamp). */
const mostIn = (times: number[], windowMs: number) =>
  Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + windowMs).length));

describe.skipIf(!process.env.SENDWELL_TEST_DATABASE_URL)('two instances on one PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  const dbs: Db[] = [];
  const clock = new ManualClock('2026-03-02T09:00:00Z');
  const providers = new Map(USERS.map((u) => [u.mailboxId, new FakeMailbox(u.email)]));
  const queued = new Map<string, string[]>(USERS.map((u) => [u.mailboxId, []]));

  beforeAll(async () => {
    database = await createTestDatabase();
    for (let i = 0; i < 2; i++) dbs.push(await openDb({ databaseUrl: database.url }));
    await migrate(dbs[0]!);
    await seedUsers(dbs[0]!, USERS);
    for (const mailbox of providers.values()) mailbox.now = () => clock.now();
  });
  afterAll(async () => {
    for (const db of dbs) await db.close();
    await database.drop();
  });

  const instance = (db: Db): SenderDeps => ({
    db,
    clock,
    hub: new FeedHub(),
    logger: silentLogger,
    mailboxFor: (mailbox) => providers.get(mailbox.id)!,
  });

  it('queues concurrently through both: one reservation per send, every key once', async () => {
    const queue = async (db: Db, user: (typeof USERS)[number], n: number) => {
      const row = (await findUser(db, user.id))!;
      const { sends } = await createSend({ db, clock, hub: new FeedHub(), wake: () => {} }, row, {
        host: user.provider === 'gmail' ? 'gmail' : 'outlook',
        to: [`lead${n}@example.com`],
        subject: 'Hi',
        body: '<p>Hi</p>',
        idempotencyKey: `two-${user.id}-${n}`,
      });
      queued.get(user.mailboxId)!.push(sends[0]!.send.id);
    };
    // Each send is asked for on both instances at once, as a client retrying on another node would.
    await Promise.all(
      USERS.flatMap((user) =>
        Array.from({ length: PER_MAILBOX }, (_, n) => [
          queue(dbs[0]!, user, n),
          queue(dbs[1]!, user, n),
        ]).flat(),
      ),
    );
    for (const user of USERS) {
      const ids = queued.get(user.mailboxId)!;
      expect(new Set(ids).size).toBe(PER_MAILBOX);
      const [reserved] = await dbs[0]!.query<{ n: number }>(
        'select count(*)::int as n from reservations where mailbox_id = $1',
        [user.mailboxId],
      );
      expect(reserved!.n).toBe(PER_MAILBOX);
    }
  });

  it('both workers drain the outbox: the provider sees each send once, within every window and the pacing', async () => {
    const workers = dbs.map(instance);
    const total = USERS.length * PER_MAILBOX;
    const received = () => [...providers.values()].reduce((n, m) => n + m.sent.length, 0);
    for (let round = 0; round < 600 && received() < total; round++) {
      await Promise.all(workers.map(sendDueOnce));
      clock.advance(1_000);
    }
    for (const user of USERS) {
      const provider = providers.get(user.mailboxId)!;
      const ids = provider.sent.map((m) => m.sendwellId);
      expect(ids.sort()).toEqual([...new Set(queued.get(user.mailboxId))].sort());
      const times = provider.sentFolder.map((s) => s.sentAt.getTime()).sort((x, y) => x - y);
      const [row] = await dbs[0]!.query<{ profile_id: ProfileId }>(
        'select profile_id from mailboxes where id = $1',
        [user.mailboxId],
      );
      const profile = getProfile(row!.profile_id);
      // One external recipient per send: every window (messages, recipients, external) counts one.
      for (const window of profile.windows)
        expect(mostIn(times, window.windowMs), `${user.id} ${window.id}`).toBeLessThanOrEqual(window.target);
      const gaps = times.slice(1).map((t, i) => t - times[i]!);
      expect(Math.min(...gaps)).toBeGreaterThanOrEqual(profile.minIntervalMs);
    }
    const rows = await Promise.all([...queued.values()].flat().map((id) => findSend(dbs[1]!, id)));
    expect(rows.every((r) => r?.status === 'submitted')).toBe(true);
  }, 240_000);

  it('a send another instance started after this one read its clock still counts at the gate', async () => {
    const late = { ...USERS[0]!, id: 'u9', email: 'u9@team9.test', tenantId: 'team9', mailboxId: 'mbx-u9' };
    await seedUsers(dbs[0]!, [late]);
    const user = (await findUser(dbs[0]!, late.id))!;
    for (const n of [1, 2])
      await createSend({ db: dbs[0]!, clock, hub: new FeedHub(), wake: () => {} }, user, {
        host: 'outlook',
        to: [`late${n}@example.com`],
        subject: 'Hi',
        body: '<p>Hi</p>',
        idempotencyKey: `late-draft-${n}`,
      });
    clock.advance(10 * 60_000);
    const readByB = clock.now(); // B reads its clock, then waits for the mailbox lock ...
    const [first] = await claimDueSends(dbs[0]!, readByB, 60_000, 1);
    const [second] = await claimDueSends(dbs[1]!, readByB, 60_000, 1);
    // ... while A, which read its clock a moment later, takes the lock first and starts its send.
    const startedByA = new Date(readByB.getTime() + 500);
    expect((await gateAttempt(dbs[0]!, first!, startedByA)).go).toBe(true);
    const gate = await gateAttempt(dbs[1]!, second!, readByB);
    const { minIntervalMs } = getProfile('exchange-online');
    expect(gate.go ? null : gate.reason).toBe('paced');
    if (!gate.go && gate.reason === 'paced')
      expect(gate.move.sendAt.getTime()).toBeGreaterThanOrEqual(startedByA.getTime() + minIntervalMs);
  });
});
