import type { AddressInfo } from 'node:net';
import { auth, gmail } from '@googleapis/gmail';
import { serve } from '@hono/node-server';
import { ManualClock } from '@sendwell/core';
import { createSandbox, type Sandbox } from '@sendwell/sandbox';
import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GmailDrafts } from './gmailDrafts';

/** The sandbox Gmail API over real HTTP; drafts saved through it as the Gmail UI would. */
let sandbox: Sandbox;
let close: () => Promise<void>;
const clock = new ManualClock('2026-03-02T10:00:00Z');

beforeEach(async () => {
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
afterEach(() => close());

const token = async () => sandbox.issueGoogleAccessToken('gus');

/** The Gmail UI saving a compose window (a real drafts.create through @googleapis/gmail). */
async function save(mime: string): Promise<string> {
  const oauth = new auth.OAuth2();
  oauth.setCredentials({ access_token: await token() });
  const api = gmail({ version: 'v1', rootUrl: sandbox.google.rootUrl, auth: oauth });
  const { data } = await api.users.drafts.create(
    { userId: 'me', requestBody: { message: { raw: Buffer.from(mime).toString('base64url') } } },
    { rootUrl: sandbox.google.rootUrl },
  );
  return data.id!;
}

describe('GmailDrafts against the sandbox Gmail API', () => {
  it('reads saved drafts newest first: recipients with names, decoded subject, HTML body', async () => {
    const drafts = new GmailDrafts({ rootUrl: sandbox.google.rootUrl, getToken: token });
    await save('To: bob@example.com\r\nSubject: Older\r\nContent-Type: text/plain\r\n\r\nHi Bob & co\r\n');
    clock.advance(60_000);
    const id = await save(
      'To: "Lovelace, Ada" <ada@example.com>, bob@example.com\r\nCc: c@example.com\r\nSubject: =?UTF-8?B?R3LDvMOfZQ==?=\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Hallo</p>\r\n',
    );
    const [newest, older] = await drafts.recent();
    expect(newest).toMatchObject({
      id,
      to: [{ email: 'ada@example.com', displayName: 'Lovelace, Ada' }, { email: 'bob@example.com' }],
      cc: [{ email: 'c@example.com' }],
      subject: 'Grüße',
      html: '<p>Hallo</p>\r\n',
      savedAt: '2026-03-02T10:01:00.000Z',
    });
    expect(older?.html).toBe('Hi Bob &amp; co<br>');
  });

  it('gets one draft, removes it, and answers null for a draft that is gone', async () => {
    const drafts = new GmailDrafts({ rootUrl: sandbox.google.rootUrl, getToken: token });
    const id = await save('To: ada@example.com\r\nSubject: S\r\n\r\nBody\r\n');
    expect((await drafts.get(id))?.subject).toBe('S');
    await drafts.remove(id);
    expect(await drafts.get(id)).toBeNull();
    await expect(drafts.remove(id)).resolves.toBeUndefined();
    expect(await drafts.recent()).toEqual([]);
  });
});
