import { createRoute, z } from '@hono/zod-openapi';
import {
  authConfigSchema,
  connectionAnswerSchema,
  connectionInfoSchema,
  connectionsAnswerSchema,
  connectStartSchema,
  exchangeServerConnectSchema,
  oauthProviderSchema,
} from '@sendwell/core';
import {
  connectExchangeServer,
  type ExchangeServerRefusal,
  type ProbeOptions,
} from '../../connections/exchangeServer';
import type { ConnectionService } from '../../connections/service';
import type { ProviderSettings } from '../../providerSettings';
import { ApiError } from '../../services/errors';
import { recordAudit } from '../../store/audit';
import { findConnection } from '../../store/connections';
import type { Db } from '../../store/db';
import { requireAdmin, type V1App } from './app';
import { adminOnly } from './guards';
import { adminErrorResponses, errorResponses, failure, json, jsonBody } from './responses';

/** Entra's authority the pane's MSAL names (NAA never calls it: the Office host gets the token). */
const MSAL_AUTHORITY = 'https://login.microsoftonline.com/organizations';
const tags = ['connections'];
const mailboxParam = z.object({
  mailboxId: z
    .string()
    .min(1)
    .max(200)
    .meta({ param: { name: 'mailboxId', in: 'path' } }),
});

const authConfig = createRoute({
  method: 'get',
  path: '/auth-config',
  tags: ['account'],
  operationId: 'getAuthConfig',
  summary: "How the Outlook pane signs in: the app registration's client id and the API scope (public)",
  security: [],
  responses: { 200: json(authConfigSchema, 'Sign-in settings; no secrets') },
});

const list = createRoute({
  method: 'get',
  path: '/connections',
  tags,
  operationId: 'listConnections',
  summary: 'Your mailbox connections (state, sends held on each) and the providers you can connect',
  responses: { 200: json(connectionsAnswerSchema, 'Connections'), ...errorResponses },
});

const start = createRoute({
  method: 'post',
  path: '/connections/{provider}/start',
  tags,
  operationId: 'startConnection',
  summary: 'Start connecting your mailbox with OAuth: the consent page to open',
  request: {
    params: z.object({ provider: oauthProviderSchema.meta({ param: { name: 'provider', in: 'path' } }) }),
  },
  responses: {
    200: json(connectStartSchema, 'Where to send the browser'),
    400: failure('Not a provider Sendwell connects with'),
    409: failure('This Sendwell has no app registration for that provider'),
    ...errorResponses,
  },
});

const exchangeServer = createRoute({
  method: 'post',
  path: '/connections/exchange-server',
  tags,
  operationId: 'connectExchangeServer',
  summary: 'Connect an Exchange Server (on-premises) mailbox with its EWS URL, username and password',
  request: { body: jsonBody(exchangeServerConnectSchema) },
  responses: {
    201: json(connectionInfoSchema, 'Connected (bounceTracking is false: no inbox scanning on-premises)'),
    400: failure('Missing fields, or an EWS address that is not https'),
    409: failure('The mailbox is already connected by someone else'),
    422: failure('The server did not accept the settings (the code says what it turned out to be)'),
    ...errorResponses,
  },
});

const disconnect = createRoute({
  method: 'delete',
  path: '/connections/{mailboxId}',
  tags,
  operationId: 'disconnectMailbox',
  summary: 'Disconnect your mailbox from Sendwell (its grant is revoked; new sends are refused)',
  request: { params: mailboxParam },
  responses: {
    200: json(connectionAnswerSchema, 'The connection, now disconnected'),
    404: failure('No such mailbox connection among yours'),
    ...errorResponses,
  },
});

const adminAction = (action: 'disable' | 'enable', summary: string) =>
  createRoute({
    method: 'post',
    path: `/connections/{mailboxId}/${action}`,
    tags: [...tags, 'admin'],
    operationId: `${action}Mailbox`,
    middleware: [adminOnly("a teammate's mailbox")] as const,
    summary,
    request: { params: mailboxParam },
    responses: {
      200: json(connectionAnswerSchema, 'The connection after the change'),
      404: failure('No such mailbox in your team'),
      409: failure('The connection cannot make that change from its state'),
      ...adminErrorResponses,
    },
  });

/** What is wrong with the request itself (400) versus what the server turned out to be (422). */
const BAD_REQUEST: readonly ExchangeServerRefusal[] = ['not-https'];

export interface ConnectionsRouteDeps {
  db: Db;
  clock: { now(): Date };
  connections: ConnectionService;
  providers: Pick<ProviderSettings, 'microsoft'>;
  /** Tests point the EWS probe at the sandbox; production probes with the global fetch. */
  exchangeProbe?: ProbeOptions;
}

export function connectionsRoutes(app: V1App, deps: ConnectionsRouteDeps): void {
  app.openapi(authConfig, (c) => {
    const ms = deps.providers.microsoft;
    const microsoft = ms
      ? { clientId: ms.clientId, authority: MSAL_AUTHORITY, apiScope: `${ms.apiAudience}/access_as_user` }
      : null;
    return c.json({ microsoft }, 200);
  });
  app.openapi(list, async (c) => c.json(await deps.connections.list(c.get('user')), 200));
  app.openapi(start, async (c) =>
    c.json(await deps.connections.start(c.get('user'), c.req.valid('param').provider), 200),
  );
  app.openapi(exchangeServer, async (c) => {
    const input = c.req.valid('json');
    const outcome = await connectExchangeServer(deps.connections, c.get('user'), input, deps.exchangeProbe);
    if (outcome.kind === 'connected') return c.json(outcome.connection, 201);
    throw new ApiError(BAD_REQUEST.includes(outcome.reason) ? 400 : 422, outcome.reason, outcome.message);
  });
  app.openapi(disconnect, async (c) => {
    const connection = await deps.connections.disconnect(c.get('user'), c.req.valid('param').mailboxId);
    return c.json({ connection }, 200);
  });
  for (const action of ['disable', 'enable'] as const) {
    app.openapi(
      adminAction(
        action,
        action === 'disable'
          ? "Disable a teammate's mailbox in Sendwell: its sends wait (team admins)"
          : 'Enable a mailbox a team admin disabled (team admins)',
      ),
      async (c) => {
        const admin = c.get('user');
        requireAdmin(admin, "a teammate's mailbox");
        const { mailboxId } = c.req.valid('param');
        const before = await findConnection(deps.db, mailboxId);
        const connection = await deps.connections[action](admin, mailboxId);
        await recordAudit(deps.db, {
          tenantId: admin.tenantId,
          actorId: admin.id,
          action: `connection.${action}d`,
          target: mailboxId,
          before: before ? { state: before.state } : null,
          after: { state: connection.state, address: connection.address },
          at: deps.clock.now(),
        });
        return c.json({ connection }, 200);
      },
    );
  }
}
