import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, startSandbox } from '../testing/harness';

// POST /dev/mailboxes/fill, read back through the Gmail and Graph APIs the scanner uses.
let h: Harness;
beforeEach(async () => {
  h = await startSandbox();
});
afterEach(() => h.close());

async function fill(body: unknown) {
  const response = await fetch(`${h.baseUrl}/dev/mailboxes/fill`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
}

async function gmail(path: string, user = 'gus', init: RequestInit = {}) {
  const token = h.sandbox.issueGoogleAccessToken(user);
  const response = await fetch(`${h.sandbox.google.rootUrl}gmail/v1/users/me/${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
  });
  return response.json();
}

/** Every id a Gmail query lists, following nextPageToken. */
async function listAll(
  q: string,
  maxResults = 100,
): Promise<{ ids: string[]; pages: number; threads: string[] }> {
  const ids: string[] = [];
  const threads: string[] = [];
  let pageToken = '';
  let pages = 0;
  do {
    const page = await gmail(
      `messages?maxResults=${maxResults}&q=${encodeURIComponent(q)}${pageToken ? `&pageToken=${pageToken}` : ''}`,
    );
    pages += 1;
    for (const m of page.messages ?? []) {
      ids.push(m.id);
      threads.push(m.threadId);
    }
    pageToken = page.nextPageToken ?? '';
  } while (pageToken);
  return { ids, pages, threads };
}

async function sendAsGus(to: string, messageId: string) {
  const raw = Buffer.from(
    `To: ${to}\r\nSubject: Quick question\r\nMessage-ID: ${messageId}\r\n\r\nHello\r\n`,
  ).toString('base64url');
  return gmail('messages/send', 'gus', { method: 'POST', body: JSON.stringify({ raw }) });
}

describe('POST /dev/mailboxes/fill', () => {
  it('fills a Gmail inbox with bounces and replies the Gmail API lists, pages and threads', async () => {
    const sent = await sendAsGus('pat@example.test', '<sw-1@sendwell.local>');
    const answer = await fill({
      address: 'gus@acme.test',
      messages: 1500,
      bounces: 40,
      replies: 30,
      replyTo: ['sw-1@sendwell.local', '<sw-unknown@sendwell.local>'],
    });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({
      address: 'gus@acme.test',
      added: { messages: 1500, bounces: 40, replies: 30 },
      total: 1501,
    });
    const profile = await gmail('profile');
    expect(profile).toMatchObject({ messagesTotal: 1501, historyId: answer.json.historyId });
    const notices = await listAll('from:mailer-daemon subject:"Delivery Status Notification (Failure)"', 15);
    expect(new Set(notices.ids).size).toBe(40);
    const replies = await listAll('subject:"Re: Quick question"', 500);
    expect(replies.ids).toHaveLength(30);
    // Half of them answer our send: Gmail files those in its thread.
    expect(replies.threads.filter((t) => t === sent.threadId)).toHaveLength(15);
    const everything = await listAll('', 500);
    expect(everything.ids).toHaveLength(1501);
    expect(new Set(everything.ids).size).toBe(1501);
  });

  it('after a fill, an incremental round sees exactly the new mail: Gmail history and Graph delta', async () => {
    await fill({ address: 'gus@acme.test', messages: 2000, bounces: 10, replies: 10 });
    await fill({ address: 'ava@contoso.test', messages: 2000, bounces: 10, replies: 10 });
    const { historyId } = await gmail('profile');
    const msToken = await h.sandbox.issueMicrosoftToken('ava');
    const graph = (url: string) =>
      fetch(url, { headers: { Authorization: `Bearer ${msToken}`, Prefer: 'odata.maxpagesize=500' } }).then(
        (r) => r.json(),
      );
    let url = `${h.sandbox.microsoft.graphBaseUrl}/me/mailFolders/inbox/messages/delta?$select=id,subject`;
    let synced = 0;
    let deltaLink = '';
    while (url) {
      const page = await graph(url);
      synced += page.value.length;
      url = page['@odata.nextLink'] ?? '';
      deltaLink = page['@odata.deltaLink'] ?? deltaLink;
    }
    expect(synced).toBe(2000);
    for (let i = 0; i < 10; i++) {
      h.sandbox.fillMailbox({ address: 'ava@contoso.test', messages: 1, days: 1 });
      await sendAsIvy(i);
    }
    const history = await gmail(`history?startHistoryId=${historyId}&historyTypes=messageAdded`);
    expect(history.history).toHaveLength(10);
    expect((await graph(deltaLink)).value).toHaveLength(10);
  });

  it.each([
    ['no address', { messages: 10 }],
    ['not an email', { address: 'gus', messages: 10 }],
    ['zero messages', { address: 'gus@acme.test', messages: 0 }],
    ['more than 200,000', { address: 'gus@acme.test', messages: 200_001 }],
    [
      'more bounces and replies than messages',
      { address: 'gus@acme.test', messages: 10, bounces: 6, replies: 5 },
    ],
    ['an unknown field', { address: 'gus@acme.test', messages: 10, folder: 'sent' }],
  ])('refuses %s with 400 and files nothing', async (_label, body) => {
    const answer = await fill(body);
    expect(answer.status).toBe(400);
    expect(answer.json.error.code).toBe('invalid-request');
    expect(h.sandbox.messages('gus')).toHaveLength(0);
  });

  it('answers 404 for an address that is no sandbox person', async () => {
    const answer = await fill({ address: 'nobody@acme.test', messages: 10 });
    expect(answer.status).toBe(404);
    expect(answer.json.error.code).toBe('unknown-user');
  });
});

async function sendAsIvy(i: number) {
  const token = h.sandbox.issueGoogleAccessToken('ivy');
  const raw = Buffer.from(`To: gus@acme.test\r\nSubject: New ${i}\r\n\r\nHello\r\n`).toString('base64url');
  const response = await fetch(`${h.sandbox.google.rootUrl}gmail/v1/users/me/messages/send`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ raw }),
  });
  expect(response.status).toBe(200);
}
