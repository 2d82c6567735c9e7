import { createRoute, z } from '@hono/zod-openapi';
import {
  createSendAnswerSchema,
  createSendBodySchema,
  listSendsQuerySchema,
  rescheduleAnswerSchema,
  rescheduleBodySchema,
  sendDetailSchema,
  sendPageSchema,
} from '@sendwell/core';
import { cancelSend, getSend, listSends, rescheduleSend } from '../../services/sendQueue';
import { createSend, type QueuedSend } from '../../services/sends';
import type { V1App } from './app';
import type { V1Deps } from './deps';
import { errorResponses, failure, json, jsonBody } from './responses';

const idParam = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .meta({ param: { name: 'id', in: 'path' } }),
});
const tags = ['sends'];

const create = createRoute({
  method: 'post',
  path: '/sends',
  tags,
  operationId: 'createSend',
  summary:
    'Queue an email (one, or one per To recipient with `personalise: each`) on the channel its host uses; the throttle gives each its slot',
  request: { body: jsonBody(createSendBodySchema) },
  responses: {
    200: json(createSendAnswerSchema, 'This draft was sent before: the earlier sends, nothing new'),
    202: json(createSendAnswerSchema, 'Queued: when each message goes and why'),
    400: failure('Invalid fields (the message names them)'),
    404: failure('No such template you can use'),
    409: failure('No channel for this host, or the mailbox is disconnected or disabled'),
    422: failure('Unfilled merge fields, or more recipients than the provider allows in one message'),
    ...errorResponses,
  },
});

const list = createRoute({
  method: 'get',
  path: '/sends',
  tags,
  operationId: 'listSends',
  summary:
    'Your sends, newest first (`scope=team`: the whole team, for team admins); `q` searches recipients and subject',
  request: { query: listSendsQuerySchema },
  responses: {
    200: json(sendPageSchema, 'A page of sends'),
    400: failure('Bad cursor, limit or filter'),
    403: failure('`scope=team` asked by someone who is not a team admin'),
    ...errorResponses,
  },
});

const get = createRoute({
  method: 'get',
  path: '/sends/{id}',
  tags,
  operationId: 'getSend',
  summary: 'One send: status, channel, each recipient’s outcome, and every bounce notice with its detail',
  request: { params: idParam },
  responses: {
    200: json(sendDetailSchema, 'The send'),
    404: failure('No such send that you can see (yours, or your team’s if you are a team admin)'),
    ...errorResponses,
  },
});

const cancel = createRoute({
  method: 'post',
  path: '/sends/{id}/cancel',
  tags,
  operationId: 'cancelSend',
  summary:
    'Stop a send that is still waiting (yours, or a teammate’s if you are a team admin: that is audited)',
  request: { params: idParam },
  responses: {
    200: json(sendDetailSchema, 'The cancelled send'),
    404: failure('No such send that you can see'),
    409: failure('The send is no longer waiting (with the provider, sent, failed or cancelled)'),
    ...errorResponses,
  },
});

const reschedule = createRoute({
  method: 'post',
  path: '/sends/{id}/reschedule',
  tags,
  operationId: 'rescheduleSend',
  summary:
    'Move your waiting send to another time; the throttle plans it, so a time the limits cannot honour moves later and the answer says why',
  request: { params: idParam, body: jsonBody(rescheduleBodySchema) },
  responses: {
    200: json(rescheduleAnswerSchema, 'When it will really go, and why'),
    400: failure('Not an ISO 8601 time'),
    403: failure('Not your send (a team admin can cancel a teammate’s send, not move it)'),
    404: failure('No such send that you can see'),
    409: failure('The send is no longer waiting'),
    422: failure('The time has passed, or is more than 30 days ahead'),
    ...errorResponses,
  },
});

/** One accepted send as `POST /sends` answers it. */
const accepted = ({ send, explanation }: QueuedSend) => ({
  id: send.id,
  status: send.status,
  sendAt: send.sendAt.toISOString(),
  mailboxId: send.mailboxId,
  channel: send.channelKind ? { kind: send.channelKind, label: send.channelLabel ?? send.channelKind } : null,
  explanation,
  to: send.to,
});

export function sendsRoutes(app: V1App, deps: Pick<V1Deps, 'db' | 'clock' | 'hub' | 'wakeSender'>): void {
  const queue = { db: deps.db, clock: deps.clock, hub: deps.hub, wake: deps.wakeSender };
  app.openapi(create, async (c) => {
    const { sends, duplicate } = await createSend(queue, c.get('user'), c.req.valid('json'));
    const items = sends.map(accepted);
    const answer = { send: items[0]!, sends: items, duplicate };
    return duplicate ? c.json(answer, 200) : c.json(answer, 202);
  });
  app.openapi(list, async (c) => c.json(await listSends(deps.db, c.get('user'), c.req.valid('query')), 200));
  app.openapi(get, async (c) => c.json(await getSend(deps.db, c.get('user'), c.req.valid('param').id), 200));
  app.openapi(cancel, async (c) =>
    c.json(await cancelSend(queue, c.get('user'), c.req.valid('param').id), 200),
  );
  app.openapi(reschedule, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await rescheduleSend(queue, c.get('user'), id, c.req.valid('json').sendAt), 200);
  });
}
