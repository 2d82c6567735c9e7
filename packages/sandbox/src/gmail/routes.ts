import { type Context, Hono } from 'hono';
import { classifyGmail } from '../calls/classify';
import { gmailUnits } from '../calls/gmailMethods';
import { logCalls } from '../calls/log';
import type { SandboxContext } from '../context';
import { WindowsByKey } from '../limits/window';
import type { SandboxUser } from '../users';
import { draftRoutes } from './drafts';
import { googleError, NOT_FOUND_MESSAGE, UNAUTHENTICATED_MESSAGE } from './errors';
import { type Format, messageResource, searchViewOf } from './messageResource';
import { compileQuery } from './query';
import { gmailSendHandler, gmailSubmitter } from './send';

type Env = { Variables: { user: SandboxUser } };

function pageOf<T>(items: T[], pageToken: string | undefined, size: number): { page: T[]; next?: string } {
  const offset = pageToken ? Number(Buffer.from(pageToken, 'base64url').toString('utf8')) || 0 : 0;
  const page = items.slice(offset, offset + size);
  return offset + size < items.length
    ? { page, next: Buffer.from(String(offset + size)).toString('base64url') }
    : { page };
}

function clampSize(value: string | undefined, fallback: number): number {
  const n = Number(value ?? fallback);
  return Number.isFinite(n) && n > 0 ? Math.min(500, Math.floor(n)) : fallback;
}

/** The Gmail API subset under `<base>/google/` (the client's rootUrl). */
export function gmailRoutes(ctx: SandboxContext): Hono<Env> {
  const app = new Hono<Env>();
  app.use(logCalls(ctx.calls, 'gmail', classifyGmail, () => ctx.clock.now()));
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
      threadsTotal: new Set(box.messages.map((m) => m.threadId)).size,
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
    const matcher = compileQuery(c.req.query('q'), ctx.clock.now());
    const labels = c.req.queries('labelIds') ?? [];
    const matches = ctx.store
      .mailbox(c.var.user.mailboxId)
      .messages.filter((m) => labels.every((l) => m.labelIds.includes(l)) && matcher(searchViewOf(m)))
      .sort((a, b) => b.receivedAt.getTime() - a.receivedAt.getTime() || b.seq - a.seq);
    const { page, next } = pageOf(
      matches,
      c.req.query('pageToken'),
      clampSize(c.req.query('maxResults'), 100),
    );
    // Gmail leaves `messages` out entirely when nothing matches.
    return c.json({
      ...(page.length ? { messages: page.map((m) => ({ id: m.id, threadId: m.threadId })) } : {}),
      ...(next ? { nextPageToken: next } : {}),
      resultSizeEstimate: matches.length,
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
    const labelId = c.req.query('labelId');
    const records =
      types.length && !types.includes('messageAdded')
        ? []
        : box.history
            .filter((h) => h.id > start)
            .map((h) => ({ record: h, message: ctx.store.find(box.user.mailboxId, h.messageId)! }))
            .filter(({ message }) => !labelId || message.labelIds.includes(labelId));
    const { page, next } = pageOf(
      records,
      c.req.query('pageToken'),
      clampSize(c.req.query('maxResults'), 100),
    );
    const history = page.map(({ record, message }) => ({
      id: String(record.id),
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
