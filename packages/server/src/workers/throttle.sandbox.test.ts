import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import { getProfile, ManualClock, silentLogger } from '@sendwell/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config';
import { GraphMailbox } from '../mailboxes/graphMailbox';
import { createSendwell, type Sendwell } from '../sendwell';
import { listEvents } from '../store/events';
import { findSend } from '../store/sends';

// The whole server over HTTP with the sandbox's real Graph routes and a clock driven by hand: what a
// rep's Exchange mailbox sees when the provider throttles, when mail is sent elsewhere, and after a
// restart.
describe('throttle and outbox in real use, through the sandbox Graph', { timeout: 120_000 }, () => {
  let sendwell: Sendwell;
  let server: ServerType;
  let base: string;
  const clock = new ManualClock(new Date());
  const dataDir = mkdtempSync(join(tmpdir(), 'sendwell-throttle-'));
  let keys = 0;

  beforeAll(async () => {
    server = serve({ fetch: (req) => sendwell.app.fetch(req), port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    sendwell = await createSendwell(loadConfig({ port, dataDir }, {}), {
      clock,
      logger: silentLogger,
      sandboxNoticeDelayMs: 0,
    });
    base = sendwell.config.baseUrl;
  });
  afterAll(async () => {
    server.close();
    await sendwell.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const api = async (userId: string, path: string, init: RequestInit = {}) =>
    fetch(`${base}/api/v1${path}`, {
      ...init,
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${sendwell.apiTokenFor(userId)}`,
      },
    });
  const queue = async (userId: string, to: string) => {
    const response = await api(userId, '/sends', {
      method: 'POST',
      body: JSON.stringify({
        host: 'outlook',
        to: [to],
        subject: 'Hi',
        body: '<p>Hi</p>',
        idempotencyKey: `throttle-draft-${++keys}`,
      }),
    });
    expect(response.status).toBe(202);
    return (await response.json()).send as { id: string; sendAt: string };
  };
  /** Straight through the sandbox's Graph sendMail, as Outlook on the web would: Sendwell is not involved. */
  const sendElsewhere = async (userId: string, to: string) => {
    const token = await sendwell.sandbox!.issueMicrosoftToken(userId);
    const response = await fetch(`${sendwell.sandbox!.microsoft.graphBaseUrl}/me/sendMail`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        message: { subject: 'From the web', toRecipients: [{ emailAddress: { address: to } }] },
      }),
    });
    expect(response.status).toBe(202);
  };
  const events = async (userId: string, type: string) =>
    (await listEvents(sendwell.db, userId, 0, 1000)).filter((e) => e.type === type);
  const ours = (userId: string, sendId: string) =>
    sendwell.sandbox!.messages(userId, 'sentitems').filter((m) => m.raw.includes(`x-sendwell-id: ${sendId}`));
  /** Worker rounds with the clock moving `stepMs` between them, until `done` (at most 400 rounds). */
  const runUntil = async (done: () => Promise<boolean>, stepMs: number) => {
    for (let i = 0; i < 400 && !(await done()); i++) {
      await sendwell.runWorkersOnce();
      clock.advance(stepMs);
    }
  };

  it('an Exchange send that met 429 goes out once after the pause, and the pause ends with throttle.resumed (obs 18, 19)', async () => {
    const send = await queue('ava', 'pat@example.com');
    for (let i = 0; i < 30; i++) await sendElsewhere('ava', `web${i}@example.com`); // the minute is full
    clock.set(new Date(send.sendAt));
    await sendwell.runWorkersOnce();
    expect((await events('ava', 'throttle.paused')).map((e) => e.sendId)).toEqual([send.id]);
    await runUntil(
      async () => ['submitted', 'failed'].includes((await findSend(sendwell.db, send.id))!.status),
      5_000,
    );
    expect((await findSend(sendwell.db, send.id))!.status).toBe('submitted');
    expect(ours('ava', send.id)).toHaveLength(1);
    expect(await events('ava', 'throttle.resumed')).toHaveLength(1);
  });

  it('a send whose worker died after Graph accepted it is reconciled through Sent Items, not sent again (obs 18)', async () => {
    const send = await queue('eli', 'kim@example.com');
    clock.set(new Date(Date.parse(send.sendAt) + 60_000));
    // The dead worker's attempt: Graph took the message, the row still says "sending" with an expired lease.
    const graph = new GraphMailbox({
      baseUrl: sendwell.sandbox!.microsoft.graphBaseUrl,
      address: 'eli@contoso.test',
      getToken: () => sendwell.sandbox!.issueMicrosoftToken('eli'),
    });
    const row = (await findSend(sendwell.db, send.id))!;
    expect(await graph.send({ ...row, threadId: undefined, sendwellId: row.id, html: row.body })).toEqual({
      status: 'submitted',
    });
    await sendwell.db.query(
      `update sends set status = 'sending', attempts = 1, started_at = $2, claimed_until = $2 where id = $1`,
      [send.id, new Date(clock.now().getTime() - 1)],
    );
    await sendwell.runWorkersOnce();
    expect((await findSend(sendwell.db, send.id))!.status).toBe('submitted');
    expect(ours('eli', send.id)).toHaveLength(1);
  });

  it('mail sent outside Sendwell counts against the budget (obs 20)', async () => {
    clock.advance(25 * 3600_000); // a fresh day for lou
    const quota = async () => (await (await api('lou', '/quota?host=outlook')).json()).used;
    const before = await quota();
    for (let i = 0; i < 5; i++) await sendElsewhere('lou', `buyer${i}@example.com`);
    await sendwell.runWorkersOnce();
    const after = await quota();
    expect(after.messages - before.messages).toBe(5);
    expect(after.external - before.external).toBe(5);
    await sendwell.runWorkersOnce();
    expect((await quota()).messages).toBe(after.messages);
  });

  it('after a restart, overdue sends go out paced instead of back to back (obs 22)', async () => {
    clock.advance(25 * 3600_000);
    const queued = [];
    for (let i = 0; i < 6; i++) queued.push(await queue('eli', `lead${i}@example.com`));
    const pausedBefore = (await events('eli', 'throttle.paused')).length;
    clock.set(new Date(Date.parse(queued.at(-1)!.sendAt) + 10_000)); // the server was down ~10 s
    const ids = new Set(queued.map((s) => s.id));
    const sentTimes = () =>
      sendwell
        .sandbox!.messages('eli', 'sentitems')
        .filter((m) => [...ids].some((id) => m.raw.includes(`x-sendwell-id: ${id}`)))
        .map((m) => m.receivedAt.getTime())
        .sort((a, b) => a - b);
    await runUntil(async () => sentTimes().length === 6, 1_000);
    const times = sentTimes();
    expect(times).toHaveLength(6);
    const minInterval = getProfile('exchange-online').minIntervalMs;
    for (let i = 1; i < times.length; i++)
      expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(minInterval);
    expect(await events('eli', 'throttle.paused')).toHaveLength(pausedBefore);
  });
});
