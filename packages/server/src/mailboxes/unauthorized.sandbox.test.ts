import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { type AccessTokenSource, MailboxAuthError, ManualClock } from '@sendwell/core';
import { createSandbox, type Sandbox } from '@sendwell/sandbox';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GmailSentFolder } from './gmailSentFolder';
import { GraphMailbox } from './graphMailbox';

/** GraphMailbox and GmailSentFolder meeting the sandbox's real 401 for a token it no longer honours. */
let sandbox: Sandbox;
let close: () => Promise<void>;
const clock = new ManualClock('2026-03-02T10:00:00Z');
const HOUR = 3_600_000;

// One sandbox for the file: its RSA keys are slow to make, and each test brings its own tokens.
beforeAll(async () => {
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
  sandbox = createSandbox({ baseUrl, clock });
  handler = new Hono().route('/sandbox', sandbox.app);
  close = () => new Promise<void>((resolve) => server.close(() => resolve()));
});
afterAll(() => close());

type Refreshed = 'fresh' | 'same stale token' | Error;

/**
 * A token source as the token manager behaves: it hands out its cached token and caches a new one
 * when forced; the first one was issued an hour and more ago, so the sandbox answers 401 to it.
 */
async function tokenSource(issue: () => Promise<string> | string, refreshed: Refreshed) {
  let cached = await issue();
  clock.advance(HOUR + 60_000);
  const forced: boolean[] = [];
  const source: AccessTokenSource = async (options) => {
    forced.push(options?.forceRefresh === true);
    if (!options?.forceRefresh || refreshed === 'same stale token') return cached;
    if (refreshed instanceof Error) throw refreshed;
    cached = await issue();
    return cached;
  };
  return { source, forced };
}

const graph = (getToken: AccessTokenSource) =>
  new GraphMailbox({ baseUrl: sandbox.microsoft.graphBaseUrl, address: 'ava@contoso.test', getToken });
const gmailSent = (getToken: AccessTokenSource) =>
  new GmailSentFolder({ rootUrl: sandbox.google.rootUrl, getToken });
const message = {
  sendwellId: 'snd-401',
  messageId: 'snd-401@sendwell.local',
  from: 'ava@contoso.test',
  to: ['pat@example.com'],
  subject: 'After a refresh',
  html: '<p>Hello</p>',
};

type Operation = [string, 'ava' | 'gus', (getToken: AccessTokenSource) => Promise<unknown>];
const operations: Operation[] = [
  ['Graph sendMail', 'ava', (getToken) => graph(getToken).send(message)],
  ['Graph inbox delta', 'ava', (getToken) => graph(getToken).listInboxChanges(null)],
  ['Graph Sent Items lookup', 'ava', (getToken) => graph(getToken).findSent('snd-0')],
  ['Graph Sent Items delta', 'ava', (getToken) => graph(getToken).listSentChanges(null, clock.now())],
  ['Gmail Sent search', 'gus', (getToken) => gmailSent(getToken).listSentChanges(null, clock.now())],
  ['Gmail Sent history', 'gus', (getToken) => gmailSent(getToken).listSentChanges('1', clock.now())],
];

const issuerFor = (user: 'ava' | 'gus') => () =>
  user === 'ava' ? sandbox.issueMicrosoftToken('ava') : sandbox.issueGoogleAccessToken('gus');

describe('mailbox adapters on a 401', () => {
  it.each(operations)('%s: refreshes the token once and retries', async (_name, user, run) => {
    const { source, forced } = await tokenSource(issuerFor(user), 'fresh');
    await expect(run(source)).resolves.not.toThrow();
    expect(forced.slice(0, 2)).toEqual([false, true]);
    expect(forced.filter(Boolean)).toHaveLength(1);
  });

  it('Graph sendMail goes out once after the retry, as submitted', async () => {
    const { source } = await tokenSource(issuerFor('ava'), 'fresh');
    const before = sandbox.messages('ava', 'sentitems').length;
    expect(await graph(source).send(message)).toEqual({ status: 'submitted' });
    expect(sandbox.messages('ava', 'sentitems')).toHaveLength(before + 1);
  });

  it.each(operations)('%s: a second 401 is MailboxAuthError(token-rejected)', async (_name, user, run) => {
    const { source, forced } = await tokenSource(issuerFor(user), 'same stale token');
    const sent = sandbox.messages(user, 'sentitems').length;
    const error = await run(source).then(
      (value) => value,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(MailboxAuthError);
    expect((error as MailboxAuthError).problem).toBe('token-rejected');
    expect(forced).toEqual([false, true]);
    expect(sandbox.messages(user, 'sentitems')).toHaveLength(sent);
  });

  it.each(operations)('%s: what the token source throws propagates unchanged', async (_name, user, run) => {
    const lost = new MailboxAuthError('password-changed', 'AADSTS50173: The provided grant has expired.');
    const { source } = await tokenSource(issuerFor(user), lost);
    await expect(run(source)).rejects.toBe(lost);
  });
});
