import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { ManualClock, type OutgoingMessage } from '@sendwell/core';
import { createSandbox, type Sandbox } from '@sendwell/sandbox';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultMessageIdFor, GmailApiMailbox } from './gmailApiMailbox';

// GmailApiMailbox.findSent (the Gmail twin of Graph's Sent Items lookup) against the sandbox's
// users.messages.list over HTTP, with the Message-ID convention the server's outbox uses.
let sandbox: Sandbox;
let close: () => Promise<void>;
const clock = new ManualClock('2026-03-02T10:00:00Z');

beforeAll(async () => {
  let handler: Hono | null = null;
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve(
      { fetch: (req) => (handler ? handler.fetch(req) : new Response('', { status: 503 })), port: 0 },
      () => resolve(s),
    );
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sandbox`;
  sandbox = createSandbox({ baseUrl, clock, noticeDelayMs: 1000 });
  handler = new Hono().route('/sandbox', sandbox.app);
  close = () => new Promise<void>((resolve) => server.close(() => resolve()));
});
afterAll(() => close());

const mailboxOf = (userId: string) => {
  const user = sandbox.users.find((u) => u.id === userId)!;
  return {
    user,
    port: new GmailApiMailbox({
      address: user.email,
      rootUrl: sandbox.google.rootUrl,
      getToken: async () => sandbox.issueGoogleAccessToken(user.id),
      clock,
    }),
  };
};

// The server's send ids are UUIDs and its Message-IDs `<uuid>@sendwell.local` (services/sends.ts).
const outgoing = (from: string, sendwellId: string, to: string[]): OutgoingMessage => ({
  sendwellId,
  messageId: defaultMessageIdFor(sendwellId),
  from,
  to,
  subject: 'Hello',
  html: '<p>Hello</p>',
});

describe('GmailApiMailbox.findSent against the sandbox Gmail API', () => {
  it('finds a message it sent, by the Message-ID the outbox gives it', async () => {
    const { user, port } = mailboxOf('gus');
    const id = '0b7d7a3e-2f7e-4c1e-9d7a-5b1f8f3f4b10';
    expect(await port.send(outgoing(user.email, id, ['pat@example.com']))).toMatchObject({
      status: 'submitted',
    });
    expect(await port.findSent(id)).toBe(true);
    expect(await port.findSent('0b7d7a3e-2f7e-4c1e-9d7a-5b1f8f3f4b11')).toBe(false);
  });

  it('does not take a received copy of the same Message-ID for a sent one', async () => {
    const ivy = mailboxOf('ivy');
    const gus = mailboxOf('gus');
    const id = '7c1f0c55-94a4-4f0b-8d0e-3c6a1f2b9e77';
    // ivy's message reaches gus's inbox with that Message-ID; gus never sent it.
    await ivy.port.send(outgoing(ivy.user.email, id, [gus.user.email]));
    expect(sandbox.messages('gus', 'inbox').some((m) => m.internetMessageId.includes(id))).toBe(true);
    expect(await gus.port.findSent(id)).toBe(false);
    expect(await ivy.port.findSent(id)).toBe(true);
  });
});
