import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { ManualClock, silentLogger } from '@sendwell/core';
import { GmailApiMailbox } from '@sendwell/gmail';
import { createSandbox, type Sandbox } from '@sendwell/sandbox';
import { Hono } from 'hono';
import { GmailSentFolder } from '../mailboxes/gmailSentFolder';
import { GraphMailbox } from '../mailboxes/graphMailbox';
import { seedUsers } from '../seed';
import { FeedHub } from '../services/feedHub';
import { createSend } from '../services/sends';
import type { Db } from '../store/db';
import type { MailboxRow, SendRow } from '../store/rows';
import { findSend } from '../store/sends';
import { openTestDb } from '../store/testing';
import { findUser } from '../store/users';
import { type ScannerDeps, scanAllOnce } from './scannerWorker';
import { sendDueOnce } from './senderWorker';

/**
 * The scanner and the outbox against a real sandbox over HTTP (Graph and Gmail routes), on one store
 * engine: what the reply, complaint and backfill tests share.
 */
export interface ScanWorld {
  sandbox: Sandbox;
  db: Db;
  clock: ManualClock;
  deps: ScannerDeps;
  /** Queue one email through `createSend` and let the outbox hand it to the provider. */
  sendOurs(userId: string, to: string, key: string): Promise<SendRow>;
  /** A sandbox person sends raw MIME straight through their provider (Gmail raw / Graph MIME sendMail). */
  sendAs(userId: string, raw: string): Promise<void>;
  scan(): Promise<number>;
  close(): Promise<void>;
}

export async function openScanWorld(engine: 'pglite' | 'postgres'): Promise<ScanWorld> {
  const clock = new ManualClock('2026-03-02T10:00:00Z');
  let handler: Hono | null = null;
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve(
      { fetch: (req) => (handler ? handler.fetch(req) : new Response('', { status: 503 })), port: 0 },
      () => resolve(s),
    );
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sandbox`;
  const sandbox = createSandbox({ baseUrl, clock, noticeDelayMs: 1000 });
  handler = new Hono().route('/sandbox', sandbox.app);
  const db = await openTestDb(engine);
  await seedUsers(db, sandbox.users);
  const hub = new FeedHub();
  const ports = new Map<string, GmailApiMailbox | GraphMailbox>();
  const mailboxFor = (row: MailboxRow) => {
    const port =
      ports.get(row.id) ??
      (row.provider === 'gmail'
        ? new GmailApiMailbox({
            address: row.address,
            rootUrl: sandbox.google.rootUrl,
            getToken: async () => sandbox.issueGoogleAccessToken(row.userId),
            clock,
          })
        : new GraphMailbox({
            baseUrl: sandbox.microsoft.graphBaseUrl,
            address: row.address,
            getToken: () => sandbox.issueMicrosoftToken(row.userId),
            clock,
          }));
    ports.set(row.id, port);
    return port;
  };
  const deps: ScannerDeps = {
    db,
    clock,
    hub,
    logger: silentLogger,
    mailboxFor,
    sentFolderFor: (row) =>
      row.provider === 'gmail'
        ? new GmailSentFolder({
            rootUrl: sandbox.google.rootUrl,
            getToken: async () => sandbox.issueGoogleAccessToken(row.userId),
          })
        : null,
  };
  return {
    sandbox,
    db,
    clock,
    deps,
    async sendOurs(userId, to, key) {
      const user = (await findUser(db, userId))!;
      const host = user.email.endsWith('@acme.test') ? 'gmail' : 'outlook';
      const { sends } = await createSend({ db, clock, hub, wake: () => {} }, user, {
        host,
        to: [to],
        subject: `Hello ${key}`,
        body: '<p>Hello</p>',
        idempotencyKey: `scan-test-${key}`,
      });
      clock.set(sends[0]!.send.sendAt);
      await sendDueOnce(deps);
      return (await findSend(db, sends[0]!.send.id))!;
    },
    async sendAs(userId, raw) {
      const gmail = sandbox.users.find((u) => u.id === userId)!.provider === 'gmail';
      const response = gmail
        ? await fetch(`${sandbox.google.rootUrl}gmail/v1/users/me/messages/send`, {
            method: 'POST',
            headers: {
              authorization: `Bearer ${sandbox.issueGoogleAccessToken(userId)}`,
              'content-type': 'application/json',
            },
            body: JSON.stringify({ raw: Buffer.from(raw).toString('base64url') }),
          })
        : await fetch(`${sandbox.microsoft.graphBaseUrl}/me/sendMail`, {
            method: 'POST',
            headers: {
              authorization: `Bearer ${await sandbox.issueMicrosoftToken(userId)}`,
              'content-type': 'text/plain',
            },
            body: Buffer.from(raw).toString('base64'),
          });
      if (!response.ok)
        throw new Error(`${userId} could not send: ${response.status} ${await response.text()}`);
    },
    scan: () => scanAllOnce(deps),
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}
