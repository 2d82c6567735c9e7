import { ManualClock, silentLogger } from '@sendwell/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedUsers } from '../seed';
import { FeedHub } from '../services/feedHub';
import { createSend } from '../services/sends';
import type { Db } from '../store/db';
import { listEvents } from '../store/events';
import { findSend } from '../store/sends';
import { openTestDb, TEST_ENGINES } from '../store/testing';
import { findMailbox, findUser, saveScanCursor } from '../store/users';
import { dsnFor, FakeMailbox } from '../testing/fakeMailbox';
import { scanAllOnce } from './scannerWorker';
import { sendDueOnce } from './senderWorker';

const USERS = [
  {
    id: 'ava',
    email: 'ava@contoso.test',
    name: 'Ava Reyes',
    provider: 'exchange' as const,
    tenantId: 't1',
    mailboxId: 'mbx-ava',
    legacy: false,
  },
];

describe.each(TEST_ENGINES)('outbox and scanner workers on %s', (engine) => {
  let db: Db;
  let clock: ManualClock;
  let mailbox: FakeMailbox;
  let hub: FeedHub;
  let keyCounter = 0;
  const deps = () => ({ db, clock, hub, logger: silentLogger, mailboxFor: () => mailbox });
  const queue = async (to: string) => {
    const user = (await findUser(db, 'ava'))!;
    const { sends } = await createSend({ db, clock, hub, wake: () => {} }, user, {
      host: 'outlook',
      to: [to],
      cc: [],
      bcc: [],
      subject: 'Hi',
      body: '<p>Hi</p>',
      templateId: 't1-intro',
      idempotencyKey: `key-${engine}-${++keyCounter}-xxxx`,
    });
    return sends[0]!.send;
  };

  beforeAll(async () => {
    db = await openTestDb(engine);
    await seedUsers(db, USERS);
  });
  afterAll(() => db.close());
  beforeEach(() => {
    clock = new ManualClock(new Date(Date.UTC(2026, 2, 2 + keyCounter)));
    mailbox = new FakeMailbox('ava@contoso.test');
    hub = new FeedHub();
  });

  it('submits a due send once and records the event', async () => {
    const send = await queue('pat@example.com');
    clock.set(send.sendAt);
    expect(await sendDueOnce(deps())).toBe(1);
    expect(await sendDueOnce(deps())).toBe(0);
    expect(mailbox.sent.map((m) => m.sendwellId)).toEqual([send.id]);
    expect((await findSend(db, send.id))?.status).toBe('submitted');
  });

  it('reconciles with Sent items before retrying, so a crash after acceptance never sends twice', async () => {
    const send = await queue('kim@example.com');
    mailbox.nextResults = ['crash-after-accept'];
    clock.set(send.sendAt);
    await sendDueOnce(deps());
    expect((await findSend(db, send.id))?.status).toBe('retry');
    clock.advance(60 * 60_000);
    await sendDueOnce(deps());
    expect(mailbox.sent.filter((m) => m.sendwellId === send.id)).toHaveLength(1);
    expect((await findSend(db, send.id))?.status).toBe('submitted');
  });

  it('pauses the mailbox and reschedules on a provider throttle', async () => {
    const send = await queue('lee@example.com');
    mailbox.nextResults = [
      { status: 'throttled', retryAfterSeconds: 120, detail: '429 ApplicationThrottled' },
    ];
    clock.set(send.sendAt);
    await sendDueOnce(deps());
    const after = (await findSend(db, send.id))!;
    expect(after.status).toBe('retry');
    expect(after.sendAt.getTime()).toBe(send.sendAt.getTime() + 120_000);
    expect((await findMailbox(db, 'mbx-ava'))!.pausedUntil!.getTime()).toBeGreaterThanOrEqual(
      after.sendAt.getTime(),
    );
  });

  it('attributes a bounce to the send through X-Sendwell-Id and counts it once across rescans', async () => {
    const send = await queue('ghost@bounce.test');
    clock.set(send.sendAt);
    await sendDueOnce(deps());
    const dsn = dsnFor({
      recipient: 'ghost@bounce.test',
      status: '5.1.1',
      diagnostic: '550 5.1.1 user unknown',
      sendwellId: send.id,
      messageId: 'not-ours@example',
    });
    mailbox.deliverToInbox(dsn);
    mailbox.deliverToInbox(
      'From: friend@example.com\r\nSubject: lunch?\r\n\r\nSee you at noon.',
      {},
      'Friend <friend@example.com>',
      'lunch?',
    );
    expect(await scanAllOnce(deps())).toBe(1);
    expect(mailbox.rawFetches).toBe(1); // the ordinary email never cost a download
    expect(await scanAllOnce(deps())).toBe(0);
    const bounces = (await listEvents(db, 'ava', 0, 100)).filter((e) => e.type === 'bounce');
    expect(bounces).toHaveLength(1);
    expect(bounces[0]).toMatchObject({
      sendId: send.id,
      recipient: 'ghost@bounce.test',
      templateId: 't1-intro',
    });
    expect(bounces[0]!.detail).toMatchObject({ hard: true, reason: 'userunknown', status: '5.1.1' });
  });
  it('attributes a notice without our header or Message-ID to the latest send to that recipient before it', async () => {
    await saveScanCursor(db, 'mbx-ava', '0'); // this test's fake inbox starts empty
    const older = await queue('kim@fallback.test');
    clock.set(older.sendAt);
    await sendDueOnce(deps());
    clock.advance(60_000);
    const latest = await queue('kim@fallback.test');
    clock.set(latest.sendAt);
    await sendDueOnce(deps());
    const other = await queue('lee@fallback.test');
    clock.set(other.sendAt);
    await sendDueOnce(deps());
    const later = await queue('kim@fallback.test'); // queued, not sent when the notice is read
    mailbox.deliverToInbox(
      dsnFor({
        recipient: 'kim@fallback.test',
        status: '5.1.1',
        diagnostic: '550 5.1.1 user unknown',
        sendwellId: 'not-one-of-ours',
        messageId: 'rewritten-by-a-relay@example.net',
      }),
    );
    await scanAllOnce(deps());
    const bounce = (await listEvents(db, 'ava', 0, 500)).filter(
      (e) => e.type === 'bounce' && e.recipient === 'kim@fallback.test',
    );
    expect(bounce.map((e) => e.sendId)).toEqual([latest.id]);
    expect([older.id, later.id]).not.toContain(bounce[0]!.sendId);
  });
});
