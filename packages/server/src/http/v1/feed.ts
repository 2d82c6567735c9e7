import { createRoute } from '@hono/zod-openapi';
import type { Logger } from '@sendwell/core';
import {
  type FeedEvent,
  type FeedEventType,
  feedEventSchema,
  feedFilterSchema,
  feedPageSchema,
  pageQuerySchema,
} from '@sendwell/core';
import { streamSSE } from 'hono/streaming';
import { ApiError } from '../../services/errors';
import type { FeedHub } from '../../services/feedHub';
import type { Db } from '../../store/db';
import { type FeedQuery, listFeedEvents } from '../../store/events';
import type { EventRow } from '../../store/rows';
import type { V1App } from './app';
import { decodeIdCursor, encodeIdCursor } from './paging';
import { errorResponses, failure, json } from './responses';

export const publicEvent = (e: EventRow): FeedEvent => ({
  id: e.id,
  // Stored types are the feed's types: only the workers and the services write events.
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
const tags = ['feed'];

const list = createRoute({
  method: 'get',
  path: '/feed',
  tags,
  operationId: 'listFeed',
  summary: 'Feed events, newest first (clients fold them into one row per send with core `foldFeed`)',
  request: { query: pageQuerySchema.extend(feedFilterSchema.shape) },
  responses: {
    200: json(feedPageSchema, 'A page of events'),
    400: failure('Bad filter, cursor or limit'),
    ...errorResponses,
  },
});

const stream = createRoute({
  method: 'get',
  path: '/feed/stream',
  tags,
  operationId: 'streamFeed',
  summary:
    'Live feed over server-sent events: recent events (or those after Last-Event-ID), then new ones as they happen. EventSource cannot set headers: `?access_token=` is accepted here.',
  request: { query: feedFilterSchema },
  responses: {
    200: {
      description:
        "An event stream; each `message` event's data is one FeedEvent (JSON), `ping` keeps proxies from closing it",
      content: { 'text/event-stream': { schema: feedEventSchema } },
    },
    400: failure('Bad filter or Last-Event-ID'),
    ...errorResponses,
  },
});

/**
 * `Last-Event-ID` is the id of an event we sent: digits that fit an events.id. Anything else is
 * refused here, through the logger, instead of reaching the query as a raw database error.
 */
function lastEventId(header: string | undefined, logger: Logger): number {
  if (header === undefined || header === '') return 0;
  const id = /^\d{1,16}$/.test(header) ? Number(header) : Number.NaN;
  if (Number.isSafeInteger(id)) return id;
  logger.warn('feed: refused Last-Event-ID', { length: header.length }); // its text could be anything: not logged
  throw new ApiError(
    400,
    'invalid-last-event-id',
    'Last-Event-ID must be the id of a feed event (a whole number); reconnect without it to start again.',
  );
}

export function feedRoutes(app: V1App, deps: { db: Db; hub: FeedHub; logger: Logger }): void {
  app.openapi(list, async (c) => {
    const { cursor, limit, ...filter } = c.req.valid('query');
    const query = { userId: c.get('user').id, ...filter, beforeId: decodeIdCursor(cursor), limit: limit + 1 };
    const events = (await listFeedEvents(deps.db, query)).reverse();
    const page = events.slice(0, limit);
    const more = events.length > limit;
    return c.json(
      { items: page.map(publicEvent), nextCursor: more ? encodeIdCursor(page.at(-1)!.id) : null },
      200,
    );
  });
  app.openapi(stream, (c) => {
    const user = c.get('user');
    const filter = c.req.valid('query');
    const after = lastEventId(c.req.header('last-event-id'), deps.logger);
    const onError = async (error: Error) =>
      deps.logger.error('feed stream failed', { userId: user.id, detail: error.message });
    return streamSSE(
      c,
      async (sse) => {
        // The events table is the source of truth: the in-process hub only wakes the loop early, and the
        // poll picks up events written by other server instances (and, in the team scope, by teammates).
        let wake: (() => void) | null = null;
        const unsubscribe = deps.hub.subscribe(user.id, () => wake?.());
        sse.onAbort(() => wake?.());
        let lastId = after;
        let quietSince = Date.now();
        let backlog = after ? 500 : 20;
        while (!sse.aborted) {
          const query: FeedQuery = { userId: user.id, ...filter, afterId: lastId, limit: backlog };
          for (const event of await listFeedEvents(deps.db, query)) {
            lastId = event.id;
            quietSince = Date.now();
            await sse.writeSSE({
              id: String(event.id),
              event: 'message',
              data: JSON.stringify(publicEvent(event)),
            });
          }
          backlog = 500;
          if (Date.now() - quietSince >= HEARTBEAT_MS) {
            quietSince = Date.now();
            await sse.writeSSE({ event: 'ping', data: '{}' }); // keeps proxies from closing an idle stream
          }
          await new Promise<void>((resolve) => {
            wake = resolve;
            setTimeout(resolve, POLL_MS);
          });
          wake = null;
        }
        unsubscribe();
      },
      onError,
    );
  });
}
