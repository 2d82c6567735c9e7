import { describe, expect, it } from 'vitest';
import { createHttpApi } from './client';
import { ApiError, type SendwellApi } from './types';

interface Seen {
  url: string;
  method: string;
  authorization: string | null;
  body: unknown;
}

/** A tiny in-memory server: answers by path, records what it was asked. */
function fakeServer(routes: Record<string, { status: number; body: unknown }>) {
  const seen: Seen[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    const headers = new Headers(init.headers);
    seen.push({
      url,
      method: init.method ?? 'GET',
      authorization: headers.get('authorization'),
      body: init.body ? JSON.parse(String(init.body)) : null,
    });
    const route = routes[`${init.method ?? 'GET'} ${url}`];
    if (!route) return new Response('not here', { status: 404, statusText: 'Not Found' });
    return new Response(JSON.stringify(route.body), {
      status: route.status,
      headers: { 'content-type': 'application/json' },
    });
  };
  return { fetch: fetch as typeof globalThis.fetch, seen };
}

const getToken = async () => 'tok-1';

describe('createHttpApi', () => {
  it('sends the bearer token and follows the template pages to the last', async () => {
    const template = (id: string) => ({ id, name: id, subject: 's', body: 'b' });
    const server = fakeServer({
      'GET https://sw.test/api/v1/templates?limit=100': {
        status: 200,
        body: { items: [template('t1'), template('t2')], nextCursor: 'c2' },
      },
      'GET https://sw.test/api/v1/templates?limit=100&cursor=c2': {
        status: 200,
        body: { items: [template('t3')], nextCursor: null },
      },
    });
    const api = createHttpApi({ baseUrl: 'https://sw.test', getToken, fetch: server.fetch });
    expect((await api.listTemplates()).map((t) => t.id)).toEqual(['t1', 't2', 't3']);
    expect(server.seen.map((s) => s.authorization)).toEqual(['Bearer tok-1', 'Bearer tok-1']);
  });

  it.each([
    ['getMe', 'GET /api/v1/me'],
    ['getChannel', 'GET /api/v1/channel?host=outlook'],
    ['getQuota', 'GET /api/v1/quota?host=outlook'],
    ['getConnections', 'GET /api/v1/connections'],
  ] as const)('%s calls %s', async (method, route) => {
    const server = fakeServer({ [route]: { status: 200, body: {} } });
    const api = createHttpApi({ baseUrl: '', getToken, fetch: server.fetch });
    await api[method]();
    expect(server.seen.map((s) => `${s.method} ${s.url}`)).toEqual([route]);
  });

  it("asks a template's analytics and starts a connection under /api/v1", async () => {
    const server = fakeServer({
      'GET /api/v1/analytics/templates/t%201': { status: 200, body: { templateId: 't 1' } },
      'POST /api/v1/connections/google/start': { status: 200, body: { authorizationUrl: 'x' } },
    });
    const api = createHttpApi({ baseUrl: '', getToken, fetch: server.fetch });
    await api.getTemplateAnalytics('t 1');
    await api.startConnect('google');
    expect(server.seen.map((s) => s.url)).toEqual([
      '/api/v1/analytics/templates/t%201',
      '/api/v1/connections/google/start',
    ]);
  });

  // Issue 9's compose extras: each call's route, method and body (what the server's routes take).
  it.each([
    {
      call: (api: SendwellApi) => api.searchTemplates('quick intro'),
      route: 'GET /api/v1/templates?q=quick+intro&limit=100',
      body: null,
      answer: { items: [], nextCursor: null },
    },
    {
      call: (api: SendwellApi) => api.recentTemplates(),
      route: 'GET /api/v1/templates/recent',
      body: null,
      answer: { items: [] },
    },
    {
      call: (api: SendwellApi) => api.cancelSend('s/1'),
      route: 'POST /api/v1/sends/s%2F1/cancel',
      body: null,
      answer: {},
    },
    {
      call: (api: SendwellApi) => api.listCampaigns(),
      route: 'GET /api/v1/campaigns?scope=mine&limit=100',
      body: null,
      answer: { items: [], nextCursor: null },
    },
    {
      call: (api: SendwellApi) => api.enrol('c1', [{ email: 'ada@acme.test', displayName: 'Ada' }]),
      route: 'POST /api/v1/campaigns/c1/enrolments',
      body: { people: [{ email: 'ada@acme.test', displayName: 'Ada' }], source: 'outlook' },
      answer: {},
    },
    {
      call: (api: SendwellApi) => api.getPerson('ada+x@acme.test'),
      route: 'GET /api/v1/people/ada%2Bx%40acme.test',
      body: null,
      answer: {},
    },
    {
      call: (api: SendwellApi) => api.removePerson('ada@acme.test', 'c1'),
      route: 'POST /api/v1/people/ada%40acme.test/remove',
      body: { campaignId: 'c1' },
      answer: {},
    },
  ])('calls $route', async ({ call, route, body, answer }) => {
    const server = fakeServer({ [route]: { status: 200, body: answer } });
    await call(createHttpApi({ baseUrl: '', getToken, fetch: server.fetch }));
    expect(server.seen.map((s) => [`${s.method} ${s.url}`, s.body])).toEqual([[route, body]]);
  });

  it('posts a send as JSON and returns the accepted sends', async () => {
    const send = {
      id: 's1',
      status: 'queued',
      sendAt: '2026-03-02T09:00:00Z',
      channel: {},
      explanation: 'x',
    };
    const second = { ...send, id: 's2' };
    const server = fakeServer({
      'POST /api/v1/sends': { status: 202, body: { send, sends: [send, second], duplicate: false } },
    });
    const api = createHttpApi({ baseUrl: '', getToken, fetch: server.fetch });
    const request = {
      host: 'outlook' as const,
      to: ['a@b.test'],
      subject: 'S',
      body: 'B',
      idempotencyKey: 'k1',
    };
    expect(await api.createSend(request)).toEqual({ send, sends: [send, second], duplicate: false });
    expect(server.seen[0]).toMatchObject({ method: 'POST', body: request });
  });

  it('reads a duplicate answer (HTTP 200): nothing new was sent', async () => {
    const send = { id: 's1', status: 'submitted', sendAt: null };
    const server = fakeServer({
      'POST /api/v1/sends': { status: 200, body: { send, sends: [send], duplicate: true } },
    });
    const api = createHttpApi({ baseUrl: '', getToken, fetch: server.fetch });
    const request = {
      host: 'outlook' as const,
      to: ['a@b.test'],
      subject: 'S',
      body: 'B',
      idempotencyKey: 'k1',
    };
    expect(await api.createSend(request)).toMatchObject({ duplicate: true, sends: [send] });
  });

  it.each([
    [
      'the server error JSON',
      { status: 409, body: { error: { code: 'no-native-mailbox', message: 'None is connected.' } } },
      'no-native-mailbox',
      'None is connected.',
    ],
    [
      'a body without error JSON',
      { status: 500, body: { oops: true } },
      'http-500',
      'The server answered 500',
    ],
  ])('surfaces %s as {code, message}', async (_case, route, code, message) => {
    const server = fakeServer({ 'GET /api/v1/channel?host=outlook': route });
    const api = createHttpApi({ baseUrl: '', getToken, fetch: server.fetch });
    const error = await api.getChannel().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code, status: route.status });
    expect((error as ApiError).message).toContain(message);
  });

  it('turns a missing token into an auth-unavailable error without calling the server', async () => {
    const server = fakeServer({});
    const api = createHttpApi({
      baseUrl: '',
      getToken: async () => Promise.reject(new Error('Sign-in is not configured')),
      fetch: server.fetch,
    });
    await expect(api.getQuota()).rejects.toMatchObject({ code: 'auth-unavailable' });
    expect(server.seen).toEqual([]);
  });
});
