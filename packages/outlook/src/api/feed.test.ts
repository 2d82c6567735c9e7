import { describe, expect, it } from 'vitest';
import { type EventSourceLike, type FeedConnection, subscribeFeed } from './feed';
import type { FeedEvent } from './types';

class FakeEventSource implements EventSourceLike {
  readyState = 0;
  onopen: EventSourceLike['onopen'] = null;
  onerror: EventSourceLike['onerror'] = null;
  onmessage: EventSourceLike['onmessage'] = null;
  listeners = new Map<string, (ev: MessageEvent) => void>();
  constructor(readonly url: string) {}
  addEventListener(type: string, listener: (ev: MessageEvent) => void) {
    this.listeners.set(type, listener);
  }
  close() {
    this.readyState = 2;
  }
  /** What the browser does when the server answers the feed request with an error status. */
  refuse() {
    this.readyState = 2;
    this.onerror?.(new Event('error'));
  }
  push(data: unknown, type?: string) {
    const message = new MessageEvent(type ?? 'message', {
      data: typeof data === 'string' ? data : JSON.stringify(data),
    });
    if (type) this.listeners.get(type)!(message);
    else this.onmessage?.(message);
  }
}

function feedServer() {
  const sources: FakeEventSource[] = [];
  let issued = 0;
  const connection: FeedConnection = {
    getToken: async () => `tok ${++issued}`,
    urlFor: (token) => `/api/v1/feed/stream?access_token=${encodeURIComponent(token)}`,
    open: (url) => {
      const source = new FakeEventSource(url);
      sources.push(source);
      return source;
    },
    reconnectDelayMs: 0,
  };
  return { connection, sources };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('subscribeFeed', () => {
  it('opens the feed with the token in the query and delivers tagged and untagged events', async () => {
    const { connection, sources } = feedServer();
    const received: FeedEvent[] = [];
    const unsubscribe = subscribeFeed(connection, { onEvent: (event) => received.push(event) });
    await settle();
    const source = sources[0]!;
    expect(source.url).toBe('/api/v1/feed/stream?access_token=tok%201');
    source.push({ id: 1, type: 'bounce', at: '2026-03-02T09:00:00Z', recipient: 'x@bounce.test' });
    source.push({ id: 2, type: 'send.queued', at: '2026-03-02T09:00:01Z' }, 'send.queued');
    source.push('not json');
    source.push({ no: 'type' });
    source.push({ type: 'bounce', at: '2026-03-02T09:00:02Z' }); // no id: cannot be folded or de-duplicated
    expect(received.map((event) => event.type)).toEqual(['bounce', 'send.queued']);
    expect(received[1]).toEqual({
      id: 2,
      type: 'send.queued',
      at: '2026-03-02T09:00:01Z',
      sendId: null,
      recipient: null,
      templateId: null,
      detail: {},
    });
    unsubscribe();
    expect(source.readyState).toBe(2);
  });

  it('starts over with a fresh token when the server refuses the stream', async () => {
    const { connection, sources } = feedServer();
    const statuses: string[] = [];
    const unsubscribe = subscribeFeed(connection, {
      onEvent: () => {},
      onStatus: (status) => statuses.push(status),
    });
    await settle();
    sources[0]!.refuse();
    await settle();
    expect(sources.map((source) => source.url)).toEqual([
      '/api/v1/feed/stream?access_token=tok%201',
      '/api/v1/feed/stream?access_token=tok%202',
    ]);
    expect(statuses).toEqual(['connecting', 'error', 'connecting']);
    unsubscribe();
  });

  it('leaves reconnecting to the browser while the source is only retrying', async () => {
    const { connection, sources } = feedServer();
    const unsubscribe = subscribeFeed(connection, { onEvent: () => {} });
    await settle();
    sources[0]!.onerror?.(new Event('error')); // readyState still CONNECTING
    await settle();
    expect(sources).toHaveLength(1);
    unsubscribe();
  });

  it('does not reconnect after unsubscribing', async () => {
    const { connection, sources } = feedServer();
    const unsubscribe = subscribeFeed(connection, { onEvent: () => {} });
    await settle();
    unsubscribe();
    sources[0]!.refuse();
    await settle();
    expect(sources).toHaveLength(1);
  });
});
