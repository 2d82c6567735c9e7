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
import { listFeedEvents } from '../../store/events';
import type { EventRow } from '../../store/rows';
import type { V1App } from './app';
import { FeedCursor } from './feedCursor';
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
/** How long an id sent stays open to a lower id committing late (feedCursor.ts). */
const SETTLE_MS = 10_000;
/** Events read per query while a stream catches up. */
const CATCH_UP_PAGE = 500;
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

/** A stream's wait: until woken or `ms` passed. A wake while the stream was busy is kept, not lost. */
function wakeSignal() {
  let woken = false;
  let release: (() => void) | null = null;
  return {
    wake() {
      woken = true;
      release?.();
    },
    async wait(ms: number) {
      if (!woken)
        await new Promise<void>((resolve) => {
          const poll = setTimeout(resolve, ms);
          release = () => {
            clearTimeout(poll);
            resolve();
          };
        });
      release = null;
      woken = false;
    },
  };
}

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

export function feedRoutes(
  app: V1App,
  deps: { db: Db; hub: FeedHub; logger: Logger; feedPollMs?: number },
): void {
  const pollMs = deps.feedPollMs ?? POLL_MS;
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
        // The events table is the source of truth: the hub only wakes the loop early (this process's
        // events, and on PostgreSQL every instance's through LISTEN/NOTIFY, teammates' in the team
        // scope); the poll is the fallback (PGlite's team scope, a lost listening connection).
        const signal = wakeSignal();
        const who =
          filter.scope === 'team' ? { userId: user.id, tenantId: user.tenantId } : { userId: user.id };
        const unsubscribe = deps.hub.wakeOn(who, signal.wake);
        sse.onAbort(signal.wake);
        const cursor = new FeedCursor(after, SETTLE_MS);
        let quietSince = Date.now();
        const send = async (event: EventRow) => {
          if (!cursor.take(event.id, Date.now())) return;
          quietSince = Date.now();
          await sse.writeSSE({
            id: String(event.id),
            event: 'message',
            data: JSON.stringify(publicEvent(event)),
          });
        };
        if (!after) {
          // A fresh stream starts with the newest few events, and nothing older.
          const recent = await listFeedEvents(deps.db, { userId: user.id, ...filter, limit: 20 });
          if (recent[0]) cursor.skipBelow(recent[0].id);
          for (const event of recent) await send(event);
        }
        while (!sse.aborted) {
          // Oldest first, page by page, from the settled floor when due (feedCursor.ts says why).
          for (let from = cursor.readFrom(Date.now()), full = true; full && !sse.aborted; ) {
            const page = await listFeedEvents(deps.db, {
              userId: user.id,
              ...filter,
              afterId: from,
              limit: CATCH_UP_PAGE,
              oldestFirst: true,
            });
            for (const event of page) await send(event);
            full = page.length === CATCH_UP_PAGE;
            from = page.at(-1)?.id ?? from;
          }
          cursor.settle(Date.now());
          if (Date.now() - quietSince >= HEARTBEAT_MS) {
            quietSince = Date.now();
            await sse.writeSSE({ event: 'ping', data: '{}' }); // keeps proxies from closing an idle stream
          }
          // The heartbeat is due within HEARTBEAT_MS, however long the configured poll.
          await signal.wait(Math.min(pollMs, HEARTBEAT_MS));
        }
        unsubscribe();
      },
      onError,
    );
  });
}
