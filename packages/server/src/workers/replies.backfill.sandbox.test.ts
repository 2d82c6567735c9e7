import { DAY_MS } from '@sendwell/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listEvents } from '../store/events';
import { findSend } from '../store/sends';
import { TEST_ENGINES } from '../store/testing';
import { openScanWorld, type ScanWorld } from './scanTesting';

const text = (headers: string[], body = 'Thanks!') =>
  [...headers, 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=UTF-8', '', body].join('\r\n');

// A mailbox's first scan reads back 30 days (Gmail: a notice search and our threads), and Exchange
// replies are tied to the Message-ID Exchange gave our email (read from Sent Items).
describe.each(TEST_ENGINES)('first-scan backfill and Exchange replies (%s)', (engine) => {
  let world: ScanWorld;
  beforeEach(async () => {
    world = await openScanWorld(engine);
  });
  afterEach(() => world.close());

  const eventTypes = async (userId: string) =>
    (await listEvents(world.db, userId, 0, 500)).map((e) => e.type);

  it('Gmail: the first scan finds the last 30 days of bounces and replies, even one only in our thread', async () => {
    await world.sendOurs('gus', 'old@bounce.test', 'backfill-old');
    world.clock.advance(5_000);
    world.sandbox.deliverDueNotices();
    world.clock.advance(31 * DAY_MS); // that bounce is older than the backfill reads
    await world.sendOurs('gus', 'new@bounce.test', 'backfill-new');
    const send = await world.sendOurs('gus', 'ivy@acme.test', 'backfill-reply');
    world.clock.advance(5_000);
    world.sandbox.deliverDueNotices();
    const first = text([
      'From: ivy@acme.test',
      'To: gus@acme.test',
      'Subject: Re: hi',
      `In-Reply-To: <${send.messageId}>`,
      'Message-ID: <r1@acme.test>',
    ]);
    await world.sendAs('ivy', first);
    // Answers Ivy's own message, not ours: Gmail still threads it with our email.
    await world.sendAs(
      'ivy',
      text(['From: ivy@acme.test', 'To: gus@acme.test', 'Subject: Re: hi', 'In-Reply-To: <r1@acme.test>']),
    );
    for (let i = 0; i < 5; i++)
      await world.sendAs('ivy', text(['From: ivy@acme.test', 'To: gus@acme.test', `Subject: news ${i}`]));
    expect(await world.scan()).toBe(3);
    const bounces = await world.db.query<{ recipient: string }>('select recipient from bounces order by id');
    expect(bounces.map((b) => b.recipient)).toEqual(['new@bounce.test']);
    const replies = await world.db.query<{ send_id: string; evidence: { matchedBy: string } }>(
      'select send_id, evidence from replies order by id',
    );
    expect(replies.map((r) => [r.send_id, r.evidence.matchedBy])).toEqual([
      [send.id, 'in-reply-to'],
      [send.id, 'thread'],
    ]);
    // Then incremental: nothing is found twice.
    expect(await world.scan()).toBe(0);
  });

  it('Exchange: a reply quoting the Message-ID Exchange gave our email is tied to it', async () => {
    await world.scan();
    const ours = await world.sendOurs('ava', 'eli@contoso.test', 'graph-reply');
    await world.scan(); // Sent Items: the Message-ID our email went out with
    const received = world.sandbox.messages('eli', 'inbox').find((m) => m.subject === ours.subject)!;
    const exchangeId = received.internetMessageId.replace(/^<|>$/g, '');
    expect((await findSend(world.db, ours.id))?.rfcMessageId).toBe(exchangeId);
    await world.sendAs(
      'eli',
      text(['To: ava@contoso.test', `Subject: RE: ${ours.subject}`, `In-Reply-To: <${exchangeId}>`]),
    );
    expect(await world.scan()).toBe(1);
    const reply = (await listEvents(world.db, 'ava', 0, 100)).find((e) => e.type === 'reply');
    expect(reply).toMatchObject({ sendId: ours.id, recipient: 'eli@contoso.test' });
    expect(await eventTypes('ava')).not.toContain('auto-reply');
  });
});
