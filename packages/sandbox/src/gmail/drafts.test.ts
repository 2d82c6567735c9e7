import { auth, type gmail_v1, gmail as gmailApi } from '@googleapis/gmail';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, startSandbox } from '../testing/harness';

let h: Harness;
let api: gmail_v1.Gmail;

beforeEach(async () => {
  h = await startSandbox({ noticeDelayMs: 300 });
  const oauth = new auth.OAuth2();
  oauth.setCredentials({ access_token: h.sandbox.issueGoogleAccessToken('gus') });
  api = gmailApi({ version: 'v1', rootUrl: h.sandbox.google.rootUrl, auth: oauth, retry: false });
});
afterEach(() => h.close());

/** Per-call rootUrl: googleapis-common drops a path prefix given only at API level. */
const call = () => ({ rootUrl: h.sandbox.google.rootUrl });

/** A compose window's content as the Gmail UI saves it. */
function raw(to: string, subject: string, html: string): string {
  const mime = `To: ${to}\r\nSubject: ${subject}\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${html}\r\n`;
  return Buffer.from(mime).toString('base64url');
}

const create = (to: string, subject = 'Hello Ada', html = '<p>Hi Ada</p>') =>
  api.users.drafts.create(
    { userId: 'me', requestBody: { message: { raw: raw(to, subject, html) } } },
    call(),
  );

async function failure(
  promise: Promise<unknown>,
): Promise<{ status: number; reason: string; message: string }> {
  const error = (await promise.then(
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

describe('users.drafts through @googleapis/gmail', () => {
  it('creates, lists newest first, and gets a draft in Gmail shapes', async () => {
    const first = await create('Ada Lovelace <ada@example.com>');
    const second = await create('bob@example.com', 'For Bob', '<p>Hi Bob</p>');
    expect(first.data).toMatchObject({
      id: expect.stringMatching(/^r-\d+$/),
      message: { labelIds: ['DRAFT'] },
    });
    const list = await api.users.drafts.list({ userId: 'me' }, call());
    expect(list.data.drafts?.map((d) => d.id)).toEqual([second.data.id, first.data.id]);
    const { data } = await api.users.drafts.get({ userId: 'me', id: first.data.id!, format: 'full' }, call());
    const headers = Object.fromEntries((data.message?.payload?.headers ?? []).map((x) => [x.name, x.value]));
    expect(headers).toMatchObject({ To: 'Ada Lovelace <ada@example.com>', Subject: 'Hello Ada' });
    expect(headers.From).toContain('gus@acme.test');
    expect(Buffer.from(data.message?.payload?.body?.data ?? '', 'base64url').toString()).toContain(
      '<p>Hi Ada</p>',
    );
  });

  it('update keeps the draft id and replaces its message', async () => {
    const { data: made } = await create('ada@example.com');
    const { data: updated } = await api.users.drafts.update(
      {
        userId: 'me',
        id: made.id!,
        requestBody: { message: { raw: raw('ada@example.com', 'Edited', '<p>Edited</p>') } },
      },
      call(),
    );
    expect(updated.id).toBe(made.id);
    expect(updated.message?.id).not.toBe(made.message?.id);
    const { data } = await api.users.drafts.get({ userId: 'me', id: made.id!, format: 'raw' }, call());
    expect(Buffer.from(data.message?.raw ?? '', 'base64url').toString()).toContain('Subject: Edited');
  });

  it("delete answers 204, then the draft is gone with Gmail's 404", async () => {
    const { data: made } = await create('ada@example.com');
    const deleted = await api.users.drafts.delete({ userId: 'me', id: made.id! }, call());
    expect(deleted.status).toBe(204);
    expect(await failure(api.users.drafts.get({ userId: 'me', id: made.id! }, call()))).toEqual({
      status: 404,
      reason: 'notFound',
      message: 'Requested entity was not found.',
    });
    const list = await api.users.drafts.list({ userId: 'me' }, call());
    expect(list.data.drafts).toBeUndefined();
  });

  it("send submits the draft through Gmail's send path and removes it", async () => {
    const { data: made } = await create('eli@contoso.test', 'Sent from a draft', '<p>Body</p>');
    const { data: sent } = await api.users.drafts.send(
      { userId: 'me', requestBody: { id: made.id! } },
      call(),
    );
    expect(sent.labelIds).toEqual(['SENT']);
    expect(h.sandbox.messages('gus', 'sentitems').map((m) => m.subject)).toEqual(['Sent from a draft']);
    expect((await failure(api.users.drafts.get({ userId: 'me', id: made.id! }, call()))).status).toBe(404);
  });

  it.each<[string, () => Promise<unknown>, number, string]>([
    [
      'create without a message',
      () => api.users.drafts.create({ userId: 'me', requestBody: {} }, call()),
      400,
      'Missing draft message',
    ],
    ['a bad To header', () => create('ada@exam"ple.com'), 400, 'Invalid To header'],
    [
      'update of an unknown draft',
      () =>
        api.users.drafts.update(
          { userId: 'me', id: 'r-1', requestBody: { message: { raw: raw('a@example.com', 's', 'b') } } },
          call(),
        ),
      404,
      'Requested entity was not found.',
    ],
    [
      'delete of an unknown draft',
      () => api.users.drafts.delete({ userId: 'me', id: 'r-1' }, call()),
      404,
      'Requested entity was not found.',
    ],
    [
      'send of an unknown draft',
      () => api.users.drafts.send({ userId: 'me', requestBody: { id: 'r-1' } }, call()),
      404,
      'Requested entity was not found.',
    ],
  ])('refuses %s', async (_name, run, status, message) => {
    const result = await failure(run());
    expect([result.status, result.message]).toEqual([status, message]);
  });

  it("keeps each user's drafts to themselves", async () => {
    await create('ada@example.com');
    const oauth = new auth.OAuth2();
    oauth.setCredentials({ access_token: h.sandbox.issueGoogleAccessToken('ivy') });
    const ivy = gmailApi({ version: 'v1', rootUrl: h.sandbox.google.rootUrl, auth: oauth, retry: false });
    const { data } = await ivy.users.drafts.list({ userId: 'me' }, call());
    expect(data.drafts).toBeUndefined();
  });
});
