import { createRoute } from '@hono/zod-openapi';
import { channelInfoSchema, hostQuerySchema, quotaInfoSchema } from '@sendwell/core';
import { channelFor } from '../../services/identity';
import { quotaFor } from '../../services/readModels';
import type { V1App } from './app';
import type { V1Deps } from './deps';
import { errorResponses, failure, json } from './responses';

const tags = ['channels'];

const channel = createRoute({
  method: 'get',
  path: '/channel',
  tags,
  operationId: 'getChannel',
  summary: 'The mailbox or channel a send from this host goes through, and why',
  request: { query: hostQuerySchema },
  responses: {
    200: json(channelInfoSchema, 'The channel'),
    400: failure('Not a host Sendwell knows'),
    409: failure('No channel for this host yet (the code says which is missing)'),
    ...errorResponses,
  },
});

const quota = createRoute({
  method: 'get',
  path: '/quota',
  tags,
  operationId: 'getQuota',
  summary: "Today's sending budget of that channel's mailbox, window by window",
  request: { query: hostQuerySchema },
  responses: {
    200: json(quotaInfoSchema, 'The budget'),
    400: failure('Not a host Sendwell knows'),
    404: failure('The channel has no mailbox'),
    409: failure('No channel for this host yet'),
    ...errorResponses,
  },
});

const iso = (at: Date | null) => at?.toISOString() ?? null;

export function quotaRoutes(app: V1App, deps: Pick<V1Deps, 'db' | 'clock'>): void {
  app.openapi(channel, async (c) => {
    const decision = await channelFor(deps.db, c.get('user'), c.req.valid('query').host);
    const { kind, label, address, profileId } = decision.channel;
    return c.json(
      {
        channel: { kind, label, address, profileId },
        forced: decision.forced,
        explanation: decision.explanation,
        override: decision.override,
      },
      200,
    );
  });
  app.openapi(quota, async (c) => {
    const info = await quotaFor(deps.db, deps.clock, c.get('user'), c.req.valid('query').host);
    return c.json({ ...info, nextFreeAt: iso(info.nextFreeAt), pausedUntil: iso(info.pausedUntil) }, 200);
  });
}
