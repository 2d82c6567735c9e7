import { ManualClock, silentLogger } from '@sendwell/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedUsers } from '../seed';
import { FeedHub } from '../services/feedHub';
import { createSend } from '../services/sends';
import type { Db } from '../store/db';
import { listEvents } from '../store/events';
import type { SendRow } from '../store/rows';
import { findSend } from '../store/sends';
import { openTestDb, TEST_ENGINES } from '../store/testing';
import { findUser } from '../store/users';
import { FakeMailbox } from '../testing/fakeMailbox';
import { recordMove } from './reschedule';
import { sendDueOnce } from './senderWorker';

// Issue 6, observation 9: when the worker holds a send back (pacing at send time, a paused mailbox,
// a 429, a retry) its time moves; the feed must say so once per move, so the row never goes stale.
const USERS = ['m1', 'm2', 'm3', 'm4'].map((id) => ({
  id,
  email: `${id}@contoso.test`,
  name: id,
  provider: 'exchange' as const,
  tenantId: `team-${id}`,
  mailboxId: `mbx-${id}`,
  legacy: false,
}));

describe.each(TEST_ENGINES)('send.rescheduled on %s', (engine) => {
  let db: Db;
  let clock: ManualClock;
  let mailbox: FakeMailbox;
  let hub: FeedHub;
  let keys = 0;
  const deps = () => ({ db, clock, hub, logger: silentLogger, mailboxFor: () => mailbox });
  const queue = async (userId: string, to: string) => {
    const user = (await findUser(db, userId))!;
    const { sends } = await createSend({ db, clock, hub, wake: () => {} }, user, {
      host: 'outlook',
      to: [to],
      subject: 'Hi',
      body: '<p>Hi</p>',
      idempotencyKey: `move-${engine}-${++keys}`,
    });
    return sends[0]!.send;
  };
  const moves = async (userId: string) =>
    (await listEvents(db, userId, 0, 500)).filter((e) => e.type === 'send.rescheduled');

  /**
   * Runs poll ticks until every send is submitted, watching each send's stored time: every change
   * is one move. Returns the moves seen, per send, with the new time.
   */
  async function runWatching(sends: SendRow[], stepMs: number) {
    const seen: { sendId: string; sendAt: string }[] = [];
    const times = new Map(sends.map((s) => [s.id, s.sendAt.getTime()]));
    for (let tick = 0; tick < 400; tick++) {
      await sendDueOnce(deps());
      const rows = await Promise.all(sends.map((s) => findSend(db, s.id)));
      for (const row of rows) {
        if (row!.sendAt.getTime() === times.get(row!.id)) continue;
        times.set(row!.id, row!.sendAt.getTime());
        seen.push({ sendId: row!.id, sendAt: row!.sendAt.toISOString() });
      }
      if (rows.every((r) => r!.status === 'submitted')) return seen;
      clock.advance(stepMs);
    }
    throw new Error('the sends did not go out');
  }
  /** Each send's new times in order (moves of different sends in one tick have no order to check). */
  const bySend = (list: { sendId: string | null; sendAt: unknown }[]) => {
    const grouped: Record<string, unknown[]> = {};
    for (const { sendId, sendAt } of list) grouped[sendId!] = [...(grouped[sendId!] ?? []), sendAt];
    return grouped;
  };
  const asMoves = (events: Awaited<ReturnType<typeof moves>>) =>
    bySend(events.map((e) => ({ sendId: e.sendId, sendAt: e.detail.sendAt })));

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

  it('pacing at send time: one event per move, with the new time, none on idle ticks', async () => {
    const sends = [];
    for (let i = 0; i < 4; i++) sends.push(await queue('m1', `r${i}@example.com`));
    clock.set(new Date(sends.at(-1)!.sendAt.getTime() + 10_000)); // overdue: the server was down
    const seen = await runWatching(sends, 500);
    expect(seen.length).toBeGreaterThanOrEqual(3); // three had to wait for the pacing
    const events = await moves('m1');
    expect(asMoves(events)).toEqual(bySend(seen));
    expect(events.every((e) => e.detail.limitedBy === 'pace' || e.detail.limitedBy === 'window')).toBe(true);
  });

  it('a 429: the throttled send and the queue waiting behind it each move once to the pause end', async () => {
    const first = await queue('m2', 'pat@example.com');
    const second = await queue('m2', 'kim@example.com');
    mailbox.nextResults = [{ status: 'throttled', retryAfterSeconds: 600, detail: '429 MailboxConcurrency' }];
    clock.set(first.sendAt);
    const until = new Date(first.sendAt.getTime() + 600_000).toISOString();
    const seen = await runWatching([first, second], 30_000);
    const events = await moves('m2');
    expect(asMoves(events)).toEqual(bySend(seen));
    expect(events.slice(0, 2).map((e) => [e.sendId, e.detail.sendAt, e.detail.limitedBy])).toEqual([
      [second.id, until, 'pause'],
      [first.id, until, 'pause'],
    ]);
  });

  it('a retry after a provider error moves the send once, as a retry', async () => {
    const send = await queue('m3', 'pat@example.com');
    mailbox.nextResults = [{ status: 'failed', retryable: true, detail: '503 ServiceUnavailable' }];
    clock.set(send.sendAt);
    const seen = await runWatching([send], 1_000);
    const events = await moves('m3');
    expect(asMoves(events)).toEqual(bySend(seen));
    expect(events.map((e) => e.detail.limitedBy)).toEqual(['retry']);
  });

  it('records nothing when the time did not change, or when nothing is due', async () => {
    const send = await queue('m4', 'pat@example.com');
    const same = { ...send, previousSendAt: send.sendAt };
    const move = { sendAt: send.sendAt, limitedBy: 'pace' as const, windowId: null, profileId: null };
    expect(await recordMove(db, hub, same, { ...move, reason: 'no change' }, clock.now())).toBe(false);
    clock.set(new Date(send.sendAt.getTime() - 1));
    await sendDueOnce(deps());
    expect(await moves('m4')).toEqual([]);
  });
});
