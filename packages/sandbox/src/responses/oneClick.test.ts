/**
 * `*@unsubscribe.test` through real HTTP: a message sent with Graph's MIME sendMail (and Gmail's
 * raw send) carries List-Unsubscribe; after the notice delay the recipient's mail client POSTs the
 * RFC 8058 one-click body to a real endpoint on loopback, and the sandbox logs the outcome.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, startSandbox } from '../testing/harness';
import { ONE_CLICK_BODY, oneClickTarget } from './oneClick';

interface Received {
  method: string;
  path: string;
  contentType: string;
  body: string;
  cookie: string | undefined;
}

let h: Harness;
let received: Received[];
let endpoint: { url: string; close: () => Promise<void> };

async function startEndpoint(status: number) {
  const app = new Hono().all('/u/:token', async (c) => {
    received.push({
      method: c.req.method,
      path: c.req.path,
      contentType: c.req.header('content-type') ?? '',
      body: await c.req.text(),
      cookie: c.req.header('cookie'),
    });
    return c.text('unsubscribed', status as 200);
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

beforeEach(async () => {
  received = [];
  h = await startSandbox();
  endpoint = await startEndpoint(200);
});
afterEach(async () => {
  await h.close();
  await endpoint.close();
});

function mime(to: string, extra: string[]) {
  return [
    `To: Pat <${to}>`,
    'Subject: Quick question',
    'Message-ID: <sw-7@sendwell.local>',
    ...extra,
    'Content-Type: text/plain; charset=us-ascii',
    '',
    'Hello',
    '',
  ].join('\r\n');
}

async function graphMime(raw: string) {
  const token = await h.sandbox.issueMicrosoftToken('ava');
  const response = await fetch(`${h.sandbox.microsoft.graphBaseUrl}/me/sendMail`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'text/plain' },
    body: Buffer.from(raw).toString('base64'),
  });
  expect(response.status).toBe(202);
}

async function gmailRaw(raw: string) {
  const token = h.sandbox.issueGoogleAccessToken('gus');
  const response = await fetch(`${h.sandbox.google.rootUrl}gmail/v1/users/me/messages/send`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ raw: Buffer.from(raw).toString('base64url') }),
  });
  expect(response.status).toBe(200);
}

/** Any sandbox request files what is due; then wait for the POSTs in flight. */
async function afterTheDelay() {
  h.clock.advance(300);
  await fetch(`${h.baseUrl}/dev/users`);
  await h.sandbox.unsubscribesSettled();
}

const oneClickHeaders = () => [
  `List-Unsubscribe: <${endpoint.url}/u/tok_1>`,
  `List-Unsubscribe-Post: ${ONE_CLICK_BODY}`,
];

describe('one-click unsubscribe (RFC 8058)', () => {
  it.each([
    ['Graph MIME sendMail', graphMime],
    ['Gmail raw send', gmailRaw],
  ])(
    'POSTs List-Unsubscribe=One-Click after a %s, once the message has reached the recipient',
    async (_label, send) => {
      await send(mime('pat@unsubscribe.test', oneClickHeaders()));
      await h.sandbox.unsubscribesSettled();
      expect(received).toHaveLength(0);
      await afterTheDelay();
      expect(received).toEqual([
        {
          method: 'POST',
          path: '/u/tok_1',
          contentType: 'application/x-www-form-urlencoded',
          body: ONE_CLICK_BODY,
          cookie: undefined,
        },
      ]);
      const log = await (await fetch(`${h.baseUrl}/dev/unsubscribes`)).json();
      expect(log.unsubscribes).toMatchObject([
        {
          recipient: 'pat@unsubscribe.test',
          messageId: '<sw-7@sendwell.local>',
          url: `${endpoint.url}/u/tok_1`,
          outcome: 'posted',
          status: 200,
          reason: null,
        },
      ]);
    },
  );

  it('presses nothing without List-Unsubscribe-Post, and says why', async () => {
    await graphMime(mime('pat@unsubscribe.test', [`List-Unsubscribe: <${endpoint.url}/u/tok_1>`]));
    await afterTheDelay();
    expect(received).toHaveLength(0);
    const [entry] = h.sandbox.unsubscribes();
    expect(entry).toMatchObject({ outcome: 'skipped', url: null, status: null });
    expect(entry?.reason).toMatch(/List-Unsubscribe-Post/);
  });

  it('logs a refusal by the endpoint as failed with its status', async () => {
    await endpoint.close();
    endpoint = await startEndpoint(400);
    await graphMime(mime('pat@unsubscribe.test', oneClickHeaders()));
    await afterTheDelay();
    expect(h.sandbox.unsubscribes()).toMatchObject([{ outcome: 'failed', status: 400 }]);
  });

  it.each([
    [[], false, /no List-Unsubscribe header/],
    [
      [
        { name: 'List-Unsubscribe', value: '<mailto:u@x.test>' },
        { name: 'List-Unsubscribe-Post', value: ONE_CLICK_BODY },
      ],
      false,
      /no HTTPS URI/,
    ],
    [
      [
        { name: 'List-Unsubscribe', value: '<mailto:u@x.test>, <https://x.test/u/1>' },
        { name: 'List-Unsubscribe-Post', value: ONE_CLICK_BODY },
      ],
      true,
      null,
    ],
  ])('target of %j', (headers, ok, reason) => {
    const target = oneClickTarget(headers);
    expect(target.ok).toBe(ok);
    if (target.ok) expect(target.url).toBe('https://x.test/u/1');
    else expect(target.reason).toMatch(reason!);
  });
});
