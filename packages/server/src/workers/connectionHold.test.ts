import { MailboxAuthError, type OutgoingMessage, type SubmitResult } from '@sendwell/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { heldExplanation } from '../connections/connectionLife';
import { type ConnectionTestbed, openConnectionTestbed } from '../connections/connectionTestbed';
import { createSend } from '../services/sends';
import { findConnection } from '../store/connections';
import { listEvents } from '../store/events';
import type { MailboxRow } from '../store/rows';
import { findSend } from '../store/sends';
import { TEST_ENGINES } from '../store/testing';
import { FakeMailbox } from '../testing/fakeMailbox';
import { scanAllOnce } from './scannerWorker';
import { sendDueOnce } from './senderWorker';

/** A native mailbox whose provider stopped honouring the grant: every call is a 401 after a refresh. */
class RevocableMailbox extends FakeMailbox {
  revoked = false;
  calls = 0;
  #check() {
    this.calls++;
    if (this.revoked)
      throw new MailboxAuthError('token-rejected', 'The mailbox API answered 401 after a refresh.');
  }
  override async send(message: OutgoingMessage): Promise<SubmitResult> {
    this.#check();
    return super.send(message);
  }
  override async findSent(id: string) {
    this.#check();
    return super.findSent(id);
  }
  override async listInboxChanges(cursor: string | null) {
    this.#check();
    return super.listInboxChanges(cursor);
  }
}

// A mailbox that needs reconnecting holds its sends and lets them go after the reconnect, once each.
describe.each(TEST_ENGINES)('holding sends while a mailbox is not connected, on %s', (engine) => {
  let bed: ConnectionTestbed;
  let mailbox: RevocableMailbox;
  let keys = 0;
  // Gus's Gmail mailbox is the one whose grant dies; ava's (seeded) stays healthy.
  const healthy = new FakeMailbox('ava@contoso.test');
  const workers = () => ({
    ...bed.deps,
    mailboxFor: (row: MailboxRow) => (row.userId === 'gus' ? mailbox : healthy),
  });
  const queue = async (userId: string, host: 'gmail' | 'outlook') =>
    createSend({ ...bed.deps, wake: () => {} }, await bed.user(userId), {
      host,
      to: ['pat@example.com'],
      subject: 'Hi',
      body: '<p>Hi</p>',
      idempotencyKey: `hold-${engine}-${++keys}`,
    });
  const typesOf = async (userId: string) => (await listEvents(bed.db, userId, 0, 500)).map((e) => e.type);
  const gusMailbox = async () => (await bed.service.list(await bed.user('gus'))).connections[0]!;

  beforeAll(async () => {
    bed = await openConnectionTestbed(engine);
  });
  beforeEach(async () => {
    await bed.reset();
    mailbox = new RevocableMailbox('gus@acme.test');
    mailbox.now = () => bed.clock.now();
    await bed.connect('gus', 'google');
  });
  afterAll(async () => {
    await bed.db.close();
  });

  it('holds a send the provider refuses for the grant, then sends it once after the reconnect', async () => {
    const first = (await queue('gus', 'gmail')).sends[0]!.send;
    mailbox.revoked = true;
    await sendDueOnce(workers());
    // Back in the queue as it was: no attempt used up, same time; the mailbox needs reconnecting.
    expect(await findSend(bed.db, first.id)).toMatchObject({
      status: 'scheduled',
      attempts: 0,
      sendAt: first.sendAt,
    });
    const { mailboxId } = await gusMailbox();
    expect(await findConnection(bed.db, mailboxId)).toMatchObject({
      state: 'needs-reconnect',
      problem: 'token-rejected',
    });
    expect(await typesOf('gus')).toEqual([
      'connection.connected',
      'send.queued',
      'connection.needs-reconnect',
      'send.held',
    ]);
    const held = (await listEvents(bed.db, 'gus')).find((e) => e.type === 'send.held')!;
    expect(held).toMatchObject({
      sendId: first.id,
      detail: { state: 'needs-reconnect', problem: 'token-rejected' },
    });

    // The next rounds do not claim it: no provider call at all.
    const calls = mailbox.calls;
    bed.clock.advance(60_000);
    expect(await sendDueOnce(workers())).toBe(0);
    expect(mailbox.calls).toBe(calls);

    // A new send into the mailbox is accepted and held, and says why.
    const second = (await queue('gus', 'gmail')).sends[0]!;
    expect(second.explanation).toContain(heldExplanation('needs-reconnect'));
    expect((await gusMailbox()).heldSends).toBe(2);

    mailbox.revoked = false;
    expect(await bed.connect('gus', 'google')).toMatchObject({
      outcome: 'reconnected',
      mailboxId,
      released: 2,
    });
    const reconnected = (await listEvents(bed.db, 'gus')).find((e) => e.type === 'connection.reconnected');
    expect(reconnected?.detail).toEqual({
      mailboxId,
      provider: 'gmail',
      address: 'gus@acme.test',
      released: 2,
    });
    for (let round = 0; round < 10; round++) {
      await sendDueOnce(workers());
      bed.clock.advance(60_000);
    }
    expect(mailbox.sent.map((m) => m.sendwellId).sort()).toEqual([first.id, second.send.id].sort());
    expect((await typesOf('gus')).filter((t) => t === 'send.submitted')).toHaveLength(2);
  });

  it('holds a retry whose Sent-items check meets a dead grant, without counting an attempt', async () => {
    const send = (await queue('gus', 'gmail')).sends[0]!.send;
    mailbox.nextResults.push({ status: 'failed', retryable: true, detail: '503 backend' });
    await sendDueOnce(workers());
    const retry = (await findSend(bed.db, send.id))!;
    expect(retry).toMatchObject({ status: 'retry', attempts: 1 });
    mailbox.revoked = true;
    bed.clock.set(retry.sendAt);
    await sendDueOnce(workers());
    expect(await findSend(bed.db, send.id)).toMatchObject({
      status: 'retry',
      attempts: 1,
      sendAt: retry.sendAt,
    });
    expect((await typesOf('gus')).filter((t) => t === 'send.held')).toHaveLength(1);
  });

  it('a loss reported by the token manager holds every waiting send, each once in the feed', async () => {
    const a = (await queue('gus', 'gmail')).sends[0]!.send;
    const b = (await queue('gus', 'gmail')).sends[0]!.send;
    const { mailboxId } = await gusMailbox();
    await bed.service.markLost(mailboxId, 'grant-revoked');
    await bed.service.markLost(mailboxId, 'grant-revoked');
    const held = (await listEvents(bed.db, 'gus', 0, 500)).filter((e) => e.type === 'send.held');
    expect(held.map((e) => e.sendId).sort()).toEqual([a.id, b.id].sort());
    expect(held[0]!.detail).toMatchObject({ mailboxId, state: 'needs-reconnect', problem: 'grant-revoked' });
    bed.clock.advance(10 * 60_000);
    expect(await sendDueOnce(workers())).toBe(0);
    expect(mailbox.calls).toBe(0);
  });

  it('records the loss once when the scanner meets it, and skips the mailbox afterwards', async () => {
    mailbox.revoked = true;
    await scanAllOnce(workers());
    await scanAllOnce(workers());
    expect((await typesOf('gus')).filter((t) => t === 'connection.needs-reconnect')).toHaveLength(1);
    // One call met the 401; the second round never asked the provider.
    expect(mailbox.calls).toBe(1);
  });

  it.each([
    ['disconnected by the rep', 'mailbox-disconnected', 'disconnect'],
    ['disabled by an admin', 'mailbox-disabled', 'disable'],
  ] as const)('refuses a new send into a mailbox %s (%s)', async (_label, code, change) => {
    const { mailboxId } = await gusMailbox();
    await bed.service[change](await bed.user('gus'), mailboxId);
    await expect(queue('gus', 'gmail')).rejects.toMatchObject({ status: 409, code });
    expect(await bed.db.query('select id from sends')).toEqual([]);
  });
});
