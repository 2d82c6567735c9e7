import { createRoute } from '@hono/zod-openapi';
import {
  apiTokenIdParamsSchema,
  apiTokenPageSchema,
  apiTokensRevokedSchema,
  createApiTokenBodySchema,
  createdApiTokenSchema,
  memberIdParamsSchema,
  pageQuerySchema,
} from '@sendwell/core';
import { requireAdmin, type V1App } from './app';
import type { V1Deps } from './deps';
import { adminOnly } from './guards';
import { adminErrorResponses, errorResponses, failure, json, jsonBody } from './responses';

const tags = ['tokens'];
const adminTags = ['tokens', 'members', 'admin'];
const WHAT = "a member's API tokens";
const inPath = { param: { name: 'id', in: 'path' } } as const;
const tokenParam = apiTokenIdParamsSchema.extend({ id: apiTokenIdParamsSchema.shape.id.meta(inPath) });
const memberParam = memberIdParamsSchema.extend({ id: memberIdParamsSchema.shape.id.meta(inPath) });

const list = createRoute({
  method: 'get',
  path: '/tokens',
  tags,
  operationId: 'listApiTokens',
  summary: 'Your API tokens made through the API, newest first: name, lifetime, state',
  request: { query: pageQuerySchema },
  responses: {
    200: json(apiTokenPageSchema, 'A page of tokens'),
    400: failure('Bad cursor or limit'),
    ...errorResponses,
  },
});

const create = createRoute({
  method: 'post',
  path: '/tokens',
  tags,
  operationId: 'createApiToken',
  summary: "Make an API token for yourself; it lives the server's lifetime (SENDWELL_API_TOKEN_DAYS) or less",
  request: { body: jsonBody(createApiTokenBodySchema) },
  responses: {
    201: json(createdApiTokenSchema, 'The token, shown this once'),
    400: failure('No name, or a lifetime out of range'),
    ...errorResponses,
  },
});

const revoke = createRoute({
  method: 'post',
  path: '/tokens/{id}/revoke',
  tags,
  operationId: 'revokeApiToken',
  summary: 'Revoke one of your API tokens: it stops working at once',
  request: { params: tokenParam },
  responses: {
    200: json(createdApiTokenSchema.shape.apiToken, 'The token, revoked'),
    404: failure('You have no token by that id'),
    ...errorResponses,
  },
});

const revokeAll = createRoute({
  method: 'post',
  path: '/tokens/revoke-all',
  tags,
  operationId: 'revokeAllApiTokens',
  summary: 'Revoke every API token of yours issued until now (listed or not; web-app sessions stay)',
  responses: { 200: json(apiTokensRevokedSchema, 'Until when tokens are revoked'), ...errorResponses },
});

const listMember = createRoute({
  method: 'get',
  path: '/members/{id}/tokens',
  tags: adminTags,
  operationId: 'listMemberApiTokens',
  middleware: [adminOnly(WHAT)] as const,
  summary: 'A member’s API tokens (team admins)',
  request: { params: memberParam, query: pageQuerySchema },
  responses: {
    200: json(apiTokenPageSchema, 'A page of tokens'),
    400: failure('Bad cursor or limit'),
    404: failure('No such member in your team'),
    ...adminErrorResponses,
  },
});

const revokeMember = createRoute({
  method: 'post',
  path: '/members/{id}/tokens/revoke',
  tags: adminTags,
  operationId: 'revokeMemberApiTokens',
  middleware: [adminOnly(WHAT)] as const,
  summary: 'Revoke every API token a member was issued until now (team admins; audited)',
  request: { params: memberParam },
  responses: {
    200: json(apiTokensRevokedSchema, 'Until when the member’s tokens are revoked'),
    404: failure('No such member in your team'),
    ...adminErrorResponses,
  },
});

export function tokensRoutes(app: V1App, deps: Pick<V1Deps, 'apiTokens'>): void {
  const tokens = deps.apiTokens;
  app.openapi(list, async (c) => c.json(await tokens.list(c.get('user'), c.req.valid('query')), 200));
  app.openapi(create, async (c) => {
    const bearer = c.req.header('authorization')?.match(/^Bearer\s+(.+)$/i)?.[1] ?? '';
    return c.json(await tokens.create(c.get('user'), c.req.valid('json'), bearer), 201);
  });
  app.openapi(revokeAll, async (c) => c.json(await tokens.revokeAll(c.get('user')), 200));
  app.openapi(revoke, async (c) => c.json(await tokens.revoke(c.get('user'), c.req.valid('param').id), 200));
  // adminOnly ran first; requireAdmin again so a handler moved to a route without it still refuses.
  app.openapi(listMember, async (c) => {
    const user = c.get('user');
    requireAdmin(user, WHAT);
    return c.json(await tokens.listMember(user, c.req.valid('param').id, c.req.valid('query')), 200);
  });
  app.openapi(revokeMember, async (c) => {
    const user = c.get('user');
    requireAdmin(user, WHAT);
    return c.json(await tokens.revokeMember(user, c.req.valid('param').id), 200);
  });
}
