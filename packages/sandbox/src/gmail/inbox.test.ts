import { auth, type gmail_v1, gmail as gmailApi } from '@googleapis/gmail';
import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, startSandbox } from '../testing/harness';

let h: Harness;
let api: gmail_v1.Gmail;

async function start(options: Parameters<typeof startSandbox>[0] = {}) {
  h = await startSandbox({ noticeDelayMs: 300, ...options });
  const oauth = new auth.OAuth2();
  oauth.setCredentials({ access_token: h.sandbox.issueGoogleAccessToken('gus') });
  api = gmailApi({ version: 'v1', rootUrl: h.sandbox.google.rootUrl, auth: oauth, retry: false });
}
afterEach(() => h.close());

const call = () => ({ rootUrl: h.sandbox.google.rootUrl });

function send(to: string, subject = 'Quick question') {
  const mime = `To: ${to}\r\nSubject: ${subject}\r\nMessage-ID: <sw-${to}@sendwell.test>\r\nX-Sendwell-Id: snd_${to}\r\nContent-Type: text/plain\r\n\r\nHello\r\n`;
  return api.users.messages.send(
    { userId: 'me', requestBody: { raw: Buffer.from(mime).toString('base64url') } },
    call(),
  );
}

async function rawOf(id: string): Promise<string> {
  const { data } = await api.users.messages.get({ userId: 'me', id, format: 'raw' }, call());
  return Buffer.from(data.raw!, 'base64url').toString('utf8');
}

async function failure(p: Promise<unknown>) {
  const e = (await p.then(
    () => {
      throw new Error('expected a failure');
    },
    (err: unknown) => err,
  )) as {
    status: number;
    response: { data: { error: { message: string; errors: { reason: string; domain: string }[] } } };
  };
  return {
    status: e.status,
    message: e.response.data.error.message,
    reason: e.response.data.error.errors[0]!.reason,
    domain: e.response.data.error.errors[0]!.domain,
  };
}

describe('bounce notices in the Gmail inbox', () => {
  it.each([
    ['nobody@bounce.test', 'Delivery Status Notification (Failure)', 'Status: 5.1.1'],
    ['box@full.test', 'Delivery Status Notification (Failure)', 'Status: 4.2.2'],
    ['slow@delay.test', 'Delivery Status Notification (Delay)', 'Action: delayed'],
  ])('%s → "%s", seen through history.list and found with q', async (to, subject, status) => {
    await start();
    const { data: profile } = await api.users.getProfile({ userId: 'me' }, call());
    const { data: sent } = await send(to);
    h.clock.advance(300);
    const { data: history } = await api.users.history.list(
      { userId: 'me', startHistoryId: profile.historyId!, historyTypes: ['messageAdded'], labelId: 'INBOX' },
      call(),
    );
    const added = history.history?.flatMap((r) => r.messagesAdded ?? []) ?? [];
    expect(added).toHaveLength(1);
    const id = added[0]!.message!.id!;
    expect(added[0]!.message!.threadId).toBe(sent.threadId);
    const { data: meta } = await api.users.messages.get(
      { userId: 'me', id, format: 'metadata', metadataHeaders: ['From', 'Subject'] },
      call(),
    );
    expect(meta.payload?.headers).toEqual([
      { name: 'From', value: 'Mail Delivery Subsystem <mailer-daemon@googlemail.com>' },
      { name: 'Subject', value: subject },
    ]);
    const raw = await rawOf(id);
    expect(raw).toContain(status);
    expect(raw).toContain(`Message-ID: <sw-${to}@sendwell.test>`);
    expect(raw).toContain(`X-Sendwell-Id: snd_${to}`);
    const { data: found } = await api.users.messages.list(
      { userId: 'me', q: 'from:mailer-daemon in:inbox newer_than:1d' },
      call(),
    );
    expect(found.messages?.map((m) => m.id)).toEqual([id]);
  });

  it('delivers nothing before the notice delay', async () => {
    await start();
    await send('nobody@bounce.test');
    h.clock.advance(299);
    const { data } = await api.users.messages.list({ userId: 'me', q: 'in:inbox' }, call());
    expect(data.messages).toBeUndefined();
  });
});

describe('history retention', () => {
  it('answers 404 for a history id older than a week, as Gmail does', async () => {
    await start();
    const { data: profile } = await api.users.getProfile({ userId: 'me' }, call());
    await send('pat@example.test');
    h.clock.advance(8 * 24 * 3600_000);
    const oauth = new auth.OAuth2();
    oauth.setCredentials({ access_token: h.sandbox.issueGoogleAccessToken('gus') });
    api = gmailApi({ version: 'v1', rootUrl: h.sandbox.google.rootUrl, auth: oauth, retry: false });
    await send('pat2@example.test');
    expect(
      await failure(api.users.history.list({ userId: 'me', startHistoryId: profile.historyId! }, call())),
    ).toMatchObject({ status: 404, reason: 'notFound' });
    const { data: now } = await api.users.getProfile({ userId: 'me' }, call());
    const { data: fresh } = await api.users.history.list(
      { userId: 'me', startHistoryId: now.historyId! },
      call(),
    );
    expect(fresh.history).toBeUndefined();
    expect(fresh.historyId).toBe(now.historyId);
  });
});

describe('Gmail limits', () => {
  it('per-user quota units per minute → 429 rateLimitExceeded, free again a minute later', async () => {
    await start({ limits: { gmail: { quotaUnitsPerMinute: 250 } } });
    await send('a@example.test');
    await send('b@example.test');
    const third = await failure(send('c@example.test'));
    expect(third).toMatchObject({ status: 429, reason: 'rateLimitExceeded', domain: 'usageLimits' });
    h.clock.advance(60_000);
    expect((await send('c@example.test')).status).toBe(200);
  });

  it('over the daily limit: 200 plus a "limit for sending mail" bounce, then 429 (Mail sending)', async () => {
    await start({ limits: { gmail: { messagesPerDay: 2, overLimitAcceptMs: 5 * 60_000 } } });
    await send('a@example.test');
    await send('b@example.test');
    const over = await send('ivy@acme.test', 'Over the limit');
    expect(over.status).toBe(200);
    h.clock.advance(300);
    const { data } = await api.users.messages.list(
      { userId: 'me', q: 'in:inbox from:mailer-daemon' },
      call(),
    );
    expect(data.messages).toHaveLength(1);
    const raw = await rawOf(data.messages![0]!.id!);
    expect(raw).toContain('You have reached a limit for sending mail. Your message was not sent.');
    expect(raw).toContain('Final-Recipient: rfc822; ivy@acme.test');
    expect(h.sandbox.messages('ivy', 'inbox')).toHaveLength(0);
    h.clock.advance(5 * 60_000);
    const refused = await failure(send('d@example.test'));
    expect(refused).toMatchObject({ status: 429, reason: 'rateLimitExceeded' });
    expect(refused.message).toMatch(
      /^User-rate limit exceeded\.\s+Retry after 2026-01-06T09:00:00\.001Z \(Mail sending\)$/,
    );
  });
});
