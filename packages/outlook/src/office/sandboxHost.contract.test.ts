import { escapeHtml } from '@sendwell/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fakeOfficeSource from '../../../sandbox/src/outlook-host/fakeOffice.js?raw';
import hostSource from '../../../sandbox/src/outlook-host/host.js?raw';
import naaBridgeSource from '../../../sandbox/src/outlook-host/naaBridge.js?raw';
import { connectOffice } from './connect';
import type { ComposeItem } from './types';

/**
 * The seam between this pane and the sandbox's fake Outlook (packages/sandbox/src/outlook-host): the
 * host page's real scripts run in this test's DOM, and the pane's real bootstrap and adapter talk to
 * them through the `__sendwellSandboxOffice` handshake. Sign-in is the production one: the real
 * msal-browser nestable client against the host's nested app auth bridge. The markup mirrors the host
 * page's fields (that page's own route tests pin those test ids).
 */
const MARKUP = `
  <select data-testid="host-user"></select>
  <select data-testid="host-account-type">
    <option value="office365">office365</option><option value="outlookCom">outlookCom</option>
  </select>
  <span data-testid="host-status"></span>
  <main>
  <input data-testid="host-to"><input data-testid="host-cc"><input data-testid="host-bcc"><input data-testid="host-subject">
  <div data-testid="host-body" contenteditable="true"></div>
  </main>`;

const USERS = [
  { id: 'ava', email: 'ava@contoso.test', name: 'Ava Reyes', provider: 'exchange' },
  { id: 'gus', email: 'gus@acme.test', name: 'Gus Ibarra', provider: 'gmail' },
];

const CLIENT_ID = '9f2c7a41-5b3e-4d8a-b6f1-2e4c8d0a7b35';
const API_AUDIENCE = `api://sendwell.test/${CLIENT_ID}`;
const TENANT = '7f3c1e52-9d4a-4b6e-8a21-3c5d0f9b1a10';
/** What `GET /api/v1/auth-config` answers (the server's; public). */
const AUTH_CONFIG = {
  microsoft: {
    clientId: CLIENT_ID,
    authority: `https://sendwell.test/sandbox/login/${TENANT}`,
    apiScope: `${API_AUDIENCE}/access_as_user`,
  },
};

const tokenRequests: { userId: string; kind: string; audience: string }[] = [];
const realFetch = globalThis.fetch;
let minted = 0;

const base64url = (value: object) =>
  btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');

/** A token shaped as the sandbox's dev token route mints them (claims only; signatures are the API's business). */
function sandboxToken(userId: string, audience: string): string {
  const user = USERS.find((candidate) => candidate.id === userId)!;
  const claims = {
    iss: `https://sendwell.test/sandbox/login/${TENANT}/v2.0`,
    aud: audience,
    tid: TENANT,
    oid: `oid-${user.id}`,
    sub: `oid-${user.id}`,
    preferred_username: user.email,
    name: user.name,
    exp: 4102444800,
    n: ++minted,
  };
  return `${base64url({ alg: 'RS256', typ: 'JWT' })}.${base64url(claims)}.sig`;
}

/** The sandbox's dev endpoints, as the host page calls them, and the server's auth config. */
async function endpoints(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const url = String(input);
  if (url === '/api/v1/auth-config') return Response.json(AUTH_CONFIG);
  if (url === '/sandbox/dev/users') return Response.json({ users: USERS });
  if (url === '/sandbox/dev/token' && init?.method === 'POST') {
    const request = JSON.parse(String(init.body));
    tokenRequests.push(request);
    return Response.json({ token: sandboxToken(request.userId, request.audience) });
  }
  return new Response('not found', { status: 404 });
}

const claimsOf = (token: string) =>
  JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;

function field(testId: string): HTMLInputElement {
  return document.querySelector(`[data-testid="${testId}"]`) as HTMLInputElement;
}

async function connectedPane(): Promise<ComposeItem> {
  const pane = {
    location: { search: '?sandbox=1', href: 'https://sendwell.test/outlook/taskpane.html?sandbox=1' },
    parent: window,
  } as unknown as Window & { nestedAppAuthBridge?: unknown };
  const connection = await connectOffice(pane);
  if (connection.outcome !== 'ready') throw new Error(connection.message);
  // In a browser the pane is its own window; here MSAL reads this test's global one.
  (window as unknown as { nestedAppAuthBridge?: unknown }).nestedAppAuthBridge = pane.nestedAppAuthBridge;
  return connection.item;
}

beforeEach(() => {
  tokenRequests.length = 0;
  globalThis.fetch = endpoints as typeof fetch;
  document.body.innerHTML = MARKUP;
  const config = document.createElement('script');
  config.type = 'application/json';
  config.id = 'sendwell-host-config';
  config.textContent = JSON.stringify({ paneUrl: '/outlook/taskpane.html', devBase: '/sandbox/dev' });
  document.head.append(config);
  new Function(fakeOfficeSource)();
  new Function(naaBridgeSource)();
  new Function(hostSource)();
});

afterEach(() => {
  globalThis.fetch = realFetch;
  delete (window as unknown as Record<string, unknown>).__sendwellSandboxOffice;
  delete (window as unknown as Record<string, unknown>).nestedAppAuthBridge;
  history.replaceState(null, '', '/');
  document.head.querySelector('#sendwell-host-config')?.remove();
});

describe('pane ↔ sandbox Outlook host', () => {
  it('signs the pane in as the first Exchange user, with an office365 account', async () => {
    const item = await connectedPane();
    expect([item.userEmail, item.userName, item.accountType]).toEqual([
      'ava@contoso.test',
      'Ava Reyes',
      'office365',
    ]);
    expect(field('host-user').value).toBe('ava');
  });

  it("reads the host's recipient fields with display names", async () => {
    const item = await connectedPane();
    field('host-to').value = 'Ada Lovelace <ada@prospect.test>, bob@prospect.test';
    field('host-cc').value = 'eli@contoso.test';
    expect(await item.getRecipients()).toEqual({
      to: [{ email: 'ada@prospect.test', displayName: 'Ada Lovelace' }, { email: 'bob@prospect.test' }],
      cc: [{ email: 'eli@contoso.test' }],
      bcc: [],
    });
  });

  it("writes subject and HTML body into the host's fields", async () => {
    const item = await connectedPane();
    await item.setSubject('Quick idea for Ada');
    await item.setBody('<p>Hi Ada,</p>');
    await item.insertHtml('<p>More</p>');
    expect(field('host-subject').value).toBe('Quick idea for Ada');
    expect(field('host-body').innerHTML).toBe('<p>Hi Ada,</p><p>More</p>');
    expect(await item.getSubject()).toBe('Quick idea for Ada');
    expect(await item.getBody()).toBe('<p>Hi Ada,</p><p>More</p>');
  });

  it("inserts at the caret the rep left in the host's body", async () => {
    const item = await connectedPane();
    const body = field('host-body');
    body.innerHTML = '<p>A</p><p>C</p>';
    const caret = document.createRange();
    caret.setStartAfter(body.firstChild!);
    caret.collapse(true);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(caret);
    document.dispatchEvent(new Event('selectionchange'));
    await item.insertHtml('<p>B</p>');
    expect(body.innerHTML).toBe('<p>A</p><p>B</p><p>C</p>');
  });

  it("signs in through MSAL's nested app auth: the host mints a token whose audience is the API scope's resource", async () => {
    const item = await connectedPane();
    const token = await item.getAccessToken();
    expect(claimsOf(token)).toMatchObject({ aud: API_AUDIENCE, preferred_username: 'ava@contoso.test' });
    expect(await item.getAccessToken()).toBe(token); // MSAL's cache: the host is not asked again
    expect(tokenRequests).toEqual([
      { userId: 'ava', kind: 'microsoft-access', audience: API_AUDIENCE },
      { userId: 'ava', kind: 'microsoft-access', audience: CLIENT_ID }, // the ID token MSAL reads the account from
    ]);
  });

  it('surfaces an over-long subject as an Outlook error', async () => {
    const item = await connectedPane();
    await expect(item.setSubject('x'.repeat(300))).rejects.toMatchObject({
      officeErrorName: 'DataExceedsMaximumSize',
    });
  });

  it('remembers the draft state in session data, for a pane reopened on the same draft', async () => {
    const first = await connectedPane();
    expect(first.memory.persistent).toBe(true);
    expect(await first.memory.read()).toBeNull();
    await first.memory.write('{"version":1}');
    const reopened = await connectedPane();
    expect(await reopened.memory.read()).toBe('{"version":1}');
  });

  it("closes the draft through the host's compose window", async () => {
    const item = await connectedPane();
    expect(item.close).not.toBeNull();
    item.close?.();
    expect(document.querySelector('[data-testid="host-closed"]')).not.toBeNull();
    expect(field('host-body')).toBeNull();
  });

  it('keeps merged names as text and never lets markup from a name run in the body', async () => {
    const item = await connectedPane();
    const name = '<img src=x onerror=alert(1)>';
    await item.setBody(`<p>Hi ${escapeHtml(name)}</p>`);
    expect(field('host-body').textContent).toBe(`Hi ${name}`);
    await item.insertHtml('<p><img src="x" onerror="alert(1)"><script>alert(2)</script></p>');
    const body = field('host-body');
    expect(body.querySelector('[onerror]')).toBeNull();
    expect(body.querySelector('script')).toBeNull();
  });

  it("reports Office's display language", async () => {
    expect((await connectedPane()).displayLanguage).toBe('en-US');
  });
});

describe('nested app auth without consent yet (host opened with ?naaConsent=prompt)', () => {
  async function paneAskingConsent() {
    history.replaceState(null, '', '/sandbox/outlook?naaConsent=prompt');
    new Function(hostSource)(); // the host page, opened with that query
    return connectedPane();
  }

  async function consentButton(testId: string): Promise<HTMLButtonElement> {
    await expect.poll(() => document.querySelector(`[data-testid="${testId}"]`)).not.toBeNull();
    return document.querySelector(`[data-testid="${testId}"]`) as HTMLButtonElement;
  }

  it('answers the silent request "interaction required", so MSAL prompts; accepting signs the pane in', async () => {
    const item = await paneAskingConsent();
    const token = item.getAccessToken();
    (await consentButton('naa-consent-accept')).click();
    expect(claimsOf(await token)).toMatchObject({ aud: API_AUDIENCE });
    expect(document.querySelector('[data-testid="naa-consent"]')).toBeNull();
  });

  it('cancelling the prompt reaches the pane as a cancelled sign-in', async () => {
    const item = await paneAskingConsent();
    const token = item.getAccessToken();
    (await consentButton('naa-consent-cancel')).click();
    await expect(token).rejects.toMatchObject({ name: 'SignInError', reason: 'cancelled' });
    expect(tokenRequests).toEqual([]);
  });
});
