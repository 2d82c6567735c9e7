import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gmailUnits } from '../calls/gmailMethods';
import type { CallSummary } from '../calls/log';
import { type Harness, startSandbox } from '../testing/harness';

// The provider call log as the bench and the end-to-end test read it: GET /dev/calls?address=.
let h: Harness;
beforeEach(async () => {
  h = await startSandbox();
});
afterEach(() => h.close());

async function gmail(method: string, path: string, body?: unknown) {
  const token = h.sandbox.issueGoogleAccessToken('gus');
  return fetch(`${h.sandbox.google.rootUrl}gmail/v1/users/me/${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
}

async function graph(method: string, path: string, body?: unknown) {
  const token = await h.sandbox.issueMicrosoftToken('ava');
  return fetch(`${h.sandbox.microsoft.graphBaseUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
}

async function calls(address: string): Promise<CallSummary> {
  const response = await fetch(`${h.baseUrl}/dev/calls?address=${encodeURIComponent(address)}`);
  expect(response.status).toBe(200);
  return response.json();
}

describe('GET /dev/calls', () => {
  it('counts Gmail reads, sends and mutations with their quota units, per mailbox', async () => {
    const raw = Buffer.from('To: pat@example.test\r\nSubject: Hi\r\n\r\nHello\r\n').toString('base64url');
    const sent = await (await gmail('POST', 'messages/send', { raw })).json();
    await gmail('GET', 'profile');
    await gmail('GET', 'messages?q=in:sent');
    await gmail('GET', `messages/${sent.id}?format=metadata`);
    await gmail('GET', `messages/${sent.id}?format=raw`);
    await gmail('GET', 'history?startHistoryId=1');
    // Not served by the sandbox, and still what Sendwell must never do: logged as mutating.
    await gmail('POST', `messages/${sent.id}/modify`, { removeLabelIds: ['UNREAD'] });
    const summary = await calls('GUS@acme.test');
    expect(summary.byRoute).toEqual({
      'POST /gmail/v1/users/{userId}/messages/send': 1,
      'GET /gmail/v1/users/{userId}/profile': 1,
      'GET /gmail/v1/users/{userId}/messages': 1,
      'GET /gmail/v1/users/{userId}/messages/{id}': 2,
      'GET /gmail/v1/users/{userId}/history': 1,
      'POST /gmail/v1/users/{userId}/messages/{id}/modify': 1,
    });
    expect(summary.total).toBe(7);
    expect(summary.sends).toBe(1);
    expect(summary.mutating).toBe(1);
    expect(summary.calls.filter((c) => c.mutating).map((c) => c.status)).toEqual([404]);
    const units = [
      'messages.send',
      'getProfile',
      'messages.list',
      'messages.get',
      'messages.get',
      'history.list',
      'messages.modify',
    ];
    expect(summary.quotaUnits).toBe(units.reduce((sum, name) => sum + gmailUnits(name), 0));
    expect(summary.quotaUnits).toBe(100 + 1 + 5 + 5 + 5 + 2 + 5);
    expect((await calls('ivy@acme.test')).total).toBe(0);
  });

  it('counts Graph calls and a PATCH of a message as mutating', async () => {
    await graph('POST', '/me/sendMail', {
      message: { subject: 'Hi', toRecipients: [{ emailAddress: { address: 'pat@example.test' } }] },
    });
    await graph('GET', '/me/mailFolders/inbox/messages/delta');
    await graph('PATCH', '/me/messages/AAMkADx', { isRead: true });
    const summary = await calls('ava@contoso.test');
    expect(summary.byRoute).toEqual({
      'POST /me/sendMail': 1,
      'GET /me/mailFolders/inbox/messages/delta': 1,
      'PATCH /me/messages/{id}': 1,
    });
    expect(summary).toMatchObject({ total: 3, sends: 1, mutating: 1, quotaUnits: 0 });
  });

  it('does not log requests refused before authentication', async () => {
    await fetch(`${h.sandbox.google.rootUrl}gmail/v1/users/me/profile`, {
      headers: { Authorization: 'Bearer nope' },
    });
    expect((await calls('gus@acme.test')).total).toBe(0);
  });

  it('POST /dev/calls/reset forgets one mailbox or all', async () => {
    await gmail('GET', 'profile');
    await graph('GET', '/me');
    const reset = await fetch(`${h.baseUrl}/dev/calls/reset`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ address: 'gus@acme.test' }),
    });
    expect(await reset.json()).toEqual({ reset: 'gus@acme.test' });
    expect((await calls('gus@acme.test')).total).toBe(0);
    expect((await calls('ava@contoso.test')).total).toBe(1);
    await fetch(`${h.baseUrl}/dev/calls/reset`, { method: 'POST' });
    expect((await calls('ava@contoso.test')).total).toBe(0);
  });

  it.each([
    ['no address', '/dev/calls', 'GET', undefined],
    ['a bad address', '/dev/calls?address=nope', 'GET', undefined],
    ['a bad reset body', '/dev/calls/reset', 'POST', '{"address": 3}'],
    ['a reset body that is not JSON', '/dev/calls/reset', 'POST', 'address=x'],
  ])('refuses %s with 400', async (_label, path, method, body) => {
    const response = await fetch(`${h.baseUrl}${path}`, { method, ...(body ? { body } : {}) });
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe('invalid-request');
  });
});
