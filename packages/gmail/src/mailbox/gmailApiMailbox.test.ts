import { ManualClock, type OutgoingMessage } from '@sendwell/core';
import PostalMime from 'postal-mime';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeGmailApi } from '../testing/fakeGmailApi';
import { GmailApiMailbox } from './gmailApiMailbox';

const fake = new FakeGmailApi();
const clock = new ManualClock('2026-03-02T10:00:00Z');
let mailbox: GmailApiMailbox;
const TOKEN = 'ya29.test-access-token';

beforeAll(() => fake.start());
afterAll(() => fake.stop());
beforeEach(() => {
  fake.messages.length = 0;
  fake.requests.length = 0;
  fake.faults.length = 0;
  fake.oldestHistoryId = 0;
  mailbox = new GmailApiMailbox({
    address: 'rep@example.com',
    rootUrl: fake.rootUrl,
    getToken: async () => TOKEN,
    clock,
  });
});

const outgoing: OutgoingMessage = {
  sendwellId: 'send-1',
  messageId: 'send-1@sendwell.local',
  from: 'rep@example.com',
  to: ['ada@example.com'],
  subject: 'Grüße',
  html: '<p>Hi Ada</p>',
};

const bounceMime = [
  'From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>',
  'Subject: Delivery Status Notification (Failure)',
  'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
  'X-Failed-Recipients: nobody@bounce.test',
  '',
  '--b--',
].join('\r\n');

describe('GmailApiMailbox.send', () => {
  it('sends raw MIME with our headers through the prefixed rootUrl with the bearer token', async () => {
    const result = await mailbox.send(outgoing);
    expect(result).toEqual({
      status: 'submitted',
      providerMessageId: fake.messages[0]!.id,
      threadId: fake.messages[0]!.id,
      rfcMessageId: 'send-1@sendwell.local',
    });
    expect(fake.requests[0]).toMatchObject({
      method: 'POST',
      path: '/sandbox/google/gmail/v1/users/me/messages/send',
      authorization: `Bearer ${TOKEN}`,
    });
    const parsed = await PostalMime.parse(Buffer.from(fake.messages[0]!.raw, 'base64url'));
    expect(parsed.subject).toBe('Grüße');
    expect(parsed.messageId).toBe('<send-1@sendwell.local>');
    expect(parsed.headers.find((h) => h.key === 'x-sendwell-id')?.value).toBe('send-1');
    expect(parsed.date).toBe('2026-03-02T10:00:00.000Z');
  });

  it.each([
    [
      {
        status: 429,
        body: {
          error: {
            code: 429,
            message: 'User-rate limit exceeded (Mail sending)',
            errors: [{ reason: 'rateLimitExceeded' }],
          },
        },
        headers: { 'retry-after': '120' },
      },
      { status: 'throttled', retryAfterSeconds: 120 },
    ],
    [
      {
        status: 400,
        body: { error: { code: 400, message: 'Invalid To header', errors: [{ reason: 'invalidArgument' }] } },
      },
      { status: 'failed', retryable: false },
    ],
    [
      { status: 503, body: { error: { code: 503, message: 'Backend Error' } } },
      { status: 'failed', retryable: true },
    ],
  ])('maps provider error %# without retrying the POST', async (fault, expected) => {
    fake.faults.push(fault);
    expect(await mailbox.send(outgoing)).toMatchObject(expected);
    expect(fake.requests.filter((r) => r.path.endsWith('/messages/send'))).toHaveLength(1);
    expect(fake.messages).toHaveLength(0);
  });
});

describe('GmailApiMailbox.findSent', () => {
  it('finds a sent message by the Message-ID derived from the sendwell id', async () => {
    expect(await mailbox.findSent('send-1')).toBe(false);
    await mailbox.send(outgoing);
    expect(await mailbox.findSent('send-1')).toBe(true);
    expect(await mailbox.findSent('send-2')).toBe(false);
  });
});

describe('GmailApiMailbox.listInboxChanges', () => {
  it('backfills on first sync, then follows history from the returned cursor', async () => {
    const first = fake.deliver(bounceMime, Date.parse('2026-03-02T09:00:00Z'));
    const page = await mailbox.listInboxChanges(null);
    expect(page.entries).toEqual([
      {
        providerMessageId: first,
        from: 'Mail Delivery Subsystem <mailer-daemon@googlemail.com>',
        subject: 'Delivery Status Notification (Failure)',
        receivedAt: '2026-03-02T09:00:00.000Z',
        threadId: first,
        headers: expect.objectContaining({
          'x-failed-recipients': 'nobody@bounce.test',
          'content-type': expect.stringContaining('multipart/report'),
        }),
      },
    ]);
    const second = fake.deliver('From: ada@example.com\r\nSubject: Re: hi\r\n\r\nThanks');
    await mailbox.send(outgoing); // a SENT message must not show up as inbox change
    const next = await mailbox.listInboxChanges(page.cursor);
    expect(next.entries.map((e) => e.providerMessageId)).toEqual([second]);
    expect(Number(next.cursor)).toBeGreaterThan(Number(page.cursor));
    expect((await mailbox.listInboxChanges(next.cursor)).entries).toEqual([]);
  });

  it('falls back to a full sync when the history id has expired (404)', async () => {
    const id = fake.deliver(bounceMime);
    fake.oldestHistoryId = fake.historyId + 1;
    const page = await mailbox.listInboxChanges('5');
    expect(page.entries.map((e) => e.providerMessageId)).toEqual([id]);
    expect(page.cursor).toBe(String(fake.historyId));
  });

  it('returns the raw MIME bytes', async () => {
    const id = fake.deliver(bounceMime);
    expect(new TextDecoder().decode(await mailbox.getRawMessage(id))).toBe(bounceMime);
  });
});
