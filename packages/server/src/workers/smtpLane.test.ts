import { ManualClock, silentLogger } from '@sendwell/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedUsers } from '../seed';
import { FeedHub } from '../services/feedHub';
import { createSend } from '../services/sends';
import type { Db } from '../store/db';
import { listEvents } from '../store/events';
import { findSend } from '../store/sends';
import { openTestDb, TEST_ENGINES } from '../store/testing';
import { findUser } from '../store/users';
import { FakeMailbox } from '../testing/fakeMailbox';
import { SMTP_UNCERTAIN, sendDueOnce } from './senderWorker';

// SMTP servers have no Sent folder to reconcile with: a send that may have reached the server when
// its worker stopped is failed with the reason, never handed over a second time. A send the server
// refused with a 4xx never left, so it is retried.
const USERS = ['s1', 's2', 's3', 's4'].map((id) => ({
  id,
  email: `${id}@contoso.test`,
  name: id,
  provider: 'exchange' as const,
  tenantId: `team-${id}`,
  mailboxId: `mbx-${id}`,
  legacy: false,
}));
const LEASE_MS = 60_000;

describe.each(TEST_ENGINES)('outbox on an SMTP lane (%s)', (engine) => {
  let db: Db;
  let clock: ManualClock;
  let smtp: FakeMailbox;
  const hub = new FeedHub();
  const deps = () => ({
    db,
    clock,
    hub,
    logger: silentLogger,
    leaseMs: LEASE_MS,
    mailboxFor: () => smtp,
  });
  /** A send queued for the user, then moved onto their SMTP lane (as a web send would be). */
  const queueOnLane = async (userId: string) => {
    const { sends } = await createSend({ db, clock, hub, wake: () => {} }, (await findUser(db, userId))!, {
      host: 'outlook',
      to: ['pat@example.com'],
      subject: 'Hi',
      body: '<p>Hi</p>',
      idempotencyKey: `lane-${engine}-${userId}`,
    });
    const send = sends[0]!.send;
    await db.query(`update sends set mailbox_id = $1 where id = $2`, [`lane-${userId}`, send.id]);
    await db.query(`update reservations set mailbox_id = $1 where send_id = $2`, [`lane-${userId}`, send.id]);
    return send;
  };

  beforeAll(async () => {
    db = await openTestDb(engine);
    await seedUsers(db, USERS);
    for (const u of USERS)
      await db.query(
        `insert into mailboxes (id, user_id, provider, address, profile_id, channel_kind, scope, tenant_id, label)
         values ($1, $2, 'smtp', $3, 'custom-smtp', 'custom-smtp', 'personal', $4, 'My SMTP')`,
        [`lane-${u.id}`, u.id, u.email, u.tenantId],
      );
  });
  afterAll(() => db.close());
  beforeEach(() => {
    clock = new ManualClock('2026-03-02T09:00:00Z');
    smtp = new FakeMailbox('smtp');
    smtp.now = () => clock.now();
  });

  it('fails a send interrupted mid-handover instead of sending it twice', async () => {
    const send = await queueOnLane('s1');
    clock.set(send.sendAt);
    // A worker claimed it, started the handover (attempt counted) and died before recording a result.
    await db.query(
      `update sends set status = 'sending', started_at = $2, attempts = 1, claimed_until = $3 where id = $1`,
      [send.id, clock.now(), new Date(clock.now().getTime() + LEASE_MS)],
    );
    clock.advance(LEASE_MS + 1);
    await sendDueOnce(deps());
    const after = await findSend(db, send.id);
    expect(after?.status).toBe('failed');
    expect(after?.lastError).toBe(SMTP_UNCERTAIN);
    expect(smtp.sendCalls).toBe(0);
  });

  it('fails, and does not retry, when the connection breaks during the handover', async () => {
    const send = await queueOnLane('s3');
    smtp.nextResults = ['crash-after-accept'];
    clock.set(send.sendAt);
    await sendDueOnce(deps());
    const after = await findSend(db, send.id);
    expect(after?.status).toBe('failed');
    expect(after?.lastError).toContain(SMTP_UNCERTAIN);
    clock.advance(3_600_000);
    await sendDueOnce(deps());
    expect(smtp.sent).toHaveLength(1);
  });

  it('retries a send the server refused for now (4xx): it never left', async () => {
    const send = await queueOnLane('s2');
    smtp.nextResults = [{ status: 'failed', retryable: true, detail: '451 4.3.0 try again later' }];
    clock.set(send.sendAt);
    await sendDueOnce(deps());
    expect((await findSend(db, send.id))?.status).toBe('retry');
    for (let i = 0; i < 20 && (await findSend(db, send.id))?.status !== 'submitted'; i++) {
      clock.advance(30_000);
      await sendDueOnce(deps());
    }
    expect((await findSend(db, send.id))?.status).toBe('submitted');
    expect(smtp.sent).toHaveLength(1);
  });

  it('records recipients the server refused at RCPT as bounces, once', async () => {
    const send = await queueOnLane('s4');
    const refusal = {
      recipient: 'pat@example.com',
      status: '5.1.1',
      diagnostic: '550 5.1.1 <pat@example.com>: User unknown',
    };
    smtp.nextResults = [{ status: 'submitted', rejected: [refusal] }];
    clock.set(send.sendAt);
    await sendDueOnce(deps());
    const bounces = (await listEvents(db, 's4', 0, 100)).filter((e) => e.type === 'bounce');
    expect(bounces).toHaveLength(1);
    expect(bounces[0]).toMatchObject({
      sendId: send.id,
      recipient: 'pat@example.com',
      detail: { status: '5.1.1', reason: 'userunknown', hard: true },
    });
  });
});
