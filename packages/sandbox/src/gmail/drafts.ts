import { randomInt } from 'node:crypto';
import { type Context, Hono } from 'hono';
import { gmailUnits } from '../calls/gmailMethods';
import type { SandboxContext } from '../context';
import { gmailId } from '../mail/ids';
import { decodeWords, headerValue, parseAddressList } from '../mime/headers';
import type { SandboxUser } from '../users';
import { googleError, NOT_FOUND_MESSAGE } from './errors';
import { type Format, type MessageView, messageResource, searchViewOf } from './messageResource';
import { compileQuery } from './query';
import { type Env, type GmailSubmit, invalidHeader, normalize } from './send';

/** A saved draft: Gmail keeps the draft id when a draft is updated; its message gets a new id. */
interface StoredDraft {
  id: string;
  message: MessageView;
}

type Middleware = (c: Context<Env>, next: () => Promise<void>) => Promise<Response | undefined>;

const FORMATS = ['full', 'metadata', 'minimal', 'raw'];
// Assumed wordings where Google documents none (observed by API users: "Missing draft message").
const MISSING_MESSAGE = 'Missing draft message';
const RAW_REQUIRED = "'raw' RFC822 payload message string or uploading message via /upload/* URL required";

/** Gmail draft ids look like `r-` and 19 digits (`r-5522323335551538237`). */
const draftId = () =>
  `r-${randomInt(1, 9)}${String(randomInt(0, 1e9)).padStart(9, '0')}${String(randomInt(0, 1e9)).padStart(9, '0')}`;

/** The drafts of every sandbox Gmail mailbox, newest save last. */
class DraftStore {
  readonly #byMailbox = new Map<string, StoredDraft[]>();

  list(mailboxId: string): StoredDraft[] {
    const drafts = this.#byMailbox.get(mailboxId) ?? [];
    this.#byMailbox.set(mailboxId, drafts);
    return drafts;
  }

  find(mailboxId: string, id: string): StoredDraft | undefined {
    return this.list(mailboxId).find((d) => d.id === id);
  }

  remove(mailboxId: string, id: string): boolean {
    const drafts = this.list(mailboxId);
    const at = drafts.findIndex((d) => d.id === id);
    if (at >= 0) drafts.splice(at, 1);
    return at >= 0;
  }
}

type Parsed = { ok: true; raw: string; threadId?: string } | { ok: false; message: string };

/** `{message: {raw, threadId?}}` from a create/update/send body (JSON; uploads are not supported). */
async function readDraftBody(c: Context<Env>): Promise<Parsed & { id?: string }> {
  const body = (await c.req.json().catch(() => null)) as {
    id?: unknown;
    message?: { raw?: unknown; threadId?: unknown };
  } | null;
  const id = typeof body?.id === 'string' ? body.id : undefined;
  if (!body?.message) return { ok: false, message: MISSING_MESSAGE, ...(id ? { id } : {}) };
  const { raw, threadId } = body.message;
  if (typeof raw !== 'string' || raw === '') return { ok: false, message: RAW_REQUIRED };
  return {
    ok: true,
    raw: Buffer.from(raw, 'base64url').toString('utf8'),
    ...(typeof threadId === 'string' ? { threadId } : {}),
    ...(id ? { id } : {}),
  };
}

/** The draft's message as Gmail files it: From stamped, DRAFT label, saved now. */
function draftMessage(
  ctx: SandboxContext,
  user: SandboxUser,
  text: string,
  threadId: string | undefined,
): MessageView {
  const { raw, headers } = normalize(text, user, ctx.clock.now());
  const box = ctx.store.mailbox(user.mailboxId);
  // A draft moves the mailbox's history on, like any other change Gmail records.
  box.historyId += 1;
  return {
    id: gmailId(),
    threadId: threadId && ctx.store.hasThread(user.mailboxId, threadId) ? threadId : gmailId(),
    labelIds: ['DRAFT'],
    raw,
    historyId: box.historyId,
    receivedAt: ctx.clock.now(),
    internetMessageId: headerValue(headers, 'Message-ID') ?? '',
    subject: decodeWords(headerValue(headers, 'Subject') ?? ''),
    from: parseAddressList(headerValue(headers, 'From'))[0] ?? { name: '', address: '' },
    to: parseAddressList(headerValue(headers, 'To')),
    cc: parseAddressList(headerValue(headers, 'Cc')),
  };
}

const summary = (d: StoredDraft) => ({
  id: d.id,
  message: { id: d.message.id, threadId: d.message.threadId, labelIds: [...d.message.labelIds] },
});

/**
 * users.drafts (list, get, create, update, delete, send) under `/gmail/v1/users/:userId/drafts`:
 * what the Gmail UI does when it saves a compose window, and what Sendwell reads to send exactly
 * what the rep wrote. Drafts do not appear in messages.list (a simplification).
 */
export function draftRoutes(
  ctx: SandboxContext,
  charge: (units: number) => Middleware,
  submit: GmailSubmit,
): Hono<Env> {
  const app = new Hono<Env>();
  const store = new DraftStore();
  const base = '/gmail/v1/users/:userId/drafts';

  app.get(base, charge(gmailUnits('drafts.list')), (c) => {
    const matcher = compileQuery(c.req.query('q'), ctx.clock.now());
    const size = Math.min(500, Math.max(1, Number(c.req.query('maxResults') ?? 100) || 100));
    const offset = Number(Buffer.from(c.req.query('pageToken') ?? '', 'base64url').toString('utf8')) || 0;
    const matches = [...store.list(c.var.user.mailboxId)]
      .reverse()
      .filter((d) => matcher(searchViewOf(d.message)));
    const page = matches.slice(offset, offset + size);
    const next =
      offset + size < matches.length ? Buffer.from(String(offset + size)).toString('base64url') : null;
    // Like messages.list, Gmail leaves `drafts` out when there are none.
    return c.json({
      ...(page.length ? { drafts: page.map(summary) } : {}),
      ...(next ? { nextPageToken: next } : {}),
      resultSizeEstimate: matches.length,
    });
  });

  app.get(`${base}/:id`, charge(gmailUnits('drafts.get')), (c) => {
    const draft = store.find(c.var.user.mailboxId, c.req.param('id') ?? '');
    if (!draft) return googleError(c, 404, 'notFound', NOT_FOUND_MESSAGE);
    const format = (c.req.query('format') ?? 'full').toLowerCase();
    if (!FORMATS.includes(format))
      return googleError(c, 400, 'invalidArgument', `Invalid value at 'format' (${format})`);
    return c.json({
      id: draft.id,
      message: messageResource(draft.message, format as Format, c.req.queries('metadataHeaders') ?? []),
    });
  });

  app.post(base, charge(gmailUnits('drafts.create')), async (c) => {
    const body = await readDraftBody(c);
    if (!body.ok) return googleError(c, 400, 'invalidArgument', body.message);
    const checked = checkAddresses(c, body.raw);
    if (checked) return checked;
    const draft = { id: draftId(), message: draftMessage(ctx, c.var.user, body.raw, body.threadId) };
    store.list(c.var.user.mailboxId).push(draft);
    return c.json(summary(draft));
  });

  app.put(`${base}/:id`, charge(gmailUnits('drafts.update')), async (c) => {
    const draft = store.find(c.var.user.mailboxId, c.req.param('id') ?? '');
    if (!draft) return googleError(c, 404, 'notFound', NOT_FOUND_MESSAGE);
    const body = await readDraftBody(c);
    if (!body.ok) return googleError(c, 400, 'invalidArgument', body.message);
    const checked = checkAddresses(c, body.raw);
    if (checked) return checked;
    draft.message = draftMessage(ctx, c.var.user, body.raw, body.threadId ?? draft.message.threadId);
    // The latest save moves to the end, so listing (newest first) shows it first.
    store.remove(c.var.user.mailboxId, draft.id);
    store.list(c.var.user.mailboxId).push(draft);
    return c.json(summary(draft));
  });

  app.delete(`${base}/:id`, charge(gmailUnits('drafts.delete')), (c) => {
    if (!store.remove(c.var.user.mailboxId, c.req.param('id') ?? ''))
      return googleError(c, 404, 'notFound', NOT_FOUND_MESSAGE);
    return c.body(null, 204);
  });

  app.post(`${base}/send`, charge(gmailUnits('drafts.send')), async (c) => {
    const body = await readDraftBody(c);
    const draft = body.id ? store.find(c.var.user.mailboxId, body.id) : undefined;
    if (!body.id) return googleError(c, 400, 'invalidArgument', MISSING_MESSAGE);
    if (!draft) return googleError(c, 404, 'notFound', NOT_FOUND_MESSAGE);
    // The draft's thread, when it belongs to one the mailbox has (a new draft's own id does not).
    const threadId = (body.ok ? body.threadId : undefined) ?? draft.message.threadId;
    const known = ctx.store.hasThread(c.var.user.mailboxId, threadId) ? threadId : undefined;
    const response = await submit(c, body.ok ? body.raw : draft.message.raw, known);
    // Gmail removes a draft once it is sent; a refused send leaves it in place.
    if (response.status === 200) store.remove(c.var.user.mailboxId, draft.id);
    return response;
  });

  return app;
}

/** Gmail refuses to save a draft whose address headers hold something that is not an address. */
function checkAddresses(c: Context<Env>, raw: string): Response | undefined {
  const { headers } = normalize(raw, c.var.user, new Date(0));
  const bad = invalidHeader(headers);
  return bad ? googleError(c, 400, 'invalidArgument', `Invalid ${bad} header`) : undefined;
}
