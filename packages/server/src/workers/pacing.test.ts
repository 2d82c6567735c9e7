import { effectiveBatch, getProfile, ManualClock, silentLogger } from '@sendwell/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedUsers } from '../seed';
import { FeedHub } from '../services/feedHub';
import { createSend } from '../services/sends';
import type { Db } from '../store/db';
import { findSend } from '../store/sends';
import { saveProfileBatch, saveTeamBatch } from '../store/teamSettings';
import { openTestDb, TEST_ENGINES } from '../store/testing';
import { findUser } from '../store/users';
import { FakeMailbox } from '../testing/fakeMailbox';
import { sendDueOnce } from './senderWorker';

// The outbox follows a profile's batch setting (issue 8: "25 every 45 s" on Exchange Online is
// clamped, and the sends go at the clamped pace), also for sends queued before the setting changed:
// the last check before the provider call re-plans with the profile's row, else the team's.
const exchange = getProfile('exchange-online');
const USERS = ['p1', 'p2'].map((id) => ({
  id,
  email: `${id}@contoso.test`,
  name: id,
  provider: 'exchange' as const,
  tenantId: `team-${id}`,
  mailboxId: `mbx-${id}`,
  legacy: false,
}));

/** The most submissions in any window of `windowMs` (a window starting at each submission). */
const mostIn = (times: number[], windowMs: number) =>
  Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + windowMs).length));

describe.each(TEST_ENGINES)('pacing by the profile’s batch on %s', (engine) => {
  let db: Db;
  let clock: ManualClock;
  const hub = new FeedHub();
  let keys = 0;

  beforeAll(async () => {
    db = await openTestDb(engine);
    clock = new ManualClock('2026-03-02T09:00:00Z');
    await seedUsers(db, USERS);
  });
  afterAll(() => db.close());

  const queue = async (userId: string, n: number) => {
    const user = (await findUser(db, userId))!;
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const { sends } = await createSend({ db, clock, hub, wake: () => {} }, user, {
        host: 'outlook',
        to: [`lead${i}@example.com`],
        subject: 'Hi',
        body: '<p>Hi</p>',
        idempotencyKey: `pacing-${engine}-${++keys}`,
      });
      ids.push(sends[0]!.send.id);
    }
    return ids;
  };
  /** Sender rounds a second apart until every send is out; their submission times. */
  const drain = async (ids: string[], address: string) => {
    const mailbox = new FakeMailbox(address);
    const deps = { db, clock, hub, logger: silentLogger, mailboxFor: () => mailbox };
    for (let i = 0; i < 1_000 && mailbox.sent.length < ids.length; i++) {
      await sendDueOnce(deps);
      clock.advance(1_000);
    }
    const rows = await Promise.all(ids.map((id) => findSend(db, id)));
    return rows.map((r) => r!.submittedAt!.getTime()).sort((a, b) => a - b);
  };

  it('"25 every 45 s" on Exchange Online goes out at the clamped 20 every 45 s, under 27 a minute', async () => {
    const setting = { size: 25, everySeconds: 45 };
    const { effective, clamped } = effectiveBatch(exchange, setting);
    expect({ clamped, effective }).toEqual({ clamped: true, effective: { size: 20, everySeconds: 45 } });
    const user = (await findUser(db, 'p1'))!;
    await saveProfileBatch(db, user.tenantId, 'exchange-online', setting, user.id, clock.now());
    const times = await drain(await queue('p1', 45), 'p1@contoso.test');
    expect(times).toHaveLength(45);
    expect(mostIn(times, 45_000)).toBeLessThanOrEqual(effective.size);
    const perMinute = exchange.windows.find((w) => w.windowMs === 60_000)!.target;
    expect(mostIn(times, 60_000)).toBeLessThanOrEqual(perMinute);
  }, 120_000);

  it('re-plans sends queued before the setting: the profile’s own row wins over the team’s', async () => {
    const user = (await findUser(db, 'p2'))!;
    const ids = await queue('p2', 6);
    await saveTeamBatch(db, user.tenantId, { size: 6, everySeconds: 60 }, user.id, clock.now());
    await saveProfileBatch(
      db,
      user.tenantId,
      'exchange-online',
      { size: 2, everySeconds: 60 },
      user.id,
      clock.now(),
    );
    const times = await drain(ids, 'p2@contoso.test');
    expect(mostIn(times, 60_000)).toBeLessThanOrEqual(2);
    expect(times.at(-1)! - times[0]!).toBeGreaterThanOrEqual(2 * 60_000);
  }, 120_000);
});
