import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import {
  createSendAnswerSchema,
  ManualClock,
  rescheduleAnswerSchema,
  scanAnswerSchema,
  sendDetailSchema,
  sendPageSchema,
  silentLogger,
} from '@sendwell/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nativeLabel } from '../../channels/catalogInput';
import { loadConfig } from '../../config/config';
import { createSendwell, type Sendwell } from '../../sendwell';

// /api/v1/sends and scan now against a sandbox-mode Sendwell on a manual clock (the sandbox's
// notices are due on the same clock): answers are parsed with core's own wire schemas.
// Sandbox seed: ava is contoso's admin, eli a contoso rep, gus acme's admin (Gmail).
describe('/api/v1 sends and scan now', () => {
  let sendwell: Sendwell;
  let server: ServerType;
  const dataDir = mkdtempSync(join(tmpdir(), 'sendwell-v1-sends-'));
  const clock = new ManualClock('2026-03-02T09:00:00Z');
  let keys = 0;

  // A real listening server: the sender reaches the sandbox's Graph and token endpoints over HTTP.
  beforeAll(async () => {
    server = serve({ fetch: (req) => sendwell.app.fetch(req), port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    sendwell = await createSendwell(loadConfig({ port, dataDir }, {}), { logger: silentLogger, clock });
  });
  afterAll(async () => {
    server.close();
    await sendwell.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const call = (user: string, method: string, path: string, body?: unknown) =>
    sendwell.app.request(`/api/v1${path}`, {
      method,
      body: body === undefined ? undefined : JSON.stringify(body),
      headers: { 'content-type': 'application/json', authorization: `Bearer ${sendwell.apiTokenFor(user)}` },
    });
  const draft = (to: string[], extra: Record<string, unknown> = {}) => ({
    host: 'outlook',
    to,
    subject: 'Hello from the API',
    body: '<p>Hi</p>',
    idempotencyKey: `v1-sends-${keys++}-xxxx`,
    ...extra,
  });
  const queue = async (user: string, to: string[]) => {
    const response = await call(user, 'POST', '/sends', draft(to));
    expect(response.status).toBe(202);
    return createSendAnswerSchema.parse(await response.json()).send;
  };

  it('queues with the channel named, and answers the same draft again with 200 and nothing new', async () => {
    const body = draft(['pat@example.com']);
    const first = await call('eli', 'POST', '/sends', body);
    expect(first.status).toBe(202);
    const answer = createSendAnswerSchema.parse(await first.json());
    expect(answer.send.channel).toEqual({ kind: 'exchange', label: nativeLabel('exchange') });
    const again = await call('eli', 'POST', '/sends', body);
    expect(again.status).toBe(200);
    expect(createSendAnswerSchema.parse(await again.json())).toMatchObject({
      duplicate: true,
      send: { id: answer.send.id },
    });
    const detail = sendDetailSchema.parse(
      await (await call('eli', 'GET', `/sends/${answer.send.id}`)).json(),
    );
    expect(detail).toMatchObject({
      status: 'scheduled',
      channel: answer.send.channel,
      sender: { id: 'eli' },
    });
  });

  it('refuses an invalid draft with 400 naming the field, and queues nothing', async () => {
    const before = sendPageSchema.parse(await (await call('eli', 'GET', '/sends?limit=100')).json()).items;
    const response = await call('eli', 'POST', '/sends', draft(['not-an-address']));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain(
      'not-an-address',
    );
    expect(sendPageSchema.parse(await (await call('eli', 'GET', '/sends?limit=100')).json()).items).toEqual(
      before,
    );
  });

  it.each([
    ['eli', 'mine', 200],
    ['eli', 'team', 403],
    ['ava', 'team', 200],
  ])('%s listing scope=%s answers %i', async (user, scope, status) => {
    const response = await call(user, 'GET', `/sends?scope=${scope}`);
    expect(response.status).toBe(status);
    if (status === 200) sendPageSchema.parse(await response.json());
  });

  it('hides a send from another team (404) and from a teammate who is not an admin', async () => {
    const sent = await queue('ava', ['quinn@example.com']);
    for (const user of ['gus', 'eli'])
      expect((await call(user, 'GET', `/sends/${sent.id}`)).status).toBe(404);
  });

  it('cancels a waiting send once; a second cancel is a 409 that says why', async () => {
    const sent = await queue('eli', ['sam@example.com']);
    const cancelled = await call('eli', 'POST', `/sends/${sent.id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(sendDetailSchema.parse(await cancelled.json()).status).toBe('cancelled');
    const again = await call('eli', 'POST', `/sends/${sent.id}/cancel`);
    expect(again.status).toBe(409);
    expect(await again.json()).toEqual({
      error: { code: 'send-not-waiting', message: 'Cannot cancel this send: it was already cancelled.' },
    });
  });

  it('reschedules through the planner and says when it will go', async () => {
    const sent = await queue('eli', ['lee@example.com']);
    const asked = new Date(clock.now().getTime() + 3_600_000).toISOString();
    const response = await call('eli', 'POST', `/sends/${sent.id}/reschedule`, { sendAt: asked });
    expect(response.status).toBe(200);
    expect(rescheduleAnswerSchema.parse(await response.json())).toMatchObject({
      sendAt: asked,
      moved: false,
    });
    const bad = await call('eli', 'POST', `/sends/${sent.id}/reschedule`, { sendAt: 'tomorrow' });
    expect(bad.status).toBe(400);
  });

  it('scan now finds the bounce of a sent email, and the send shows it per recipient', async () => {
    const sent = await queue('eli', ['nobody@bounce.test', 'pat@example.com']);
    // Worker rounds until it has gone (earlier sends of eli's go first, paced); the sandbox's notice
    // is due a moment after the send on the same clock, so no round's own scan has seen it yet.
    const status = async () =>
      sendDetailSchema.parse(await (await call('eli', 'GET', `/sends/${sent.id}`)).json()).status;
    for (let round = 0; round < 10 && (await status()) !== 'submitted'; round++) {
      clock.advance(60_000);
      await sendwell.runWorkersOnce();
    }
    expect(await status()).toBe('submitted');
    clock.advance(5_000);
    const scanned = await call('eli', 'POST', '/mailboxes/mbx-eli/scan');
    expect(scanned.status).toBe(202);
    expect(scanAnswerSchema.parse(await scanned.json())).toMatchObject({
      mailboxId: 'mbx-eli',
      bouncesFound: 1,
    });
    const detail = sendDetailSchema.parse(await (await call('eli', 'GET', `/sends/${sent.id}`)).json());
    expect(detail.status).toBe('submitted');
    expect(detail.recipients.map((r) => [r.address, r.outcome])).toEqual([
      ['nobody@bounce.test', 'bounced'],
      ['pat@example.com', 'sent'],
    ]);
    expect(detail.recipients[0]!.bounce).toMatchObject({ hard: true, reason: 'userunknown' });
    const again = scanAnswerSchema.parse(await (await call('eli', 'POST', '/mailboxes/mbx-eli/scan')).json());
    expect(again.bouncesFound).toBe(0);
  }, 90_000); // worker rounds against the sandbox over HTTP: slow on a busy machine, never timed

  it.each([
    ['another rep’s mailbox', 'eli', 'mbx-ava', 404, 'mailbox-not-found'],
    ['no such mailbox', 'eli', 'mbx-nope', 404, 'mailbox-not-found'],
  ])('scan now refuses %s', async (_name, user, mailbox, status, code) => {
    const response = await call(user, 'POST', `/mailboxes/${mailbox}/scan`);
    expect(response.status).toBe(status);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code);
  });
});
