import { auth, type gmail_v1, gmail as gmailApi } from '@googleapis/gmail';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, startSandbox } from '../testing/harness';

let h: Harness;
let api: gmail_v1.Gmail;

function clientFor(userId: string): gmail_v1.Gmail {
  const oauth = new auth.OAuth2();
  oauth.setCredentials({ access_token: h.sandbox.issueGoogleAccessToken(userId) });
  return gmailApi({ version: 'v1', rootUrl: h.sandbox.google.rootUrl, auth: oauth, retry: false });
}

beforeEach(async () => {
  h = await startSandbox({ noticeDelayMs: 300 });
  api = clientFor('gus');
});
afterEach(() => h.close());

function rawMessage(to: string, subject = 'Quick question', extra = '') {
  const mime =
    `From: Gus Ibarra <gus@acme.test>\r\nTo: ${to}\r\nSubject: ${subject}\r\nMessage-ID: <sw-${to}@sendwell.test>\r\nX-Sendwell-Id: snd_${to}\r\n${extra}` +
    'Content-Type: text/html; charset=utf-8\r\n\r\n<p>Hello there</p>\r\n';
  return Buffer.from(mime).toString('base64url');
}

/** Per-call rootUrl: googleapis-common drops a path prefix given only at API level (gmail-addon.md §5.3). */
const call = () => ({ rootUrl: h.sandbox.google.rootUrl });

const send = (to: string, subject?: string) =>
  api.users.messages.send({ userId: 'me', requestBody: { raw: rawMessage(to, subject) } }, call());

/** The reason and HTTP status of a failed googleapis call, as our Gmail adapter reads them. */
async function failure(call: Promise<unknown>): Promise<{ status: number; reason: string; message: string }> {
  const error = (await call.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e,
  )) as { status: number; response: { data: { error: { errors: { reason: string }[]; message: string } } } };
  return {
    status: error.status,
    reason: error.response.data.error.errors[0]!.reason,
    message: error.response.data.error.message,
  };
}

describe('Gmail API through @googleapis/gmail', () => {
  it('needs rootUrl per call: the API-level rootUrl alone loses the /sandbox/google prefix', async () => {
    const url = await api.users.getProfile({ userId: 'me' }).then(
      () => 'reached',
      (e: { config: { url: URL | string } }) => String(e.config.url),
    );
    expect(url).toBe(`${new URL(h.baseUrl).origin}/gmail/v1/users/me/profile`);
  });

  it('getProfile answers for the token owner', async () => {
    const { data } = await api.users.getProfile({ userId: 'me' }, call());
    expect(data.emailAddress).toBe('gus@acme.test');
    expect(Number(data.historyId)).toBeGreaterThan(0);
  });

  it('rejects an unknown token with 401 authError, and another user with 403', async () => {
    const oauth = new auth.OAuth2();
    oauth.setCredentials({ access_token: 'ya29.bogus' });
    const stranger = gmailApi({ version: 'v1', rootUrl: h.sandbox.google.rootUrl, auth: oauth });
    expect(await failure(stranger.users.getProfile({ userId: 'me' }, call()))).toMatchObject({
      status: 401,
      reason: 'authError',
    });
    expect(await failure(api.users.getProfile({ userId: 'ivy@acme.test' }, call()))).toMatchObject({
      status: 403,
    });
  });

  it('sends raw MIME, keeps our Message-ID and header, and finds it by rfc822msgid', async () => {
    const { data } = await send('pat@example.test');
    expect(data.labelIds).toEqual(['SENT']);
    const found = await api.users.messages.list(
      { userId: 'me', q: 'rfc822msgid:<sw-pat@example.test@sendwell.test> in:sent' },
      call(),
    );
    expect(found.data.messages?.map((m) => m.id)).toEqual([data.id]);
    const meta = await api.users.messages.get(
      { userId: 'me', id: data.id!, format: 'metadata', metadataHeaders: ['Message-ID', 'X-Sendwell-Id'] },
      call(),
    );
    expect(meta.data.payload?.headers).toEqual([
      { name: 'Message-ID', value: '<sw-pat@example.test@sendwell.test>' },
      { name: 'X-Sendwell-Id', value: 'snd_pat@example.test' },
    ]);
  });

  it('sends through the media upload endpoint when the call passes rootUrl', async () => {
    const body = Buffer.from(rawMessage('media@example.test', 'Via upload'), 'base64url').toString('utf8');
    const { data } = await api.users.messages.send(
      { userId: 'me', media: { mimeType: 'message/rfc822', body } },
      { rootUrl: h.sandbox.google.rootUrl },
    );
    const got = await api.users.messages.get({ userId: 'me', id: data.id!, format: 'raw' }, call());
    expect(Buffer.from(got.data.raw!, 'base64url').toString('utf8')).toContain('Subject: Via upload');
  });

  it('gets messages in full and minimal format', async () => {
    const { data } = await send('pat@example.test');
    const full = await api.users.messages.get({ userId: 'me', id: data.id! }, call());
    expect(full.data.payload?.mimeType).toBe('text/html');
    expect(Buffer.from(full.data.payload!.body!.data!, 'base64url').toString('utf8')).toContain(
      '<p>Hello there</p>',
    );
    expect(full.data.snippet).toBe('Hello there');
    const minimal = await api.users.messages.get({ userId: 'me', id: data.id!, format: 'minimal' }, call());
    expect(minimal.data.payload).toBeUndefined();
    expect(
      await failure(api.users.messages.get({ userId: 'me', id: 'ffffffffffffffff' }, call())),
    ).toMatchObject({ status: 404, reason: 'notFound' });
  });

  it.each([
    ['no recipients', 'Subject: none\r\n\r\nx', /Recipient address required/],
    [
      'too many recipients',
      `To: ${Array.from({ length: 101 }, (_, i) => `r${i}@example.test`).join(', ')}\r\nSubject: many\r\n\r\nx`,
      /Too many recipients/,
    ],
  ])('rejects %s with 400 invalidArgument', async (_label, mime, message) => {
    const raw = Buffer.from(mime).toString('base64url');
    const result = await failure(api.users.messages.send({ userId: 'me', requestBody: { raw } }, call()));
    expect(result).toMatchObject({ status: 400, reason: 'invalidArgument' });
    expect(result.message).toMatch(message);
  });

  it('lists with q, maxResults and pageToken, newest first, and omits messages when none match', async () => {
    for (const s of ['one', 'two', 'three']) {
      await send('pat@example.test', `Deal ${s}`);
      h.clock.advance(1000);
    }
    const page1 = await api.users.messages.list({ userId: 'me', q: 'subject:deal', maxResults: 2 }, call());
    expect(page1.data.messages).toHaveLength(2);
    const page2 = await api.users.messages.list(
      { userId: 'me', q: 'subject:deal', maxResults: 2, pageToken: page1.data.nextPageToken! },
      call(),
    );
    expect(page2.data.messages).toHaveLength(1);
    expect(page2.data.nextPageToken).toBeUndefined();
    const first = await api.users.messages.get(
      { userId: 'me', id: page1.data.messages![0]!.id!, format: 'metadata', metadataHeaders: ['Subject'] },
      call(),
    );
    expect(first.data.payload?.headers?.[0]?.value).toBe('Deal three');
    const none = await api.users.messages.list({ userId: 'me', q: 'from:mailer-daemon' }, call());
    expect(none.data).toEqual({ resultSizeEstimate: 0 });
  });
});
