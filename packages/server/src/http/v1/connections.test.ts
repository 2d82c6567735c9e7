import { translate } from '@sendwell/core';
import { Hono } from 'hono';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ConnectionTestbed, IDENTITY, openConnectionTestbed } from '../../connections/connectionTestbed';
import { ApiError } from '../../services/errors';
import { listAudit } from '../../store/audit';
import { loadCredential } from '../../store/credentials';
import { findUser } from '../../store/users';
import { connectPages } from '../connectPages';
import { errorResponse } from '../errors';
import { newV1App, v1Middleware } from './app';
import { connectionsRoutes } from './connections';

// The connection routes and the provider's redirect page, as a browser and a client reach them.
describe('connection routes and the callback page', () => {
  let bed: ConnectionTestbed;
  let app: Hono;

  beforeAll(async () => {
    bed = await openConnectionTestbed('pglite');
    // A bearer token here is the user's id: the real `authenticate` is the composition root's.
    const authenticate = async (token: string) => {
      const user = await findUser(bed.db, token);
      if (!user) throw new ApiError(401, 'invalid-token', 'The token is not valid for Sendwell.');
      return user;
    };
    app = new Hono();
    app.onError((error, c) => errorResponse(error, c, bed.deps.logger));
    const v1 = newV1App();
    v1Middleware(v1, { authenticate });
    connectionsRoutes(v1, {
      db: bed.db,
      clock: bed.deps.clock,
      connections: bed.service,
      providers: { microsoft: null },
    });
    app.route('/api/v1', v1);
    app.route('/connect', connectPages(bed.service));
  });
  beforeEach(async () => {
    await bed.reset();
  });
  afterAll(async () => {
    await bed.db.close();
  });

  const api = (user: string | null, method: string, path: string) =>
    app.request(`/api/v1${path}`, { method, headers: user ? { authorization: `Bearer ${user}` } : {} });
  /** Starts through the API and answers what the provider's redirect would carry. */
  const startAndRedirect = async (
    user: string,
    provider: 'google' | 'microsoft',
    answer: (state: string) => Record<string, string>,
    headers: Record<string, string> = {},
  ) => {
    const started = await (await api(user, 'POST', `/connections/${provider}/start`)).json();
    const state = new URL(started.authorizationUrl).searchParams.get('state')!;
    const query = new URLSearchParams({ state, ...answer(state) });
    return app.request(`/connect/callback/${provider}?${query}`, { headers });
  };

  it('needs a token', async () => {
    const response = await api(null, 'GET', '/connections');
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe('unauthenticated');
  });

  it('connects through start and the callback page, and lists the connection', async () => {
    const page = await startAndRedirect('gus', 'google', (s) => ({
      code: bed.clients.google.consent(s, IDENTITY.gus!),
    }));
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await page.text();
    expect(html).toContain('Connected to Gmail as gus@acme.test. You can close this window.');
    expect(html).toContain('messageParent');
    expect(html).toContain('window.close()');
    const { connections, connectable } = await (await api('gus', 'GET', '/connections')).json();
    expect(connectable).toEqual(['microsoft', 'google']);
    expect(connections).toEqual([
      expect.objectContaining({
        provider: 'gmail',
        address: 'gus@acme.test',
        state: 'connected',
        heldSends: 0,
      }),
    ]);
    // No secret reaches the page or the API answer.
    const { secret } = (await loadCredential(bed.db, bed.vault, connections[0].mailboxId))!;
    expect(html).not.toContain(secret);
    expect(JSON.stringify(connections)).not.toContain(secret);
  });

  it('refuses another person’s consent on the page, with a link to try again', async () => {
    const page = await startAndRedirect('eli', 'microsoft', (s) => ({
      code: bed.clients.microsoft.consent(s, IDENTITY.ava!),
    }));
    expect(page.status).toBe(400);
    const html = await page.text();
    expect(html).toContain('role="alert"');
    expect(html).toContain(
      'You are signed in to Sendwell as eli@contoso.test but connected ava@contoso.test.',
    );
    expect(html).toMatch(/<a href="https:\/\/idp\.example\/tid-contoso\/authorize\?[^"]+">Try again<\/a>/);
    expect(html).not.toContain('window.close()');
  });

  it.each([
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-Hans'],
    ['en-GB,en;q=0.9', 'en'],
  ] as const)('words the page in the browser’s language (%s)', async (acceptLanguage, locale) => {
    const page = await startAndRedirect(
      'eli',
      'microsoft',
      (s) => ({ code: bed.clients.microsoft.consent(s, IDENTITY.ava!) }),
      { 'accept-language': acceptLanguage },
    );
    const html = await page.text();
    expect(html).toContain(`<html lang="${locale}">`);
    expect(html).toContain(
      translate(locale, 'connect.refused.wrong-identity', {
        signedIn: 'eli@contoso.test',
        connected: 'ava@contoso.test',
      }),
    );
    expect(html).toContain(`>${translate(locale, 'connect.page.tryAgain')}</a>`);
  });

  it('never echoes the query unescaped', async () => {
    const attack = '<img src=x onerror=alert(1)>';
    const page = await startAndRedirect('gus', 'google', () => ({
      error: 'server_error',
      error_description: attack,
    }));
    const html = await page.text();
    expect(html).not.toContain('<img');
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
    const forged = await app.request(`/connect/callback/google?state=${encodeURIComponent(attack)}&code=x`);
    expect(await forged.text()).not.toContain('<img');
  });

  it('answers a page, not a crash, for a provider it does not know', async () => {
    const page = await app.request('/connect/callback/yahoo?code=1&state=2');
    expect(page.status).toBe(404);
    expect(await page.text()).toContain('Sendwell connects Microsoft 365 and Gmail mailboxes only.');
  });

  it('refuses an unknown provider at start', async () => {
    const response = await api('gus', 'POST', '/connections/yahoo/start');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'invalid-request' } });
  });

  /** The rep's disconnect is a DELETE of the connection; an admin's disable and enable are actions on it. */
  const act = (who: string, action: 'disable' | 'enable' | 'disconnect') =>
    action === 'disconnect'
      ? api(who, 'DELETE', '/connections/mbx-ava')
      : api(who, 'POST', `/connections/mbx-ava/${action}`);

  it.each([
    ['eli', 'disable', 403, 'admin-only'],
    ['zed', 'disable', 404, 'connection-not-found'],
    ['eli', 'disconnect', 404, 'connection-not-found'],
  ] as const)('%s may not %s ava’s mailbox (%i)', async (who, action, status, code) => {
    const response = await act(who, action);
    expect(response.status).toBe(status);
    expect((await response.json()).error.code).toBe(code);
  });

  it('lets the admin disable and enable, and the owner disconnect', async () => {
    for (const [who, action, state] of [
      ['ava', 'disable', 'disabled'],
      ['ava', 'enable', 'connected'],
      ['ava', 'disconnect', 'disconnected'],
    ] as const) {
      const response = await act(who, action);
      expect(response.status).toBe(200);
      expect((await response.json()).connection).toMatchObject({ mailboxId: 'mbx-ava', state });
    }
    const audit = await listAudit(bed.db, (await findUser(bed.db, 'ava'))!.tenantId, {
      beforeId: null,
      limit: 10,
    });
    expect(audit.map((e) => [e.action, e.target, e.before, e.after])).toEqual([
      [
        'connection.enabled',
        'mbx-ava',
        { state: 'disabled' },
        expect.objectContaining({ state: 'connected' }),
      ],
      [
        'connection.disabled',
        'mbx-ava',
        { state: 'connected' },
        expect.objectContaining({ state: 'disabled' }),
      ],
    ]);
  });
});
