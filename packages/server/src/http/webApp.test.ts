import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import { ManualClock, silentLogger } from '@sendwell/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSigned, SESSION_TTL_MS, signed } from '../auth/sessionTokens';
import { loadConfig } from '../config/config';
import { createSendwell, type Sendwell } from '../sendwell';
import { loadVaultSecrets } from '../vault/secrets';
import { webAppRoutes } from './webApp';

// A sandbox-mode Sendwell on loopback: the browser's side of the sign-in is played with fetch
// (cookies kept by hand), against the sandbox's real Entra and Google consent pages and token
// endpoints, so the ID token is signed, issued and checked as it would be with the real providers.
describe('web app sign-in (sandbox providers)', () => {
  const clock = new ManualClock('2026-03-02T10:00:00Z');
  const dataDir = mkdtempSync(join(tmpdir(), 'sendwell-webapp-'));
  let server: ServerType;
  let sendwell: Sendwell;
  let base: string;

  beforeAll(async () => {
    const s = await new Promise<{ server: ServerType; port: number }>((resolve) => {
      const srv = serve({ fetch: (r) => sendwell.app.fetch(r), port: 0, hostname: '127.0.0.1' }, (info) =>
        resolve({ server: srv, port: info.port }),
      );
    });
    server = s.server;
    base = `http://127.0.0.1:${s.port}`;
    sendwell = await createSendwell(loadConfig({ port: s.port, dataDir }, { SENDWELL_BASE_URL: base }), {
      clock,
      logger: silentLogger,
    });
  });
  afterAll(async () => {
    server?.close();
    await sendwell?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const cookieOf = (response: Response, name: string) =>
    response.headers
      .getSetCookie()
      .find((c) => c.startsWith(`${name}=`))
      ?.split(';')[0]
      ?.slice(name.length + 1);
  const get = (path: string, cookie = '') =>
    fetch(path.startsWith('http') ? path : `${base}${path}`, { redirect: 'manual', headers: { cookie } });

  /** Start → the provider's account picker → accept as `account` → the redirect back to our callback. */
  async function consent(provider: 'microsoft' | 'google', account: string, decision = 'accept') {
    const start = await get(`/app/auth/start/${provider}`);
    expect(start.status).toBe(302);
    const pending = cookieOf(start, 'sw_signin')!;
    const picker = await get(start.headers.get('location')!);
    const html = await picker.text();
    const request = /name="request" value="([^"]+)"/.exec(html)?.[1];
    expect(request, html).toBeTruthy();
    const answer = await fetch(picker.url, {
      method: 'POST',
      redirect: 'manual',
      body: new URLSearchParams({ request: request!, account, decision }),
    });
    return { pending, callback: answer.headers.get('location')! };
  }

  async function signIn(provider: 'microsoft' | 'google', account: string) {
    const { pending, callback } = await consent(provider, account);
    const back = await get(callback, `sw_signin=${pending}`);
    return { back, session: cookieOf(back, 'sw_session') };
  }

  it.each([
    ['microsoft', 'ava', 'ava@contoso.test', 'admin'],
    ['microsoft', 'eli', 'eli@contoso.test', 'rep'],
    ['google', 'gus', 'gus@acme.test', 'admin'],
  ] as const)(
    '%s: %s signs in, gets a session and calls the API with its token',
    async (provider, id, email, role) => {
      const { back, session } = await signIn(provider, id);
      expect(back.status).toBe(302);
      expect(back.headers.get('location')).toBe('/app/');
      const setCookie = back.headers.getSetCookie().find((c) => c.startsWith('sw_session='))!;
      expect(setCookie).toMatch(/HttpOnly/i);
      expect(setCookie).toMatch(/SameSite=Lax/i);
      expect(setCookie).toMatch(/Path=\/app(;|$)/);
      const answer = await get('/app/session', `sw_session=${session}`);
      expect(answer.status).toBe(200);
      const body = await answer.json();
      expect(body.user).toMatchObject({ id, email, role });
      expect(body.token).toBe(session);
      const me = await fetch(`${base}/api/v1/me`, { headers: { authorization: `Bearer ${body.token}` } });
      expect(me.status).toBe(200);
      expect((await me.json()).user.id).toBe(id);
    },
  );

  it('asks the provider only who the person is (no mailbox scope), with PKCE and a nonce', async () => {
    const start = await get('/app/auth/start/microsoft');
    const url = new URL(start.headers.get('location')!);
    expect(url.searchParams.get('scope')).toBe('openid profile email');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('nonce')).toBeTruthy();
    expect(url.searchParams.get('redirect_uri')).toBe(`${base}/app/auth/callback/microsoft`);
  });

  const tamperedNonce = (pending: string) => {
    const secret = loadVaultSecrets(dataDir)[0]!;
    const payload = readSigned(secret, 'web-signin', decodeURIComponent(pending))!;
    return encodeURIComponent(signed(secret, 'web-signin', { ...payload, nonce: 'someone-elses-nonce' }));
  };

  it.each([
    ['no sign-in cookie', (_p: string, cb: string) => [cb, ''], 'signin-expired'],
    [
      'a forged cookie',
      (p: string, cb: string) => [cb, `sw_signin=${p.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))}`],
      'signin-expired',
    ],
    [
      'another state',
      (p: string, cb: string) => [cb.replace(/state=[^&]+/, 'state=other'), `sw_signin=${p}`],
      'signin-expired',
    ],
    [
      'the cookie of another provider',
      (p: string, cb: string) => [cb.replace('/microsoft?', '/google?'), `sw_signin=${p}`],
      'signin-expired',
    ],
    [
      'an ID token without our nonce',
      (p: string, cb: string) => [cb, `sw_signin=${tamperedNonce(p)}`],
      'signin-invalid',
    ],
  ])('refuses a callback with %s, without a session', async (_label, tamper, code) => {
    const { pending, callback } = await consent('microsoft', 'ava');
    const [url, cookie] = tamper(pending, callback);
    const back = await get(url!, cookie);
    expect(back.status).toBe(302);
    expect(back.headers.get('location')).toBe(`/app/signin?error=${code}`);
    expect(cookieOf(back, 'sw_session')).toBeUndefined();
  });

  it('a person who cancels at the provider is told so', async () => {
    const { pending, callback } = await consent('google', 'gus', 'cancel');
    const back = await get(callback, `sw_signin=${pending}`);
    expect(back.headers.get('location')).toBe('/app/signin?error=signin-cancelled');
  });

  it('a session ends after 8 hours: the session route and the API both say so', async () => {
    const { session } = await signIn('microsoft', 'eli');
    clock.advance(SESSION_TTL_MS + 1000);
    const answer = await get('/app/session', `sw_session=${session}`);
    expect(answer.status).toBe(401);
    expect((await answer.json()).error.code).toBe('session-expired');
    const me = await fetch(`${base}/api/v1/me`, { headers: { authorization: `Bearer ${session}` } });
    expect(me.status).toBe(401);
    expect((await me.json()).error.code).toBe('session-expired');
  });

  it('signing out clears the cookie; without it there is no session', async () => {
    const out = await fetch(`${base}/app/signout`, { method: 'POST' });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie().find((c) => c.startsWith('sw_session='))).toMatch(/Max-Age=0/i);
    expect((await get('/app/session')).status).toBe(401);
  });

  it('lists the providers this server signs in with', async () => {
    expect(await (await get('/app/auth/providers')).json()).toEqual({ providers: ['microsoft', 'google'] });
  });
});

describe('web app files', () => {
  const dist = mkdtempSync(join(tmpdir(), 'sendwell-webdist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Sendwell app</title>');
  writeFileSync(join(dist, 'assets', 'app-1234.js'), 'console.log(1)');
  const app = webAppRoutes({
    db: null as never, // the file routes never touch storage
    clock: new ManualClock('2026-03-02T10:00:00Z'),
    logger: silentLogger,
    secret: Buffer.alloc(32, 7),
    providers: { microsoft: null, google: null, policy: { microsoftTenants: [], googleDomains: [] } },
    baseUrl: 'http://127.0.0.1:1',
    distDir: dist,
  });
  afterAll(() => rmSync(dist, { recursive: true, force: true }));
  const request = (path: string) => app.request(path.replace(/^\/app/, '') || '/');

  it.each([
    ['/app/', 200, 'Sendwell app'],
    ['/app/sends/s_123', 200, 'Sendwell app'],
    ['/app/templates', 200, 'Sendwell app'],
    ['/app/assets/app-1234.js', 200, 'console.log(1)'],
    ['/app/assets/missing-9.js', 404, 'not-found'],
  ])('%s answers %i', async (path, status, text) => {
    const response = await request(path);
    expect(response.status).toBe(status);
    expect(await response.text()).toContain(text);
  });

  it('offers no provider when none is configured, and refuses to start one', async () => {
    expect(await (await request('/auth/providers')).json()).toEqual({ providers: [] });
    const start = await request('/auth/start/microsoft');
    expect(start.headers.get('location')).toBe('/app/signin?error=signin-provider-not-configured');
  });
});
