import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, startSandbox } from '../testing/harness';

let h: Harness;
let token: string;
beforeEach(async () => {
  h = await startSandbox({ noticeDelayMs: 300 });
  token = await h.sandbox.issueMicrosoftToken('ava');
});
afterEach(() => h.close());

async function getJson(url: string, headers: Record<string, string> = {}) {
  const full = url.startsWith('http') ? url : `${h.sandbox.microsoft.graphBaseUrl}${url}`;
  const res = await fetch(full, { headers: { Authorization: `Bearer ${token}`, ...headers } });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

async function sendTo(to: string, subject = 'Quick question') {
  const res = await fetch(`${h.sandbox.microsoft.graphBaseUrl}/me/sendMail`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      message: {
        subject,
        body: { contentType: 'Text', content: 'Hello' },
        toRecipients: [{ emailAddress: { address: to } }],
        internetMessageHeaders: [{ name: 'X-Sendwell-Id', value: `snd_${to}` }],
      },
    }),
  });
  expect(res.status).toBe(202);
}

describe('inbox delta', () => {
  it('pages with maxpagesize, then hands out a deltaLink that returns only new mail', async () => {
    for (const who of ['eli', 'lou']) {
      const t = await h.sandbox.issueMicrosoftToken(who);
      for (let i = 0; i < 2; i++) {
        await fetch(`${h.sandbox.microsoft.graphBaseUrl}/me/sendMail`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${t}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({
            message: {
              subject: `${who} ${i}`,
              toRecipients: [{ emailAddress: { address: 'ava@contoso.test' } }],
            },
          }),
        });
      }
    }
    const first = await getJson('/me/mailFolders/inbox/messages/delta?$select=subject,from', {
      Prefer: 'odata.maxpagesize=3',
    });
    expect(first.headers.get('Preference-Applied')).toBe('odata.maxpagesize=3');
    expect(first.body.value.map((m: { subject: string }) => m.subject)).toEqual(['eli 0', 'eli 1', 'lou 0']);
    expect(Object.keys(first.body.value[0]).sort()).toEqual(['@odata.etag', 'from', 'id', 'subject']);
    expect(first.body['@odata.deltaLink']).toBeUndefined();
    const second = await getJson(first.body['@odata.nextLink'], { Prefer: 'odata.maxpagesize=3' });
    expect(second.body.value.map((m: { subject: string }) => m.subject)).toEqual(['lou 1']);
    const deltaLink: string = second.body['@odata.deltaLink'];
    expect(deltaLink).toMatch(/\$deltatoken=/);
    expect((await getJson(deltaLink)).body.value).toEqual([]);
    await sendTo('nobody@bounce.test');
    h.clock.advance(300);
    const third = await getJson(deltaLink);
    expect(third.body.value.map((m: { subject: string }) => m.subject)).toEqual([
      'Undeliverable: Quick question',
    ]);
    expect(Object.keys(third.body.value[0])).toContain('from');
  });

  it('refuses a delta token from another mailbox', async () => {
    const mine = await getJson('/me/mailFolders/inbox/messages/delta');
    token = await h.sandbox.issueMicrosoftToken('eli');
    const res = await getJson(mine.body['@odata.deltaLink']);
    expect(res.status).toBe(410);
    expect(res.body.error.code).toBe('SyncStateNotFound');
  });
});

describe('bounce notices in the Exchange inbox', () => {
  it.each([
    ['nobody@bounce.test', 'Undeliverable: Quick question', /Status: 5\.1\.10/],
    ['box@full.test', 'Undeliverable: Quick question', /Status: 5\.2\.2/],
    ['slow@delay.test', 'Delivery delayed: Quick question', /Action: delayed/],
  ])('%s → "%s" after the notice delay', async (to, subject, status) => {
    await sendTo(to);
    h.clock.advance(299);
    expect((await getJson('/me/mailFolders/inbox/messages')).body.value).toEqual([]);
    h.clock.advance(1);
    const list = await getJson('/me/mailFolders/inbox/messages?$select=subject,from,internetMessageHeaders');
    expect(list.body.value).toHaveLength(1);
    const ndr = list.body.value[0];
    expect(ndr.subject).toBe(subject);
    expect(ndr.from.emailAddress.address).toBe(
      'MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@contoso.test',
    );
    expect(ndr.internetMessageHeaders).toContainEqual({ name: 'X-MS-Exchange-Message-Is-Ndr', value: '' });
    const mime = await fetch(`${h.sandbox.microsoft.graphBaseUrl}/me/messages/${ndr.id}/$value`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const raw = await mime.text();
    expect(raw).toMatch(/Content-Type: multipart\/report; report-type=delivery-status/);
    expect(raw).toMatch(status);
    expect(raw).toContain(`X-Sendwell-Id: snd_${to}`);
    const sent = h.sandbox.messages('ava', 'sentitems')[0]!;
    expect(raw).toContain(`Message-ID: ${sent.internetMessageId}`);
  });

  it('get message by id honours $select and 404s on unknown ids', async () => {
    await sendTo('nobody@bounce.test');
    const sent = h.sandbox.messages('ava', 'sentitems')[0]!;
    const one = await getJson(`/me/messages/${sent.id}?$select=internetMessageHeaders,subject`);
    expect(one.body, JSON.stringify(one.body)).toMatchObject({ subject: 'Quick question' });
    expect(one.body.internetMessageHeaders).toContainEqual({
      name: 'X-Sendwell-Id',
      value: 'snd_nobody@bounce.test',
    });
    expect(one.body.body).toBeUndefined();
    const missing = await getJson('/me/messages/AAMkADnope');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('ErrorItemNotFound');
    const badSelect = await getJson(`/me/messages/${sent.id}?$select=nope`);
    expect(badSelect.status).toBe(400);
  });
});
