import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, startSandbox } from '../testing/harness';

let h: Harness;
let token: string;
beforeEach(async () => {
  h = await startSandbox();
  token = await h.sandbox.issueMicrosoftToken('ava');
});
afterEach(() => h.close());

function graph(path: string, init: RequestInit & { bearer?: string } = {}) {
  const headers = new Headers(init.headers);
  headers.set('Authorization', `Bearer ${init.bearer ?? token}`);
  if (init.body && !headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
  return fetch(`${h.sandbox.microsoft.graphBaseUrl}${path}`, { ...init, headers });
}

function mail(to: string[], extra: Record<string, unknown> = {}) {
  return {
    message: {
      subject: 'Quick question',
      body: { contentType: 'HTML', content: '<p>Hi there</p>' },
      toRecipients: to.map((address) => ({ emailAddress: { address } })),
      internetMessageHeaders: [{ name: 'x-sendwell-id', value: 'snd_1' }],
      ...extra,
    },
    saveToSentItems: true,
  };
}

const send = (body: unknown, bearer?: string) =>
  graph('/me/sendMail', { method: 'POST', body: JSON.stringify(body), bearer });

describe('Graph auth', () => {
  it.each([
    ['no token', '', 'Access token is empty.'],
    ['garbage', 'not-a-jwt', 'IDX14100: JWT is not well formed.'],
  ])('%s → 401 InvalidAuthenticationToken', async (_label, bearer, message) => {
    const res = await graph('/me', { bearer });
    expect(res.status).toBe(401);
    expect((await res.json()).error).toMatchObject({ code: 'InvalidAuthenticationToken', message });
  });

  it('rejects a token for another audience and an expired token', async () => {
    const apiToken = await h.sandbox.issueMicrosoftToken('ava', 'api://sendwell');
    expect((await (await graph('/me', { bearer: apiToken })).json()).error.message).toMatch(
      /Invalid audience/,
    );
    h.clock.advance(2 * 3600_000);
    expect((await (await graph('/me')).json()).error.message).toMatch(/expired/);
  });

  it('knows who the token is for', async () => {
    expect(await (await graph('/me')).json()).toMatchObject({
      mail: 'ava@contoso.test',
      displayName: 'Ava Reyes',
    });
  });
});

describe('POST /me/sendMail', () => {
  it('answers 202 with no body and files the message in Sent Items with our header', async () => {
    const res = await send(mail(['pat@example.test']));
    expect(res.status).toBe(202);
    expect(await res.text()).toBe('');
    const list = await (
      await graph(
        `/me/mailFolders/sentitems/messages?$filter=${encodeURIComponent("singleValueExtendedProperties/any(ep: ep/id eq 'String {00020386-0000-0000-C000-000000000046} Name x-sendwell-id' and ep/value eq 'snd_1')")}&$select=subject,internetMessageId,internetMessageHeaders`,
      )
    ).json();
    expect(list.value).toHaveLength(1);
    expect(list.value[0].subject).toBe('Quick question');
    expect(list.value[0].internetMessageId).toMatch(/^<.+@.+\.prod\.outlook\.com>$/);
    expect(list.value[0].internetMessageHeaders).toContainEqual({ name: 'x-sendwell-id', value: 'snd_1' });
    const byId = await (
      await graph(
        `/me/mailFolders/sentitems/messages?$filter=${encodeURIComponent(`internetMessageId eq '${list.value[0].internetMessageId}'`)}`,
      )
    ).json();
    expect(byId.value.map((m: { id: string }) => m.id)).toEqual([list.value[0].id]);
  });

  it('does not save when saveToSentItems is false', async () => {
    await send({ ...mail(['pat@example.test']), saveToSentItems: false });
    expect(h.sandbox.messages('ava', 'sentitems')).toHaveLength(0);
  });

  it.each([
    ['no recipients', mail([]), 'ErrorInvalidRecipients', /contains no recipients/],
    ['an unresolvable recipient', mail(['not an address']), 'ErrorInvalidRecipients', /is not resolved/],
    [
      'a header without x-',
      mail(['pat@example.test'], { internetMessageHeaders: [{ name: 'Sendwell-Id', value: '1' }] }),
      'InvalidInternetMessageHeader',
      /should start with 'x-'/,
    ],
    ['no message', { saveToSentItems: true }, 'ErrorInvalidRequest', /could not be read/],
  ])('rejects %s with 400', async (_label, body, code, message) => {
    const res = await send(body);
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it('accepts base64 MIME with Content-Type text/plain', async () => {
    const mime =
      'To: pat@example.test\r\nSubject: From MIME\r\nX-Sendwell-Id: snd_9\r\nContent-Type: text/plain\r\n\r\nHello\r\n';
    const res = await graph('/me/sendMail', {
      method: 'POST',
      body: Buffer.from(mime).toString('base64'),
      headers: { 'Content-Type': 'text/plain' },
    });
    expect(res.status).toBe(202);
    expect(h.sandbox.messages('ava', 'sentitems')[0]?.subject).toBe('From MIME');
  });

  it('delivers to another sandbox user, without the Bcc header', async () => {
    await send(
      mail(['eli@contoso.test'], { bccRecipients: [{ emailAddress: { address: 'gus@acme.test' } }] }),
    );
    const [atEli] = h.sandbox.messages('eli', 'inbox');
    expect(atEli?.raw).not.toMatch(/^Bcc:/im);
    expect(h.sandbox.messages('gus', 'inbox')).toHaveLength(1);
    expect(h.sandbox.messages('ava', 'sentitems')[0]?.raw).toMatch(/^Bcc: gus@acme.test/im);
  });
});

describe('Exchange Online limits', () => {
  it('rejects more than 500 recipients per message', async () => {
    const many = Array.from({ length: 501 }, (_, i) => `r${i}@example.test`);
    const res = await send(mail(many));
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('ErrorExceededMessageLimit');
  });

  it('throttles the 31st message in a minute with Retry-After, and lets it through a minute later', async () => {
    for (let i = 0; i < 30; i++) expect((await send(mail([`r${i}@example.test`]))).status).toBe(202);
    h.clock.advance(20_000);
    const res = await send(mail(['late@example.test']));
    expect(res.status).toBe(429);
    expect((await res.json()).error.code).toBe('ApplicationThrottled');
    expect(Number(res.headers.get('Retry-After'))).toBe(41);
    h.clock.advance(41_000);
    expect((await send(mail(['late@example.test']))).status).toBe(202);
  });

  it('stops at 10,000 recipients in a rolling 24 hours', async () => {
    const batch = Array.from({ length: 500 }, (_, i) => `r${i}@example.test`);
    for (let i = 0; i < 20; i++) {
      expect((await send(mail(batch))).status).toBe(202);
      h.clock.advance(60_000);
    }
    const res = await send(mail(['one-more@example.test']));
    expect(res.status).toBe(429);
    expect((await res.json()).error.code).toBe('ErrorSubmissionQuotaExceeded');
    const wait = Number(res.headers.get('Retry-After'));
    expect(wait).toBeGreaterThan(22 * 3600);
    h.clock.advance(wait * 1000);
    const fresh = await h.sandbox.issueMicrosoftToken('ava');
    expect((await send(mail(['one-more@example.test']), fresh)).status).toBe(202);
  });

  it('answers the 5th concurrent request with 429 MailboxConcurrency', async () => {
    const release = h.sandbox.holdRequests('ava');
    const held = Array.from({ length: 4 }, () => graph('/me'));
    await new Promise((r) => setTimeout(r, 50));
    const fifth = await graph('/me');
    expect(fifth.status).toBe(429);
    expect(await fifth.json()).toMatchObject({
      error: { code: 'ApplicationThrottled', message: 'Application is over its MailboxConcurrency limit.' },
    });
    expect(fifth.headers.get('Retry-After')).toBeTruthy();
    const other = await graph('/me', { bearer: await h.sandbox.issueMicrosoftToken('eli') });
    expect(other.status).toBe(200);
    release();
    expect((await Promise.all(held)).map((r) => r.status)).toEqual([200, 200, 200, 200]);
  });
});
