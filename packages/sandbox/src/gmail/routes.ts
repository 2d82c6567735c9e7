import { type Context, Hono } from 'hono';
import { classifyGmail } from '../calls/classify';
import { gmailUnits } from '../calls/gmailMethods';
import { logCalls } from '../calls/log';
import type { SandboxContext } from '../context';
import { WindowsByKey } from '../limits/window';
import type { SandboxUser } from '../users';
import { draftRoutes } from './drafts';
import { googleError, NOT_FOUND_MESSAGE, UNAUTHENTICATED_MESSAGE } from './errors';
import { historyAfter, listMessages } from './listing';
import { type Format, messageResource } from './messageResource';
import { gmailSendHandler, gmailSubmitter } from './send';

type Env = { Variables: { user: SandboxUser } };

function clampSize(value: string | undefined, fallback: number): number {
  const n = Number(value ?? fallback);
  return Number.isFinite(n) && n > 0 ? Math.min(500, Math.floor(n)) : fallback;
}

/** The Gmail API subset under `<base>/google/` (the client's rootUrl). */
export function gmailRoutes(ctx: SandboxContext): Hono<Env> {
  const app = new Hono<Env>();
  app.use(
    logCalls(
      ctx.calls,
      'gmail',
      classifyGmail,
      () => ctx.clock.now(),
      (a) => ctx.stalls.afterSend(a),
    ),
  );
  const quota = new WindowsByKey(60_000, ctx.limits.gmail.quotaUnitsPerMinute);

  const chargeUnits = (units: number) => async (c: Context<Env>, next: () => Promise<void>) => {
    const window = quota.get(c.var.user.mailboxId);
    const now = ctx.clock.now();
    if (!window.fits(now, units)) {
      return googleError(
        c,
        429,
        'rateLimitExceeded',
        "Quota exceeded for quota metric 'Queries' and limit 'Queries per minute per user' of service 'gmail.googleapis.com' for consumer 'project_number:318207514620'.",
        {},
        'usageLimits',
      );
    }
    window.add(now, units);
    await next();
    return undefined;
  };
  /** Charges a method's units from Google's published table (`calls/gmailMethods.ts`). */
  const charge = (method: string) => chargeUnits(gmailUnits(method));

  for (const prefix of ['/gmail/v1/users/:userId/*', '/upload/gmail/v1/users/:userId/*']) {
    app.use(prefix, async (c, next) => {
      const token = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '')?.[1]?.trim() ?? '';
      const check = ctx.identity.checkGoogleAccessToken(token);
      if (!check.ok) {
        c.header('WWW-Authenticate', 'Bearer realm="https://accounts.google.com/", error="invalid_token"');
        return googleError(c, 401, 'authError', UNAUTHENTICATED_MESSAGE, {
          location: 'Authorization',
          locationType: 'header',
        });
      }
      const userId = c.req.param('userId')?.toLowerCase();
      if (userId !== 'me' && userId !== check.user.email)
        return googleError(c, 403, 'forbidden', `Delegation denied for ${check.user.email}`);
      c.set('user', check.user);
      await next();
      return undefined;
    });
  }

  app.get('/gmail/v1/users/:userId/profile', charge('getProfile'), (c) => {
    const box = ctx.store.mailbox(c.var.user.mailboxId);
    return c.json({
      emailAddress: c.var.user.email,
      messagesTotal: box.messages.length,
      threadsTotal: box.threadSizes.size,
      historyId: String(box.historyId),
    });
  });
  const submit = gmailSubmitter(ctx);
  app.post('/gmail/v1/users/:userId/messages/send', charge('messages.send'), gmailSendHandler(submit, false));
  app.post(
    '/upload/gmail/v1/users/:userId/messages/send',
    charge('messages.send'),
    gmailSendHandler(submit, true),
  );
  app.route('/', draftRoutes(ctx, chargeUnits, submit));

  app.get('/gmail/v1/users/:userId/messages', charge('messages.list'), (c) => {
    const { page, next, resultSizeEstimate } = listMessages(ctx.store.mailbox(c.var.user.mailboxId), {
      q: c.req.query('q'),
      labelIds: c.req.queries('labelIds') ?? [],
      pageToken: c.req.query('pageToken'),
      size: clampSize(c.req.query('maxResults'), 100),
      now: ctx.clock.now(),
    });
    // Gmail leaves `messages` out entirely when nothing matches.
    return c.json({
      ...(page.length ? { messages: page.map((m) => ({ id: m.id, threadId: m.threadId })) } : {}),
      ...(next ? { nextPageToken: next } : {}),
      resultSizeEstimate,
    });
  });

  app.get('/gmail/v1/users/:userId/messages/:id', charge('messages.get'), (c) => {
    const message = ctx.store.find(c.var.user.mailboxId, c.req.param('id') ?? '');
    if (!message) return googleError(c, 404, 'notFound', NOT_FOUND_MESSAGE);
    const format = (c.req.query('format') ?? 'full').toLowerCase();
    if (!['full', 'metadata', 'minimal', 'raw'].includes(format))
      return googleError(c, 400, 'invalidArgument', `Invalid value at 'format' (${format})`);
    return c.json(messageResource(message, format as Format, c.req.queries('metadataHeaders') ?? []));
  });

  app.get('/gmail/v1/users/:userId/history', charge('history.list'), (c) => {
    const start = Number(c.req.query('startHistoryId'));
    if (!Number.isInteger(start) || start <= 0)
      return googleError(c, 400, 'invalidArgument', 'Invalid startHistoryId');
    const box = ctx.store.pruneHistory(c.var.user.mailboxId);
    // Gmail: "an invalid or out of date startHistoryId typically returns an HTTP 404".
    if (start < box.historyFloor) return googleError(c, 404, 'notFound', NOT_FOUND_MESSAGE);
    const types = c.req.queries('historyTypes') ?? [];
    const { records, next } =
      types.length && !types.includes('messageAdded')
        ? { records: [], next: undefined }
        : historyAfter(box, start, {
            labelId: c.req.query('labelId'),
            pageToken: c.req.query('pageToken'),
            size: clampSize(c.req.query('maxResults'), 100),
          });
    const history = records.map(({ id, message }) => ({
      id: String(id),
      messages: [{ id: message.id, threadId: message.threadId }],
      messagesAdded: [
        { message: { id: message.id, threadId: message.threadId, labelIds: [...message.labelIds] } },
      ],
    }));
    return c.json({
      ...(history.length ? { history } : {}),
      ...(next ? { nextPageToken: next } : {}),
      historyId: String(box.historyId),
    });
  });

  app.notFound((c) => googleError(c, 404, 'notFound', NOT_FOUND_MESSAGE));
  return app;
}
