import type { FeedEvent, FeedEventType } from '@sendwell/core';
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { listEvents } from '../store/events';
import type { EventRow } from '../store/rows';
import type { ApiDeps, ApiEnv } from './context';

export const publicEvent = (e: EventRow): FeedEvent => ({
  id: e.id,
  // Stored types are the feed's types: only the workers and the send service write events.
  type: e.type as FeedEventType,
  at: e.at.toISOString(),
  sendId: e.sendId,
  templateId: e.templateId,
  recipient: e.recipient,
  detail: e.detail,
});

/** Live feed over server-sent events: replays recent events (or those after Last-Event-ID), then streams. */
export function feedRoute(deps: ApiDeps): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  app.get('/feed/recent', async (c) =>
    c.json({ events: (await listEvents(deps.db, c.get('user').id, 0, 50)).map(publicEvent).reverse() }),
  );
  app.get('/feed', (c) => {
    const user = c.get('user');
    const after = Number(c.req.header('last-event-id') ?? 0) || 0;
    return streamSSE(c, async (stream) => {
      const queue: EventRow[] = [];
      let wake: (() => void) | null = null;
      const unsubscribe = deps.hub.subscribe(user.id, (event) => {
        queue.push(event);
        wake?.();
      });
      stream.onAbort(unsubscribe);
      let lastId = after;
      for (const event of await listEvents(deps.db, user.id, after, after ? 500 : 20)) {
        lastId = event.id;
        await stream.writeSSE({
          id: String(event.id),
          event: 'message',
          data: JSON.stringify(publicEvent(event)),
        });
      }
      while (!stream.aborted) {
        const event = queue.shift();
        if (!event) {
          await new Promise<void>((resolve) => {
            wake = resolve;
            setTimeout(resolve, 15_000); // heartbeat keeps proxies from closing an idle stream
          });
          wake = null;
          if (!queue.length && !stream.aborted) await stream.writeSSE({ event: 'ping', data: '{}' });
          continue;
        }
        if (event.id <= lastId) continue;
        lastId = event.id;
        await stream.writeSSE({
          id: String(event.id),
          event: 'message',
          data: JSON.stringify(publicEvent(event)),
        });
      }
      unsubscribe();
    });
  });
  return app;
}
