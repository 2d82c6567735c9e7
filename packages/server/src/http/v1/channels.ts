import { createRoute, z } from '@hono/zod-openapi';
import {
  channelsAnswerSchema,
  chooseChannelSchema,
  createSmtpChannelSchema,
  legacyVisibilitySchema,
  smtpChannelCheckSchema,
  smtpChannelSchema,
  smtpCheckReportSchema,
  smtpCheckRequestSchema,
  smtpTestSendRequestSchema,
  smtpTestSendResultSchema,
  teamDefaultChannelSchema,
  updateSmtpChannelSchema,
} from '@sendwell/core';
import type { V1App } from './app';
import type { V1Deps } from './deps';
import { adminErrorResponses, errorResponses, failure, json, jsonBody } from './responses';

const tags = ['channels'];
const idParam = z.object({
  id: z
    .string()
    .min(1)
    .max(200)
    .meta({ param: { name: 'id', in: 'path' } }),
});
const refused = failure(
  'A server Sendwell will not use: `marketo-marketing-server`, `use-email-connection` (Gmail or Microsoft 365), `plaintext-smtp` (no encryption off this machine)',
);
const notYours = failure('The team channel, and the caller is not a team admin (`admin-only`)');
const notFound = failure('No such channel among those the caller can see');

const list = createRoute({
  method: 'get',
  path: '/channels',
  tags,
  operationId: 'listChannels',
  summary: 'The channels the caller can pick for web and campaign sends, and the one in use',
  responses: { 200: json(channelsAnswerSchema, 'The catalog and the channel settings'), ...errorResponses },
});

const create = createRoute({
  method: 'post',
  path: '/channels/smtp',
  tags,
  operationId: 'createSmtpChannel',
  summary: 'Add an SMTP channel: personal, or the team one (admins)',
  request: { body: jsonBody(createSmtpChannelSchema) },
  responses: {
    201: json(smtpChannelSchema, 'The new channel (no password in it)'),
    400: failure('Invalid fields'),
    403: notYours,
    409: failure('The team already has an SMTP channel (`team-channel-exists`)'),
    422: refused,
    ...errorResponses,
  },
});

const update = createRoute({
  method: 'patch',
  path: '/channels/{id}',
  tags,
  operationId: 'updateSmtpChannel',
  summary: 'Change an SMTP channel (a new password lets its held sends go again)',
  request: { params: idParam, body: jsonBody(updateSmtpChannelSchema) },
  responses: {
    200: json(smtpChannelSchema, 'The channel as changed'),
    400: failure('Invalid fields'),
    403: notYours,
    404: notFound,
    409: failure('The legacy hosted server cannot be changed here'),
    422: refused,
    ...errorResponses,
  },
});

const remove = createRoute({
  method: 'delete',
  path: '/channels/{id}',
  tags,
  operationId: 'deleteSmtpChannel',
  summary: 'Delete an SMTP channel (refused while sends wait on it)',
  request: { params: idParam },
  responses: {
    204: { description: 'Deleted' },
    403: notYours,
    404: notFound,
    409: failure('Sends still wait on it, or it is the legacy hosted server'),
    ...errorResponses,
  },
});

const checkSettings = createRoute({
  method: 'post',
  path: '/channels/smtp/check',
  tags,
  operationId: 'checkSmtpSettings',
  summary: 'Check SMTP settings before saving them: connect, EHLO, TLS and sign-in, each reported',
  request: { body: jsonBody(smtpCheckRequestSchema) },
  responses: {
    200: json(smtpCheckReportSchema, 'What each step found (ok: false says which failed and why)'),
    400: failure('Invalid fields'),
    422: refused,
    ...errorResponses,
  },
});

const checkChannel = createRoute({
  method: 'post',
  path: '/channels/{id}/check',
  tags,
  operationId: 'checkSmtpChannel',
  summary: 'Check a saved SMTP channel; a refused sign-in marks it needs-reconnect (its sends wait)',
  request: { params: idParam },
  responses: {
    200: json(smtpChannelCheckSchema, 'The report and the channel with its state'),
    403: notYours,
    404: notFound,
    409: failure('No password stored, or no legacy hosted server configured'),
    ...errorResponses,
  },
});

const testSend = createRoute({
  method: 'post',
  path: '/channels/{id}/test-send',
  tags,
  operationId: 'testSendSmtpChannel',
  summary: "Send one test email through the channel, to the caller's own address unless `to` says otherwise",
  request: {
    params: idParam,
    body: { required: false, content: { 'application/json': { schema: smtpTestSendRequestSchema } } },
  },
  responses: {
    200: json(smtpTestSendResultSchema, 'What the server did with the test email'),
    400: failure('Invalid address'),
    403: notYours,
    404: notFound,
    409: failure('No password stored, or no legacy hosted server configured'),
    ...errorResponses,
  },
});

const choose = createRoute({
  method: 'put',
  path: '/channels/choice',
  tags,
  operationId: 'chooseChannel',
  summary: 'Pick the channel for your web and campaign sends (add-in sends always use your mailbox)',
  request: { body: jsonBody(chooseChannelSchema) },
  responses: {
    200: json(channelsAnswerSchema, 'The catalog with the new choice'),
    400: failure('Invalid fields'),
    404: notFound,
    409: failure('That channel cannot send now (an unconnected mailbox)'),
    ...errorResponses,
  },
});

const teamDefault = createRoute({
  method: 'put',
  path: '/channels/team-default',
  tags: [...tags, 'admin'],
  operationId: 'setTeamDefaultChannel',
  summary: "Make the team's SMTP channel the default for reps who chose none (null: their mailbox)",
  request: { body: jsonBody(teamDefaultChannelSchema) },
  responses: {
    200: json(channelsAnswerSchema, 'The catalog with the new default'),
    400: failure('Invalid fields'),
    404: failure("Not the team's SMTP channel"),
    ...adminErrorResponses,
  },
});

const legacyVisibility = createRoute({
  method: 'put',
  path: '/channels/legacy-visibility',
  tags: [...tags, 'admin'],
  operationId: 'setLegacyVisibility',
  summary: 'Whether legacy accounts of the team see the legacy hosted server',
  request: { body: jsonBody(legacyVisibilitySchema) },
  responses: {
    200: json(channelsAnswerSchema, 'The catalog with the new setting'),
    400: failure('Invalid fields'),
    ...adminErrorResponses,
  },
});

export function channelsRoutes(app: V1App, deps: Pick<V1Deps, 'channels'>): void {
  const { channels } = deps;
  app.openapi(list, async (c) => c.json(await channels.list(c.get('user')), 200));
  app.openapi(create, async (c) =>
    c.json(await channels.createSmtp(c.get('user'), c.req.valid('json')), 201),
  );
  // Registered before `/channels/{id}/check`: `smtp` is not a channel id.
  app.openapi(checkSettings, async (c) =>
    c.json(await channels.checkSettings(c.get('user'), c.req.valid('json')), 200),
  );
  app.openapi(update, async (c) =>
    c.json(await channels.updateSmtp(c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(remove, async (c) => {
    await channels.deleteSmtp(c.get('user'), c.req.valid('param').id);
    return c.body(null, 204);
  });
  app.openapi(checkChannel, async (c) =>
    c.json(await channels.checkChannel(c.get('user'), c.req.valid('param').id), 200),
  );
  app.openapi(testSend, async (c) => {
    const body = (c.req.valid('json') ?? {}) as { to?: string };
    return c.json(await channels.testSend(c.get('user'), c.req.valid('param').id, body.to), 200);
  });
  app.openapi(choose, async (c) =>
    c.json(await channels.choose(c.get('user'), c.req.valid('json').channelId), 200),
  );
  app.openapi(teamDefault, async (c) =>
    c.json(await channels.setTeamDefault(c.get('user'), c.req.valid('json').channelId), 200),
  );
  app.openapi(legacyVisibility, async (c) =>
    c.json(await channels.setLegacyVisibility(c.get('user'), c.req.valid('json').visible), 200),
  );
}
