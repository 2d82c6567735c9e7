import { apiErrorSchema, meSchema } from '@sendwell/core';
import { describe, expect, it, vi } from 'vitest';
import { ApiError, apiUrl, createApiClient } from './client';

/** A fetch that answers one JSON body and records what it was asked. */
function answering(status: number, body: unknown) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  }) as unknown as typeof globalThis.fetch;
  return { fetch, calls };
}

const error = (code: string, message: string) => apiErrorSchema.parse({ error: { code, message } });

describe('apiUrl', () => {
  it.each([
    ['no query', '/sends', {}, '/api/v1/sends'],
    ['empty values left out', '/sends', { q: '', status: undefined, cursor: null }, '/api/v1/sends'],
    ['values encoded', '/sends', { q: 'a b&c', limit: 25 }, '/api/v1/sends?q=a+b%26c&limit=25'],
  ])('%s', (_label, path, query, url) => {
    expect(apiUrl('', path, query)).toBe(url);
  });
});

describe('the API client', () => {
  it('sends the session token and JSON, and checks the answer against core’s schema', async () => {
    const me = {
      user: { id: 'u1', email: 'a@x.test', name: 'A', legacy: false, role: 'rep', tenantId: 't' },
      mailboxes: [],
    };
    const { fetch, calls } = answering(200, me);
    const api = createApiClient({ token: 'sws_abc.def', fetch });
    expect(await api.get('/me', { schema: meSchema })).toEqual(me);
    await api.put('/channels/choice', { channelId: null });
    expect(calls[0]!.url).toBe('/api/v1/me');
    expect((calls[0]!.init.headers as Record<string, string>).authorization).toBe('Bearer sws_abc.def');
    expect(calls[1]!.init).toMatchObject({ method: 'PUT', body: JSON.stringify({ channelId: null }) });
  });

  it('refuses an answer that is not the documented shape', async () => {
    const { fetch } = answering(200, { user: { id: 7 } });
    await expect(createApiClient({ token: 't', fetch }).get('/me', { schema: meSchema })).rejects.toThrow();
  });

  it.each([
    [
      'the server’s error',
      409,
      error('not-queued', 'This send already went.'),
      'not-queued',
      'This send already went.',
    ],
    ['a body without the envelope', 502, { oops: true }, 'http-502', 'The server answered 502.'],
  ])('turns %s into an ApiError', async (_label, status, body, code, message) => {
    const { fetch } = answering(status, body);
    const failure = await createApiClient({ token: 't', fetch })
      .post('/sends/s1/cancel')
      .catch((e) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status, code, message });
  });

  it.each([
    ['session-expired', true],
    ['invalid-token', true],
    ['admin-only', false],
  ])('a 401/403 %s ends the session: %s', async (code, ends) => {
    const { fetch } = answering(code === 'admin-only' ? 403 : 401, error(code, 'No.'));
    const onSessionEnded = vi.fn();
    await createApiClient({ token: 't', fetch, onSessionEnded })
      .get('/members')
      .catch(() => {});
    expect(onSessionEnded).toHaveBeenCalledTimes(ends ? 1 : 0);
  });
});
