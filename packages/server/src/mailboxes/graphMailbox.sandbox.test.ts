import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { ManualClock, type OutgoingMessage } from '@sendwell/core';
import { createSandbox, type Sandbox } from '@sendwell/sandbox';
import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GraphMailbox } from './graphMailbox';

// GraphMailbox against the sandbox's Microsoft Graph over HTTP (real routes, errors and limits).
let sandbox: Sandbox;
let clock: ManualClock;
let close: () => Promise<void>;

beforeEach(async () => {
  clock = new ManualClock('2026-03-02T10:00:00Z');
  let handler: Hono | null = null;
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve(
      { fetch: (req) => (handler ? handler.fetch(req) : new Response('starting', { status: 503 })), port: 0 },
      () => resolve(s),
    );
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sandbox`;
  sandbox = createSandbox({ baseUrl, clock, noticeDelayMs: 1000 });
  handler = new Hono().route('/sandbox', sandbox.app);
  close = () => new Promise<void>((resolve) => server.close(() => resolve()));
});
afterEach(() => close());

const ava = () =>
  new GraphMailbox({
    baseUrl: sandbox.microsoft.graphBaseUrl,
    address: 'ava@contoso.test',
    getToken: () => sandbox.issueMicrosoftToken('ava'),
  });

const message = (sendwellId: string, to: string[]): OutgoingMessage => ({
  sendwellId,
  messageId: `${sendwellId}@sendwell.local`,
  from: 'ava@contoso.test',
  to,
  subject: 'Quick question',
  html: '<p>Hello</p>',
});

/** Straight through Graph's sendMail, as Outlook on the web would: no Sendwell header. */
async function sendElsewhere(to: string) {
  const response = await fetch(`${sandbox.microsoft.graphBaseUrl}/me/sendMail`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${await sandbox.issueMicrosoftToken('ava')}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({
      message: { subject: 'From the web', toRecipients: [{ emailAddress: { address: to } }] },
    }),
  });
  expect(response.status).toBe(202);
}

describe('GraphMailbox against the sandbox Graph', () => {
  it('finds its own message in Sent Items by X-Sendwell-Id, and only its own (obs 18)', async () => {
    const mailbox = ava();
    expect(await mailbox.send(message('snd-1', ['pat@example.com']))).toEqual({ status: 'submitted' });
    await sendElsewhere('kim@example.com');
    expect(await mailbox.findSent('snd-1')).toBe(true);
    expect(await mailbox.findSent('snd-2')).toBe(false);
  });

  it('the filter the old lookup used is one Graph refuses', async () => {
    const filter = "internetMessageHeaders/any(h:h/name eq 'X-Sendwell-Id' and h/value eq 'snd-1')";
    const response = await fetch(
      `${sandbox.microsoft.graphBaseUrl}/me/mailFolders/sentitems/messages?$filter=${encodeURIComponent(filter)}`,
      { headers: { authorization: `Bearer ${await sandbox.issueMicrosoftToken('ava')}` } },
    );
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe('ErrorInvalidUrlQueryFilter');
  });

  it('answers throttled with Graph’s Retry-After past 30 messages a minute', async () => {
    const mailbox = ava();
    for (let i = 0; i < 30; i++) await sendElsewhere(`r${i}@example.com`);
    const result = await mailbox.send(message('snd-31', ['pat@example.com']));
    expect(result).toMatchObject({ status: 'throttled', detail: expect.stringContaining('429') });
    expect(result.status === 'throttled' && result.retryAfterSeconds).toBeGreaterThan(0);
  });

  it.each([
    ['an unresolvable recipient', ['not an address']],
    ['over 500 recipients', Array.from({ length: 501 }, (_, i) => `r${i}@example.com`)],
  ])('maps %s to a permanent failure', async (_label, to) => {
    expect(await ava().send(message('snd-x', to))).toMatchObject({ status: 'failed', retryable: false });
  });

  it('reads the bounce notice back through inbox delta and $value', async () => {
    const mailbox = ava();
    const first = await mailbox.listInboxChanges(null);
    await mailbox.send(message('snd-b', ['nobody@bounce.test']));
    clock.advance(5_000);
    sandbox.deliverDueNotices();
    const page = await mailbox.listInboxChanges(first.cursor);
    expect(page.entries).toHaveLength(1);
    const raw = new TextDecoder().decode(await mailbox.getRawMessage(page.entries[0]!.providerMessageId));
    expect(raw).toMatch(/x-sendwell-id: snd-b/i);
    expect((await mailbox.listInboxChanges(page.cursor)).entries).toEqual([]);
  });

  it('lists Sent Items incrementally, telling our mail from mail sent elsewhere (obs 20)', async () => {
    const mailbox = ava();
    const since = new Date(clock.now().getTime() - 24 * 3600_000);
    await mailbox.send(message('snd-s', ['pat@example.com']));
    await sendElsewhere('kim@example.com');
    const first = await mailbox.listSentChanges(null, since);
    expect(first.items.map((i) => [i.sendwellId, i.recipients])).toEqual([
      ['snd-s', ['pat@example.com']],
      [null, ['kim@example.com']],
    ]);
    expect(first.items[1]!.sentAt.getTime()).toBe(clock.now().getTime());
    clock.advance(60_000);
    await sendElsewhere('lee@example.com');
    const next = await mailbox.listSentChanges(first.cursor, since);
    expect(next.items.map((i) => i.recipients)).toEqual([['lee@example.com']]);
  });

  it('leaves Sent Items older than `since` out of the first round', async () => {
    await sendElsewhere('old@example.com');
    clock.advance(25 * 3600_000);
    const page = await ava().listSentChanges(null, new Date(clock.now().getTime() - 24 * 3600_000));
    expect(page.items).toEqual([]);
  });

  it('a reply in a thread with a one-click unsubscribe goes as MIME: the recipient gets our threading and List-Unsubscribe headers', async () => {
    const result = await ava().send({
      ...message('snd-t', ['eli@contoso.test']),
      inReplyTo: 'snd-0@sendwell.local',
      references: ['first@contoso.test'],
      listUnsubscribeUrl: 'https://sendwell.example/u/abc',
    });
    expect(result).toEqual({ status: 'submitted', rfcMessageId: 'snd-t@sendwell.local' });
    const received = sandbox.messages('eli', 'inbox').find((m) => /snd-t/.test(m.raw))!;
    const header = (name: string) => received.headers.find((h) => h.name.toLowerCase() === name)?.value;
    expect(header('in-reply-to')).toBe('<snd-0@sendwell.local>');
    expect(header('references')).toBe('<first@contoso.test> <snd-0@sendwell.local>');
    expect(header('list-unsubscribe')).toBe('<https://sendwell.example/u/abc>');
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(header('x-sendwell-id')).toBe('snd-t');
    expect(received.subject).toBe('Quick question');
  });

  it('a first scan with a backfill reads only what arrived since then', async () => {
    await sendElsewhere('eli@contoso.test'); // ava's own copy goes to Sent Items; nothing in her inbox
    const eli = new GraphMailbox({
      baseUrl: sandbox.microsoft.graphBaseUrl,
      address: 'eli@contoso.test',
      getToken: () => sandbox.issueMicrosoftToken('eli'),
    });
    clock.advance(2 * 24 * 3600_000);
    await ava().send(message('snd-new', ['eli@contoso.test']));
    const backfill = {
      since: new Date(clock.now().getTime() - 24 * 3600_000),
      ourThreadIds: async () => new Set<string>(),
    };
    const page = await eli.listInboxChanges(null, backfill);
    expect(page.entries.map((e) => e.headers['x-sendwell-id'] ?? null)).toEqual(['snd-new']);
  });
});
