import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { type AccessTokenSource, MailboxAuthError, ManualClock } from '@sendwell/core';
import { createSandbox, type Sandbox } from '@sendwell/sandbox';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GmailApiMailbox } from './gmailApiMailbox';
import { GmailDrafts } from './gmailDrafts';

/** The Gmail adapters meeting the sandbox Gmail API's real 401 for a token it no longer honours. */
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

/**
 * A token source as the server's token manager behaves: it hands out its cached token, and caches a
 * new one when forced. `refreshed` decides what a forced refresh gives. Records each force flag.
 */
function tokenSource(refreshed: 'fresh' | 'same stale token' | Error) {
  let cached = sandbox.issueGoogleAccessToken('gus');
  clock.advance(HOUR); // the sandbox, like Google, stops honouring it after its hour
  const forced: boolean[] = [];
  const source: AccessTokenSource = async (options) => {
    forced.push(options?.forceRefresh === true);
    if (!options?.forceRefresh || refreshed === 'same stale token') return cached;
    if (refreshed instanceof Error) throw refreshed;
    cached = sandbox.issueGoogleAccessToken('gus');
    return cached;
  };
  return { source, forced };
}

const mailbox = (getToken: AccessTokenSource) =>
  new GmailApiMailbox({ address: 'gus@acme.test', rootUrl: sandbox.google.rootUrl, getToken, clock });
const drafts = (getToken: AccessTokenSource) =>
  new GmailDrafts({ rootUrl: sandbox.google.rootUrl, getToken });
const message = {
  sendwellId: 'snd-401',
  messageId: 'snd-401@sendwell.local',
  from: 'gus@acme.test',
  to: ['pat@example.com'],
  subject: 'After a refresh',
  html: '<p>Hello</p>',
};

const operations: [string, (getToken: AccessTokenSource) => Promise<unknown>][] = [
  ['messages.send', (getToken) => mailbox(getToken).send(message)],
  ['inbox full sync', (getToken) => mailbox(getToken).listInboxChanges(null)],
  ['inbox history', (getToken) => mailbox(getToken).listInboxChanges('1')],
  ['findSent', (getToken) => mailbox(getToken).findSent('snd-0')],
  ['drafts.list', (getToken) => drafts(getToken).recent()],
  ['drafts.get', (getToken) => drafts(getToken).get('r-gone')],
  ['drafts.delete', (getToken) => drafts(getToken).remove('r-gone')],
];

describe('Gmail adapters on a 401', () => {
  it.each(operations)('%s: refreshes the token once and retries', async (_name, run) => {
    const { source, forced } = tokenSource('fresh');
    await expect(run(source)).resolves.not.toThrow();
    expect(forced.slice(0, 2)).toEqual([false, true]);
    expect(forced.filter(Boolean)).toHaveLength(1);
  });

  it('sends once after the retry, as submitted', async () => {
    const { source } = tokenSource('fresh');
    const before = sandbox.messages('gus', 'sentitems').length;
    expect(await mailbox(source).send(message)).toMatchObject({ status: 'submitted' });
    expect(sandbox.messages('gus', 'sentitems')).toHaveLength(before + 1);
  });

  it.each(operations)(
    '%s: a second 401 is MailboxAuthError(token-rejected), not a failure',
    async (_n, run) => {
      const { source, forced } = tokenSource('same stale token');
      const sent = sandbox.messages('gus', 'sentitems').length;
      const error = await run(source).then(
        (value) => value,
        (thrown: unknown) => thrown,
      );
      expect(error).toBeInstanceOf(MailboxAuthError);
      expect((error as MailboxAuthError).problem).toBe('token-rejected');
      expect(forced).toEqual([false, true]);
      expect(sandbox.messages('gus', 'sentitems')).toHaveLength(sent);
    },
  );

  it.each(operations)('%s: what the token source throws propagates unchanged', async (_n, run) => {
    const lost = new MailboxAuthError('grant-revoked', 'Token has been expired or revoked.');
    const { source } = tokenSource(lost);
    await expect(run(source)).rejects.toBe(lost);
  });
});
