import { type AcceptedSend, HOSTS, type SendsAnswer } from '@sendwell/core';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { ApiError } from '../services/errors';
import { channelFor } from '../services/identity';
import { quotaFor, templateAnalytics } from '../services/readModels';
import { createSend, type QueuedSend } from '../services/sends';
import {
  changeTemplate,
  createTemplate,
  listTemplatesFor,
  publicTemplate,
  removeTemplate,
  templateFor,
} from '../services/templates';
import { listBouncesForSend } from '../store/bounces';
import { findSend } from '../store/sends';
import { listMailboxes } from '../store/users';
import { apiIndex } from './apiIndex';
import type { ApiDeps, ApiEnv } from './context';
import { feedRoute } from './feed';
import { settingsRoutes } from './settings';

const host = z.enum(HOSTS);
const MAX_BODY_BYTES = 2 * 1024 * 1024;
/** These routes are mounted at `/api` (docs/contracts.md). */
const INDEX_PATHS = new Set(['/api', '/api/']);

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
  // Before the token check: the index is how a newcomer finds out what needs one (`/api/` too).
  app.use('*', async (c, next) =>
    c.req.method === 'GET' && INDEX_PATHS.has(c.req.path) ? c.json(apiIndex()) : next(),
  );
  app.use('*', async (c, next) => {
    const header = c.req.header('authorization');
    const token =
      header?.match(/^Bearer\s+(.+)$/i)?.[1] ??
      (c.req.path.endsWith('/feed') ? c.req.query('access_token') : undefined);
    if (!token)
      throw new ApiError(
        401,
        'unauthenticated',
        'Sign in first: this route needs an Authorization: Bearer token (GET /api lists the routes).',
      );
    c.set('user', await deps.authenticate(token));
    await next();
  });

  app.get('/me', async (c) => {
    const user = c.get('user');
    const mailboxes = await listMailboxes(deps.db, user.id);
    return c.json({
      user: { id: user.id, email: user.email, name: user.name, legacy: user.legacy, role: user.role },
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
      override: decision.override,
    });
  });

  app.get('/quota', async (c) =>
    c.json(await quotaFor(deps.db, deps.clock, c.get('user'), host.parse(c.req.query('host') ?? 'web'))),
  );

  app.get('/templates', async (c) => {
    const user = c.get('user');
    const templates = await listTemplatesFor(deps.db, user);
    return c.json({ templates: templates.map((t) => publicTemplate(t, user)) });
  });

  app.post('/templates', async (c) => {
    const user = c.get('user');
    const template = await createTemplate(deps.db, user, await c.req.json());
    return c.json({ template: publicTemplate(template, user) }, 201);
  });

  app.get('/templates/:id', async (c) => {
    const user = c.get('user');
    return c.json({ template: publicTemplate(await templateFor(deps.db, user, c.req.param('id')), user) });
  });

  app.patch('/templates/:id', async (c) => {
    const user = c.get('user');
    const template = await changeTemplate(deps.db, deps.clock, user, c.req.param('id'), await c.req.json());
    return c.json({ template: publicTemplate(template, user) });
  });

  app.delete('/templates/:id', async (c) => {
    await removeTemplate(deps.db, deps.clock, c.get('user'), c.req.param('id'));
    return c.body(null, 204);
  });

  app.get('/templates/:id/analytics', async (c) =>
    c.json(await templateAnalytics(deps.db, c.get('user'), c.req.param('id'))),
  );

  app.post('/sends', async (c) => {
    const { sends, duplicate } = await createSend(
      { db: deps.db, clock: deps.clock, hub: deps.hub, wake: deps.wakeSender },
      c.get('user'),
      await c.req.json(),
    );
    const accepted = sends.map(publicSend);
    const answer: SendsAnswer = { send: accepted[0]!, sends: accepted, duplicate };
    return c.json(answer, duplicate ? 200 : 202);
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

  app.route('/', settingsRoutes(deps));
  app.route('/', feedRoute(deps));
  return app;
}

/** One accepted send as `POST /api/sends` answers it (`channel` is the mailbox id). */
const publicSend = ({ send, explanation }: QueuedSend): AcceptedSend => ({
  id: send.id,
  status: send.status,
  sendAt: send.sendAt.toISOString(),
  channel: send.mailboxId,
  explanation,
  to: send.to,
});
