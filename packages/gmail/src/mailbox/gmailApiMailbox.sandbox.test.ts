import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { ManualClock, type OutgoingMessage } from '@sendwell/core';
import { createSandbox, type Sandbox } from '@sendwell/sandbox';
import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GmailApiMailbox } from './gmailApiMailbox';

/** The real sandbox Gmail API over HTTP, with the demo Gmail user `gus`. */
let sandbox: Sandbox;
let close: () => Promise<void>;
const clock = new ManualClock('2026-03-02T10:00:00Z');

async function start(limits?: Parameters<typeof createSandbox>[0]['limits']): Promise<void> {
  let handler: Hono | null = null;
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve(
      {
        fetch: (req) => (handler ? handler.fetch(req) : new Response('starting', { status: 503 })),
        port: 0,
        hostname: '127.0.0.1',
      },
      () => resolve(s),
    );
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sandbox`;
  sandbox = createSandbox({ baseUrl, clock, noticeDelayMs: 1000, ...(limits ? { limits } : {}) });
  handler = new Hono().route('/sandbox', sandbox.app);
  close = () => new Promise<void>((resolve) => server.close(() => resolve()));
}

const gus = () => {
  const user = sandbox.users.find((u) => u.provider === 'gmail')!;
  return {
    user,
    mailbox: new GmailApiMailbox({
      address: user.email,
      rootUrl: sandbox.google.rootUrl,
      getToken: async () => sandbox.issueGoogleAccessToken(user.id),
      clock,
    }),
  };
};

const message = (from: string, sendwellId: string, to: string[]): OutgoingMessage => ({
  sendwellId,
  messageId: `${sendwellId}@sendwell.local`,
  from,
  to,
  subject: 'Grüße aus dem Test',
  html: '<p>Hello</p>',
});

afterEach(() => close());

describe('GmailApiMailbox against the sandbox Gmail API', () => {
  beforeEach(() => start());

  it('sends, reconciles by Message-ID, and scans the bounce notice back with its pre-filter headers', async () => {
    const { user, mailbox } = gus();
    const first = await mailbox.listInboxChanges(null);
    expect(await mailbox.send(message(user.email, 'snd-1', ['nobody@bounce.test']))).toMatchObject({
      status: 'submitted',
    });
    expect(await mailbox.findSent('snd-1')).toBe(true);
    expect(await mailbox.findSent('snd-2')).toBe(false);

    clock.advance(5_000);
    sandbox.deliverDueNotices();
    const page = await mailbox.listInboxChanges(first.cursor);
    const notice = page.entries.find((e) => /mailer-daemon/i.test(e.from));
    expect(notice?.headers['content-type']).toMatch(/multipart\/report/i);
    expect(notice?.headers['x-failed-recipients']).toContain('nobody@bounce.test');
    const raw = new TextDecoder().decode(await mailbox.getRawMessage(notice!.providerMessageId));
    expect(raw).toContain('snd-1@sendwell.local');
    expect((await mailbox.listInboxChanges(page.cursor)).entries).toEqual([]);
  });

  it.each([
    [['a@example.test', 'bad address'], { status: 'failed', retryable: false }],
    [Array.from({ length: 101 }, (_, i) => `r${i}@example.test`), { status: 'failed', retryable: false }],
  ])('maps a rejected message to a permanent failure %#', async (to, expected) => {
    const { user, mailbox } = gus();
    expect(await mailbox.send(message(user.email, 'snd-x', to))).toMatchObject(expected);
  });
});

describe('GmailApiMailbox threads', () => {
  beforeEach(() => start());

  it('a reply in the same thread gets the thread id back and the threading headers', async () => {
    const { user, mailbox } = gus();
    const first = await mailbox.send(message(user.email, 'snd-a', ['ivy@acme.test']));
    const threadId = first.status === 'submitted' ? first.threadId : undefined;
    expect(first).toMatchObject({ status: 'submitted', rfcMessageId: 'snd-a@sendwell.local' });
    expect(threadId).toEqual(expect.any(String));
    const second = await mailbox.send({
      ...message(user.email, 'snd-b', ['ivy@acme.test']),
      inReplyTo: 'snd-a@sendwell.local',
      references: [],
      ...(threadId ? { threadId } : {}),
    });
    expect(second).toMatchObject({ status: 'submitted', threadId });
    const got = sandbox.messages('ivy', 'inbox').find((m) => m.raw.includes('snd-b@sendwell.local'))!;
    expect(got.headers.find((h) => h.name.toLowerCase() === 'in-reply-to')?.value).toBe(
      '<snd-a@sendwell.local>',
    );
  });

  it('inbox entries carry their Gmail thread id and the reply headers', async () => {
    const { user, mailbox } = gus();
    const first = await mailbox.listInboxChanges(null);
    await mailbox.send(message(user.email, 'snd-c', ['gus@acme.test']));
    const page = await mailbox.listInboxChanges(first.cursor);
    const stored = sandbox.messages('gus', 'inbox').find((m) => m.raw.includes('snd-c@sendwell.local'))!;
    expect(page.entries[0]).toMatchObject({ providerMessageId: stored.id, threadId: stored.threadId });
    expect(page.entries[0]?.headers['message-id']).toBe('<snd-c@sendwell.local>');
  });
});

describe('GmailApiMailbox at the sandbox daily limit', () => {
  beforeEach(() => start({ gmail: { messagesPerDay: 1, overLimitAcceptMs: 0 } }));

  it('answers throttled with the retry time Gmail gives', async () => {
    const { user, mailbox } = gus();
    expect(await mailbox.send(message(user.email, 'snd-1', ['ada@example.test']))).toMatchObject({
      status: 'submitted',
    });
    const result = await mailbox.send(message(user.email, 'snd-2', ['ada@example.test']));
    expect(result).toMatchObject({ status: 'throttled' });
    // The window frees 24 h after the first send (rounded up: never retry early).
    const wait = result.status === 'throttled' ? result.retryAfterSeconds : 0;
    expect(wait).toBeGreaterThanOrEqual(24 * 3600);
    expect(wait).toBeLessThanOrEqual(24 * 3600 + 1);
  });
});
