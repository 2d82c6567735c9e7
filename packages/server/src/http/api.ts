import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { ApiError } from '../services/errors';
import { channelFor } from '../services/identity';
import { quotaFor, templateAnalytics } from '../services/readModels';
import { createSend } from '../services/sends';
import { listBouncesForSend } from '../store/bounces';
import { findSend } from '../store/sends';
import { insertTemplate, listTemplates } from '../store/templates';
import { listMailboxes } from '../store/users';
import type { ApiDeps, ApiEnv } from './context';
import { feedRoute } from './feed';

const host = z.enum(['outlook', 'gmail', 'web']);
const address = z.string().trim().toLowerCase().pipe(z.email());
const sendBody = z.object({
  host,
  to: z.array(address).min(1, 'at least one recipient'),
  cc: z.array(address).default([]),
  bcc: z.array(address).default([]),
  subject: z.string().max(998),
  body: z.string().max(1_000_000),
  templateId: z.string().min(1).nullish(),
  idempotencyKey: z.string().min(8).max(200),
});
const templateBody = z.object({
  name: z.string().trim().min(1).max(200),
  subject: z.string().max(998),
  body: z.string().max(1_000_000),
});
const MAX_BODY_BYTES = 2 * 1024 * 1024;

export function apiRoutes(deps: ApiDeps): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  // A body is at most a 1 MB HTML draft plus its envelope; refuse more before reading it all.
  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new ApiError(
          413,
          'body-too-large',
          `Request bodies are limited to ${MAX_BODY_BYTES / 1024 / 1024} MB.`,
        );
      },
    }),
  );
  app.use('*', async (c, next) => {
    const header = c.req.header('authorization');
    const token =
      header?.match(/^Bearer\s+(.+)$/i)?.[1] ??
      (c.req.path.endsWith('/feed') ? c.req.query('access_token') : undefined);
    if (!token) throw new ApiError(401, 'unauthenticated', 'Sign in: send an Authorization: Bearer token.');
    c.set('user', await deps.authenticate(token));
    await next();
  });

  app.get('/me', async (c) => {
    const user = c.get('user');
    const mailboxes = await listMailboxes(deps.db, user.id);
    return c.json({
      user: { id: user.id, email: user.email, name: user.name, legacy: user.legacy },
      mailboxes: mailboxes.map((m) => ({
        id: m.id,
        provider: m.provider,
        address: m.address,
        profileId: m.profileId,
      })),
    });
  });

  app.get('/channel', async (c) => {
    const decision = await channelFor(deps.db, c.get('user'), host.parse(c.req.query('host') ?? 'web'));
    const { channel } = decision;
    return c.json({
      channel: {
        kind: channel.kind,
        label: channel.label,
        address: channel.address,
        profileId: channel.profileId,
      },
      forced: decision.forced,
      explanation: decision.explanation,
    });
  });

  app.get('/quota', async (c) =>
    c.json(await quotaFor(deps.db, deps.clock, c.get('user'), host.parse(c.req.query('host') ?? 'web'))),
  );

  app.get('/templates', async (c) =>
    c.json({ templates: (await listTemplates(deps.db, c.get('user').tenantId)).map(publicTemplate) }),
  );

  app.post('/templates', async (c) => {
    const user = c.get('user');
    const input = templateBody.parse(await c.req.json());
    const template = { id: crypto.randomUUID(), tenantId: user.tenantId, ownerId: user.id, ...input };
    await insertTemplate(deps.db, template);
    return c.json({ template: publicTemplate(template) }, 201);
  });

  app.get('/templates/:id/analytics', async (c) =>
    c.json(await templateAnalytics(deps.db, c.get('user'), c.req.param('id'))),
  );

  app.post('/sends', async (c) => {
    const input = sendBody.parse(await c.req.json());
    const { send, explanation, created } = await createSend(
      { db: deps.db, clock: deps.clock, hub: deps.hub, wake: deps.wakeSender },
      c.get('user'),
      { ...input, templateId: input.templateId ?? null },
    );
    return c.json(
      {
        send: { id: send.id, status: send.status, sendAt: send.sendAt, channel: send.mailboxId, explanation },
      },
      created ? 202 : 200,
    );
  });

  app.get('/sends/:id', async (c) => {
    const send = await findSend(deps.db, c.req.param('id'));
    if (!send || send.userId !== c.get('user').id) throw new ApiError(404, 'send-not-found', 'No such send.');
    return c.json({
      send: {
        id: send.id,
        status: send.status,
        sendAt: send.sendAt,
        submittedAt: send.submittedAt,
        error: send.lastError,
        to: send.to,
        subject: send.subject,
        bounces: await listBouncesForSend(deps.db, send.id),
      },
    });
  });

  app.route('/', feedRoute(deps));
  return app;
}

const publicTemplate = (t: { id: string; name: string; subject: string; body: string }) => ({
  id: t.id,
  name: t.name,
  subject: t.subject,
  body: t.body,
});
