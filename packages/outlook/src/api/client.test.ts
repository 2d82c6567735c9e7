import { describe, expect, it } from 'vitest';
import { createHttpApi } from './client';
import { ApiError } from './types';

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
  it('sends the bearer token and unwraps the templates list', async () => {
    const server = fakeServer({
      'GET https://sw.test/api/templates': {
        status: 200,
        body: { templates: [{ id: 't1', name: 'Intro', subject: 's', body: 'b' }] },
      },
    });
    const api = createHttpApi({ baseUrl: 'https://sw.test', getToken, fetch: server.fetch });
    expect((await api.listTemplates()).map((template) => template.id)).toEqual(['t1']);
    expect(server.seen[0]!.authorization).toBe('Bearer tok-1');
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
      'POST /api/sends': { status: 202, body: { send, sends: [send, second], duplicate: false } },
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
      'POST /api/sends': { status: 200, body: { send, sends: [send], duplicate: true } },
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
    const server = fakeServer({ 'GET /api/channel?host=outlook': route });
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
