import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import { emailAddressSchema, silentLogger } from '@sendwell/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config/config';
import { createSendwell, SANDBOX_API_AUDIENCE, type Sendwell } from './sendwell';

// The walking skeleton in one process: a real HTTP server, sandbox Graph/Gmail over HTTP, the outbox
// and scanner workers driven round by round.
describe('Sendwell over HTTP with sandbox mailboxes', () => {
  let sendwell: Sendwell;
  let server: ServerType;
  let base: string;
  const dataDir = mkdtempSync(join(tmpdir(), 'sendwell-test-'));

  beforeAll(async () => {
    server = serve({ fetch: (req) => sendwell.app.fetch(req), port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    sendwell = await createSendwell(loadConfig({ port, dataDir }, {}), {
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

  const api = (path: string, token: string | null, init: RequestInit = {}) =>
    fetch(`${base}/api/v1${path}`, {
      ...init,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });

  it.each([
    ['no token', null],
    ['a made-up API token', 'sw_YXZh.bm90LWEtbWFj'],
    ['a token that is not a JWT', 'hello'],
  ])('refuses %s with a JSON 401', async (_label, token) => {
    const response = await api('/me', token);
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toMatch(/unauthenticated|invalid-token/);
  });

  it('accepts a Microsoft token for our API and refuses one meant for Graph', async () => {
    const good = await sendwell.sandbox!.issueMicrosoftToken('ava', SANDBOX_API_AUDIENCE);
    expect((await (await api('/me', good)).json()).user.email).toBe('ava@contoso.test');
    const graphToken = await sendwell.sandbox!.issueMicrosoftToken('ava', 'https://graph.microsoft.com');
    expect((await api('/me', graphToken)).status).toBe(401);
  });

  it('refuses an oversized body with a JSON 413 before reading it all', async () => {
    const huge = JSON.stringify({
      host: 'outlook',
      to: ['a@example.com'],
      subject: 's',
      body: 'x'.repeat(3 * 1024 * 1024),
      idempotencyKey: 'too-big-1',
    });
    // Its own connection: the server answers before the upload ends and closes that socket.
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        `${base}/api/v1/sends`,
        {
          method: 'POST',
          agent: false,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(huge),
            authorization: `Bearer ${sendwell.apiTokenFor('ava')}`,
          },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on('error', reject);
      req.end(huge);
    });
    expect(status).toBe(413);
    expect(JSON.parse(body).error.code).toBe('body-too-large');
  });

  it('answers unknown routes with JSON', async () => {
    const response = await fetch(`${base}/api/v1/nope`, {
      headers: { authorization: `Bearer ${sendwell.apiTokenFor('ava')}` },
    });
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe('not-found');
  });

  it('validates input at the edge with a clear error', async () => {
    const response = await api('/sends', sendwell.apiTokenFor('ava'), {
      method: 'POST',
      body: JSON.stringify({ host: 'outlook', to: ['not an address'] }),
    });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe('invalid-request');
    // In words a rep can act on: the bad address named, no field paths (the paths are in details).
    expect(body.error.message).toContain(
      emailAddressSchema.safeParse('not an address').error!.issues[0]!.message,
    );
    expect(body.error.message).not.toMatch(/to\.0/);
    expect(body.error.details).toContainEqual(expect.objectContaining({ path: 'to.0' }));
  });

  it('sends through the native mailbox, reads the bounce back and counts it', async () => {
    const token = sendwell.apiTokenFor('ava');
    const { items: templates } = await (await api('/templates', token)).json();
    const templateId = templates[0].id;
    for (const to of ['nobody@bounce.test', 'pat@example.com']) {
      const response = await api('/sends', token, {
        method: 'POST',
        body: JSON.stringify({
          host: 'outlook',
          to: [to],
          subject: 'Hi',
          body: '<p>Hi</p>',
          templateId,
          idempotencyKey: `it-${to}`,
        }),
      });
      expect(response.status).toBe(202);
    }
    // The second send waits for its pacing slot: run the workers until both are out and the notice is read.
    await expect
      .poll(
        async () => {
          await sendwell.runWorkersOnce();
          return await (await api(`/analytics/templates/${templateId}`, token)).json();
        },
        { timeout: 20_000, interval: 500 },
      )
      .toMatchObject({ team: { messages: 2, recipients: 2, messagesBounced: 1, recipientsHardBounced: 1 } });
    const sent = sendwell.sandbox!.messages('ava', 'sentitems');
    expect(sent).toHaveLength(2);
  });

  it('counts a mailbox-full bounce as soft and a delay notice as delayed, not bounced', async () => {
    const token = sendwell.apiTokenFor('eli');
    const template = (await (await api('/templates', token)).json()).items[1];
    for (const to of ['kim@full.test', 'lee@delay.test']) {
      const body = {
        host: 'outlook',
        to: [to],
        subject: 'Hi',
        body: '<p>Hi</p>',
        templateId: template.id,
        idempotencyKey: `soft-${to}`,
      };
      expect((await api('/sends', token, { method: 'POST', body: JSON.stringify(body) })).status).toBe(202);
    }
    await expect
      .poll(
        async () => {
          await sendwell.runWorkersOnce();
          return (await api(`/analytics/templates/${template.id}`, token)).json();
        },
        { timeout: 20_000, interval: 500 },
      )
      .toMatchObject({
        team: {
          messages: 2,
          messagesBounced: 1,
          recipientsHardBounced: 0,
          recipientsSoftBounced: 1,
          recipientsDelayed: 1,
        },
      });
    // The delay carries the notice's Will-Retry-Until, so the rep reads until when the provider tries.
    const recent = await (await api('/feed', token)).json();
    const delay = recent.items.find(
      (e: { type: string; recipient: string | null }) =>
        e.type === 'bounce' && e.recipient === 'lee@delay.test',
    );
    expect(delay?.detail.action).toBe('delayed');
    expect(Number.isNaN(Date.parse(delay?.detail.retryUntil))).toBe(false);
  });

  it('streams new events to the live feed, replaying what a reconnect missed', async () => {
    const token = sendwell.apiTokenFor('eli');
    const controller = new AbortController();
    const response = await fetch(`${base}/api/v1/feed/stream?access_token=${token}`, {
      signal: controller.signal,
    });
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    await api('/sends', token, {
      method: 'POST',
      body: JSON.stringify({
        host: 'outlook',
        to: ['feed@example.com'],
        subject: 'Feed',
        body: 'b',
        idempotencyKey: 'feed-check-1',
      }),
    });
    let text = '';
    while (!/"type":"send.queued"/.test(text)) text += decoder.decode((await reader.read()).value);
    controller.abort();
    const lastId = /id: (\d+)/.exec(text)![1]!;
    const replay = await fetch(`${base}/api/v1/feed/stream?access_token=${token}`, {
      headers: { 'last-event-id': String(Number(lastId) - 1) },
    });
    const replayReader = replay.body!.getReader();
    const first = decoder.decode((await replayReader.read()).value);
    await replayReader.cancel();
    expect(first).toContain(`id: ${lastId}`);
    expect(first).toContain('feed@example.com');
  });

  it('keeps tenants apart: another rep cannot read a send or a template analytics of ava', async () => {
    const ava = sendwell.apiTokenFor('ava');
    const gus = sendwell.apiTokenFor('gus');
    const { items: templates } = await (await api('/templates', ava)).json();
    expect((await api(`/analytics/templates/${templates[0].id}`, gus)).status).toBe(404);
    const created = await (
      await api('/sends', ava, {
        method: 'POST',
        body: JSON.stringify({
          host: 'outlook',
          to: ['x@example.com'],
          subject: 's',
          body: 'b',
          idempotencyKey: 'tenant-check-1',
        }),
      })
    ).json();
    expect((await api(`/sends/${created.send.id}`, gus)).status).toBe(404);
  });
});
