import { batchInfo, getProfile, ManualClock, silentLogger } from '@sendwell/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedUsers } from '../seed';
import { FeedHub } from '../services/feedHub';
import { quotaFor } from '../services/readModels';
import { createSend } from '../services/sends';
import type { Db } from '../store/db';
import { listEvents } from '../store/events';
import { findSend } from '../store/sends';
import { saveTeamBatch } from '../store/teamSettings';
import { openTestDb, TEST_ENGINES } from '../store/testing';
import { findUser } from '../store/users';
import { FakeMailbox } from '../testing/fakeMailbox';
import { scanAllOnce } from './scannerWorker';
import { sendDueOnce } from './senderWorker';

// Each test gets its own user (and mailbox), so budgets and pauses never leak between tests.
const USERS = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7'].map((id) => ({
  id,
  email: `${id}@contoso.test`,
  name: id,
  provider: 'exchange' as const,
  tenantId: `team-${id}`,
  mailboxId: `mbx-${id}`,
  legacy: false,
}));
const MIN_INTERVAL_MS = getProfile('exchange-online').minIntervalMs;

describe.each(TEST_ENGINES)('outbox sender on %s', (engine) => {
  let db: Db;
  let clock: ManualClock;
  let mailbox: FakeMailbox;
  let hub: FeedHub;
  let keys = 0;
  const deps = (maxAttempts?: number) => ({
    db,
    clock,
    hub,
    logger: silentLogger,
    mailboxFor: () => mailbox,
    ...(maxAttempts ? { maxAttempts } : {}),
  });
  const queue = async (userId: string, to = 'pat@example.com') => {
    const user = (await findUser(db, userId))!;
    const { sends } = await createSend({ db, clock, hub, wake: () => {} }, user, {
      host: 'outlook',
      to: [to],
      subject: 'Hi',
      body: '<p>Hi</p>',
      idempotencyKey: `outbox-${engine}-${++keys}`,
    });
    return sends[0]!.send;
  };
  /** Runs sender rounds, moving the clock by `stepMs` between them, until `done` or 200 rounds. */
  const runUntil = async (done: () => Promise<boolean>, stepMs: number, max = 200) => {
    for (let i = 0; i < max && !(await done()); i++) {
      await sendDueOnce(deps());
      clock.advance(stepMs);
    }
  };
  const events = async (userId: string, type: string) =>
    (await listEvents(db, userId, 0, 500)).filter((e) => e.type === type);

  beforeAll(async () => {
    db = await openTestDb(engine);
    await seedUsers(db, USERS);
  });
  afterAll(() => db.close());
  beforeEach(() => {
    clock = new ManualClock('2026-03-02T09:00:00Z');
    mailbox = new FakeMailbox('x@contoso.test');
    mailbox.now = () => clock.now();
    hub = new FeedHub();
  });

  it('a failed Sent-items lookup does not use up the retry budget (obs 18)', async () => {
    const send = await queue('a1');
    mailbox.nextResults = ['crash-after-accept'];
    clock.set(send.sendAt);
    await sendDueOnce(deps());
    mailbox.failingLookups = 8; // more failed lookups than the 5 attempts a send may use
    for (let i = 0; i < 8; i++) {
      clock.advance(20 * 60_000);
      await sendDueOnce(deps());
      expect(await findSend(db, send.id)).toMatchObject({ status: 'retry', attempts: 1 });
    }
    clock.advance(20 * 60_000);
    await sendDueOnce(deps());
    expect((await findSend(db, send.id))?.status).toBe('submitted');
    expect(mailbox.sent.filter((m) => m.sendwellId === send.id)).toHaveLength(1);
  });

  it('a throttled attempt does not use up the retry budget (obs 18)', async () => {
    const send = await queue('a2');
    mailbox.nextResults = Array.from({ length: 7 }, () => ({
      status: 'throttled' as const,
      retryAfterSeconds: 60,
      detail: '429 ApplicationThrottled',
    }));
    clock.set(send.sendAt);
    await runUntil(async () => (await findSend(db, send.id))?.status === 'submitted', 61_000);
    expect(mailbox.sendCalls).toBe(8);
    expect(await findSend(db, send.id)).toMatchObject({ status: 'submitted', attempts: 1 });
  });

  it('fails for good after the last retryable attempt, with a send.failed event', async () => {
    const send = await queue('a3');
    mailbox.nextResults = Array.from({ length: 9 }, () => ({
      status: 'failed' as const,
      retryable: true,
      detail: '503 ServiceUnavailable',
    }));
    clock.set(send.sendAt);
    await runUntil(async () => (await findSend(db, send.id))?.status === 'failed', 16 * 60_000);
    expect(mailbox.sendCalls).toBe(5);
    expect(await findSend(db, send.id)).toMatchObject({ status: 'failed', attempts: 5 });
    const failed = await events('a3', 'send.failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ sendId: send.id, detail: { error: '503 ServiceUnavailable' } });
  });

  it("a paused mailbox's queue waits without a provider call; throttle.resumed is recorded once (obs 19)", async () => {
    const first = await queue('a4');
    const second = await queue('a4', 'kim@example.com');
    mailbox.nextResults = [{ status: 'throttled', retryAfterSeconds: 600, detail: '429 MailboxConcurrency' }];
    clock.set(first.sendAt);
    await sendDueOnce(deps());
    expect(mailbox.sendCalls).toBe(1);
    clock.set(new Date(second.sendAt.getTime() + 60_000)); // the second is due, the pause is not over
    expect(await sendDueOnce(deps())).toBe(0);
    expect(mailbox.sendCalls).toBe(1);
    expect(await events('a4', 'throttle.resumed')).toHaveLength(0);
    clock.set(new Date(first.sendAt.getTime() + 600_000));
    await runUntil(async () => mailbox.sent.length === 2, 1_000);
    await sendDueOnce(deps());
    expect(mailbox.sendCalls).toBe(3);
    const resumed = await events('a4', 'throttle.resumed');
    expect(resumed).toHaveLength(1);
    expect(resumed[0]!.detail).toMatchObject({ reason: '429 MailboxConcurrency' });
    expect(await events('a4', 'throttle.paused')).toHaveLength(1);
  });

  it('overdue sends after downtime go out paced, not back to back (obs 22)', async () => {
    const queued = [];
    for (let i = 0; i < 5; i++) queued.push(await queue('a5', `r${i}@example.com`));
    clock.set(new Date(queued.at(-1)!.sendAt.getTime() + 10_000)); // the server was down meanwhile
    const times: number[] = [];
    mailbox.now = () => {
      times.push(clock.now().getTime());
      return clock.now();
    };
    await runUntil(async () => mailbox.sent.length === 5, 500);
    expect(times).toHaveLength(5);
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(MIN_INTERVAL_MS);
  });

  it('mail sent outside Sendwell counts against the budget, once (obs 20)', async () => {
    const user = (await findUser(db, 'a6'))!;
    const send = await queue('a6');
    clock.set(send.sendAt);
    await sendDueOnce(deps());
    for (let i = 0; i < 5; i++)
      mailbox.sendElsewhere([`web${i}@example.com`, 'ops@contoso.test'], clock.now());
    const before = await quotaFor(db, clock, user, 'outlook');
    await scanAllOnce({
      ...deps(),
      mailboxFor: (row) => (row.id === 'mbx-a6' ? mailbox : new FakeMailbox('-')),
    });
    await scanAllOnce({
      ...deps(),
      mailboxFor: (row) => (row.id === 'mbx-a6' ? mailbox : new FakeMailbox('-')),
    });
    const after = await quotaFor(db, clock, user, 'outlook');
    expect(after.used.messages - before.used.messages).toBe(5);
    expect(after.used.recipients - before.used.recipients).toBe(10);
    expect(after.used.external - before.used.external).toBe(5);
  });

  it("plans with the team's batch setting and explains its clamp in the quota (obs 21)", async () => {
    const user = (await findUser(db, 'a7'))!;
    const setting = { size: 100, everySeconds: 60 };
    await saveTeamBatch(db, user.tenantId, setting, user.id, clock.now());
    const quota = await quotaFor(db, clock, user, 'outlook');
    expect(quota.batch).toEqual(batchInfo(getProfile('exchange-online'), setting));
    expect(quota.batch?.clamped).toBe(true);
    await saveTeamBatch(db, user.tenantId, { size: 2, everySeconds: 60 }, user.id, clock.now());
    const [a, , c] = [await queue('a7'), await queue('a7'), await queue('a7')];
    expect(c.sendAt.getTime() - a.sendAt.getTime()).toBeGreaterThanOrEqual(60_000);
  });
});

describe('a send whose mailbox was removed', () => {
  it('fails with a send.failed event that says why', { timeout: 120_000 }, async () => {
    const db = await openTestDb('pglite');
    const clock = new ManualClock('2026-03-02T09:00:00Z');
    const hub = new FeedHub();
    await seedUsers(db, USERS.slice(0, 1));
    const { sends } = await createSend({ db, clock, hub, wake: () => {} }, (await findUser(db, 'a1'))!, {
      host: 'outlook',
      to: ['pat@example.com'],
      subject: 'Hi',
      body: '<p>Hi</p>',
      idempotencyKey: 'removed-mailbox-1',
    });
    // Disconnecting a mailbox is not a feature yet; remove the row the way an operator would.
    await db.exec(`alter table sends drop constraint sends_mailbox_id_fkey;
      alter table reservations drop constraint reservations_mailbox_id_fkey;
      delete from mailboxes where id = 'mbx-a1';`);
    clock.set(sends[0]!.send.sendAt);
    const mailbox = new FakeMailbox('a1@contoso.test');
    await sendDueOnce({ db, clock, hub, logger: silentLogger, mailboxFor: () => mailbox });
    expect(mailbox.sendCalls).toBe(0);
    expect((await findSend(db, sends[0]!.send.id))?.status).toBe('failed');
    const failed = (await listEvents(db, 'a1')).filter((e) => e.type === 'send.failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]!.detail.error).toMatch(/mailbox .* removed/);
    await db.close();
  });
});
