import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listEvents } from '../store/events';
import { TEST_ENGINES } from '../store/testing';
import { openScanWorld, type ScanWorld } from './scanTesting';

// Replies, out-of-office answers and spam complaints to the rep's Gmail, found by the scanner through
// the sandbox's Gmail API; the answers are written by another sandbox person through their own Gmail.
describe.each(TEST_ENGINES)('replies and complaints in Gmail (%s)', (engine) => {
  let world: ScanWorld;
  beforeAll(async () => {
    world = await openScanWorld(engine);
    await world.scan(); // the first round: an empty backfill, then incremental
  });
  afterAll(() => world.close());

  const answer = (headers: string[], body = 'Thanks, sounds good.') =>
    [
      'From: Ivy <ivy@acme.test>',
      'To: gus@acme.test',
      ...headers,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=UTF-8',
      '',
      body,
    ].join('\r\n');
  const replies = (sendId: string) =>
    world.db.query<{ from_addr: string; auto: boolean; evidence: Record<string, unknown> }>(
      'select from_addr, auto, evidence from replies where send_id = $1',
      [sendId],
    );
  const eventsOf = async (type: string, sendId: string | null) =>
    (await listEvents(world.db, 'gus', 0, 500)).filter((e) => e.type === type && e.sendId === sendId);

  it('a reply quoting our Message-ID in In-Reply-To is recorded once, with a reply feed row', async () => {
    const send = await world.sendOurs('gus', 'ivy@acme.test', 'reply-1');
    await world.sendAs('ivy', answer([`Subject: Re: ${send.subject}`, `In-Reply-To: <${send.messageId}>`]));
    expect(await world.scan()).toBe(1);
    expect(await world.scan()).toBe(0);
    expect(await replies(send.id)).toEqual([
      expect.objectContaining({ from_addr: 'ivy@acme.test', auto: false }),
    ]);
    const [event, ...more] = await eventsOf('reply', send.id);
    expect(more).toEqual([]);
    expect(event?.detail).toMatchObject({ from: 'ivy@acme.test', subject: `Re: ${send.subject}` });
  });

  it('a reply naming our email only in References (a later message of the thread) is a reply to it', async () => {
    const send = await world.sendOurs('gus', 'ivy@acme.test', 'reply-2');
    const refs = `References: <someone-else@acme.test> <${send.messageId}>`;
    await world.sendAs('ivy', answer(['Subject: Re: later', 'In-Reply-To: <someone-else@acme.test>', refs]));
    expect(await world.scan()).toBe(1);
    expect((await replies(send.id))[0]?.evidence).toMatchObject({ matchedBy: 'references' });
  });

  it('an out-of-office answer is recorded as automatic: an auto-reply row, no reply', async () => {
    const send = await world.sendOurs('gus', 'ivy@acme.test', 'ooo-1');
    await world.sendAs(
      'ivy',
      answer(
        [
          `Subject: Automatic reply: ${send.subject}`,
          'Auto-Submitted: auto-replied',
          `In-Reply-To: <${send.messageId}>`,
        ],
        'I am out of the office until Monday.',
      ),
    );
    await world.scan();
    expect(await replies(send.id)).toEqual([expect.objectContaining({ auto: true })]);
    expect(await eventsOf('auto-reply', send.id)).toHaveLength(1);
    expect(await eventsOf('reply', send.id)).toEqual([]);
  });

  it('an answer to a Sendwell Message-ID we do not know is kept for the unattributed list, and shown in the feed', async () => {
    await world.sendAs('ivy', answer(['Subject: Re: old', 'In-Reply-To: <gone-123@sendwell.local>']));
    expect(await world.scan()).toBe(1);
    const rows = await world.db.query<{ evidence: Record<string, unknown> }>(
      'select evidence from replies where send_id is null',
    );
    expect(rows.map((r) => r.evidence.inReplyTo)).toEqual([['gone-123@sendwell.local']]);
    const [event, ...more] = await eventsOf('reply', null);
    expect(more).toEqual([]);
    expect(event?.detail).toMatchObject({ from: 'ivy@acme.test', matchedBy: 'unknown-sendwell-id' });
  });

  it('ordinary mail and the rep writing in the thread are not replies', async () => {
    const send = await world.sendOurs('gus', 'ivy@acme.test', 'not-reply');
    await world.sendAs('ivy', answer(['Subject: Lunch?', 'In-Reply-To: <lunch@acme.test>']));
    await world.sendAs(
      'gus',
      [
        'From: gus@acme.test',
        'To: gus@acme.test',
        `In-Reply-To: <${send.messageId}>`,
        'Subject: note',
        '',
        'x',
      ].join('\r\n'),
    );
    expect(await world.scan()).toBe(0);
    expect(await replies(send.id)).toEqual([]);
  });

  it('a spam complaint (ARF) about our email is recorded once, with a feed row, and suppresses the address', async () => {
    const send = await world.sendOurs('gus', 'ivy@acme.test', 'complaint-1');
    const arf = [
      'From: ivy@acme.test',
      'To: gus@acme.test',
      'Subject: Complaint about message',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=feedback-report; boundary="arf"',
      '',
      '--arf',
      'Content-Type: text/plain',
      '',
      'This is an email abuse report for an email message received.',
      '--arf',
      'Content-Type: message/feedback-report',
      '',
      'Feedback-Type: abuse',
      'User-Agent: SandboxFBL/1.0',
      'Version: 1',
      'Original-Rcpt-To: <ivy@acme.test>',
      '',
      '--arf',
      'Content-Type: text/rfc822-headers',
      '',
      'From: gus@acme.test',
      'To: ivy@acme.test',
      `Message-ID: <${send.messageId}>`,
      `X-Sendwell-Id: ${send.id}`,
      '',
      '--arf--',
      '',
    ].join('\r\n');
    await world.sendAs('ivy', arf);
    expect(await world.scan()).toBe(1);
    expect(await world.scan()).toBe(0);
    const [event, ...more] = await eventsOf('complaint', send.id);
    expect(more).toEqual([]);
    expect(event?.recipient).toBe('ivy@acme.test');
    const live = await world.db.query<{ reason: string }>(
      `select reason from suppressions where email = 'ivy@acme.test' and lifted_at is null`,
    );
    expect(live).toEqual([{ reason: 'complaint' }]);
  });
});
