import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { ManualClock, silentLogger } from '@sendwell/core';
import { GmailApiMailbox } from '@sendwell/gmail';
import { createSandbox, type Sandbox } from '@sendwell/sandbox';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GmailSentFolder } from '../mailboxes/gmailSentFolder';
import { seedUsers } from '../seed';
import { FeedHub } from '../services/feedHub';
import { quotaFor } from '../services/readModels';
import { createSend } from '../services/sends';
import type { Db } from '../store/db';
import { listEvents } from '../store/events';
import type { MailboxRow } from '../store/rows';
import { openTestDb } from '../store/testing';
import { findMailbox, findUser } from '../store/users';
import { QUOTA_NOTICE_PAUSE_MS } from './pauses';
import { scanAllOnce } from './scannerWorker';
import { sendDueOnce } from './senderWorker';

// The scanner against the sandbox's Gmail API over HTTP: Gmail's over-limit bounce and the Sent folder.
describe('scanner with the sandbox Gmail API', () => {
  let sandbox: Sandbox;
  let db: Db;
  let close: () => Promise<void>;
  const clock = new ManualClock('2026-03-02T10:00:00Z');
  const hub = new FeedHub();
  const gmailPort = (userId: string, address: string) =>
    new GmailApiMailbox({
      address,
      rootUrl: sandbox.google.rootUrl,
      getToken: async () => sandbox.issueGoogleAccessToken(userId),
      clock,
    });
  const deps = {
    get db() {
      return db;
    },
    clock,
    hub,
    logger: silentLogger,
    mailboxFor: (row: MailboxRow) => gmailPort(row.userId, row.address),
    sentFolderFor: (row: MailboxRow) =>
      row.provider === 'gmail'
        ? new GmailSentFolder({
            rootUrl: sandbox.google.rootUrl,
            getToken: async () => sandbox.issueGoogleAccessToken(row.userId),
          })
        : null,
  };

  beforeAll(async () => {
    let handler: Hono | null = null;
    const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const s = serve(
        { fetch: (req) => (handler ? handler.fetch(req) : new Response('', { status: 503 })), port: 0 },
        () => resolve(s),
      );
    });
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sandbox`;
    // ivy may send one message a day; Gmail keeps accepting for a while and then bounces the rest.
    sandbox = createSandbox({
      baseUrl,
      clock,
      noticeDelayMs: 1000,
      limits: { gmail: { messagesPerDay: 1, overLimitAcceptMs: 3600_000 } },
    });
    handler = new Hono().route('/sandbox', sandbox.app);
    close = () => new Promise<void>((resolve) => server.close(() => resolve()));
    db = await openTestDb('pglite');
    await seedUsers(db, sandbox.users);
  });
  afterAll(async () => {
    await close();
    await db.close();
  });

  it('a Gmail "limit for sending mail" bounce pauses the mailbox for 24 hours, with a throttle.paused event', async () => {
    const ivy = sandbox.users.find((u) => u.id === 'ivy')!;
    const port = gmailPort('ivy', ivy.email);
    for (const id of ['over-1', 'over-2'])
      await port.send({
        sendwellId: id,
        messageId: `${id}@sendwell.local`,
        from: ivy.email,
        to: ['pat@example.com'],
        subject: 'Hi',
        html: '<p>Hi</p>',
      });
    clock.advance(5_000);
    sandbox.deliverDueNotices();
    await scanAllOnce(deps);
    const mailbox = (await findMailbox(db, ivy.mailboxId))!;
    expect(mailbox.pausedUntil?.getTime()).toBe(clock.now().getTime() + QUOTA_NOTICE_PAUSE_MS);
    const paused = (await listEvents(db, 'ivy', 0, 100)).filter((e) => e.type === 'throttle.paused');
    expect(paused).toHaveLength(1);
    expect(String(paused[0]!.detail.reason)).toMatch(/limit for sending/i);
  });

  it('counts mail sent from Gmail outside Sendwell, and not our own sends (obs 20)', async () => {
    const gus = (await findUser(db, 'gus'))!;
    await scanAllOnce(deps); // the first round sets the cursor
    const before = await quotaFor(db, clock, gus, 'gmail');
    const { sends } = await createSend({ db, clock, hub, wake: () => {} }, gus, {
      host: 'gmail',
      to: ['lee@example.com'],
      subject: 'Hi',
      body: '<p>Hi</p>',
      idempotencyKey: 'scanner-gmail-1',
    });
    clock.set(sends[0]!.send.sendAt);
    await sendDueOnce(deps);
    // From the Gmail web client: a message Sendwell never saw, without our header.
    const raw = `From: ${gus.email}\r\nTo: a@example.com, "B" <b@acme.test>\r\nSubject: Web\r\n\r\nHello\r\n`;
    const response = await fetch(`${sandbox.google.rootUrl}gmail/v1/users/me/messages/send`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${sandbox.issueGoogleAccessToken('gus')}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ raw: Buffer.from(raw).toString('base64url') }),
    });
    expect(response.status).toBe(200);
    await scanAllOnce(deps);
    await scanAllOnce(deps);
    const after = await quotaFor(db, clock, gus, 'gmail');
    expect(after.used.messages - before.used.messages).toBe(2); // ours (reserved at queue time) + the web one
    expect(after.used.recipients - before.used.recipients).toBe(3);
    expect(after.used.external - before.used.external).toBe(2);
  });
});
