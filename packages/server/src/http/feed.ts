import type { FeedEvent, FeedEventType } from '@sendwell/core';
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import { type FeedQuery, listFeedEvents } from '../store/events';
import type { EventRow } from '../store/rows';
import type { ApiDeps, ApiEnv } from './context';

export const publicEvent = (e: EventRow): FeedEvent => ({
  id: e.id,
  // Stored types are the feed's types: only the workers and the send service write events.
  type: e.type as FeedEventType,
  at: e.at.toISOString(),
  userId: e.userId,
  sendId: e.sendId,
  templateId: e.templateId,
  recipient: e.recipient,
  detail: e.detail,
});

const POLL_MS = 2_000;
const HEARTBEAT_MS = 15_000;

/** `?scope=mine|team&bouncesOnly=1`: whose events (team = the reader's tenant) and whether only bounces. */
const feedFilter = z.object({
  scope: z.enum(['mine', 'team']).default('mine'),
  bouncesOnly: z
    .enum(['1', '0', 'true', 'false'])
    .optional()
    .transform((v) => v === '1' || v === 'true'),
});

/**
 * Live feed over server-sent events: replays recent events (or those after Last-Event-ID), then
 * streams; `/feed/recent` answers the recent ones at once. Both take the filter above. Events, not
 * rows: the front ends fold them into one row per send with core's `foldFeed`.
 */
export function feedRoute(deps: ApiDeps): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  app.get('/feed/recent', async (c) => {
    const filter = feedFilter.parse(c.req.query());
    const events = await listFeedEvents(deps.db, { userId: c.get('user').id, ...filter, limit: 200 });
    return c.json({ events: events.map(publicEvent).reverse() });
  });
  app.get('/feed', (c) => {
    const user = c.get('user');
    const filter = feedFilter.parse(c.req.query());
    const after = Number(c.req.header('last-event-id') ?? 0) || 0;
    return streamSSE(c, async (stream) => {
      // The events table is the source of truth: the in-process hub only wakes the loop early, and the
      // poll picks up events written by other server instances (and, in the team scope, by teammates).
      let wake: (() => void) | null = null;
      const unsubscribe = deps.hub.subscribe(user.id, () => wake?.());
      stream.onAbort(() => wake?.());
      let lastId = after;
      let quietSince = Date.now();
      let backlog = after ? 500 : 20;
      while (!stream.aborted) {
        const query: FeedQuery = { userId: user.id, ...filter, afterId: lastId, limit: backlog };
        for (const event of await listFeedEvents(deps.db, query)) {
          lastId = event.id;
          quietSince = Date.now();
          await stream.writeSSE({
            id: String(event.id),
            event: 'message',
            data: JSON.stringify(publicEvent(event)),
          });
        }
        backlog = 500;
        if (Date.now() - quietSince >= HEARTBEAT_MS) {
          quietSince = Date.now();
          await stream.writeSSE({ event: 'ping', data: '{}' }); // keeps proxies from closing an idle stream
        }
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, POLL_MS);
        });
        wake = null;
      }
      unsubscribe();
    });
  });
  return app;
}
