import type { Context } from 'hono';
import type { SandboxContext } from '../context';
import { WindowsByKey } from '../limits/window';
import { providerMessageId } from '../mail/ids';
import {
  CRLF,
  decodeWords,
  formatMailbox,
  type Header,
  headerParam,
  headerValue,
  parseAddressList,
  parseHeaderBlock,
  rfc5322Date,
  splitHeadBody,
} from '../mime/headers';
import type { SandboxUser } from '../users';
import { googleError } from './errors';

export type Env = { Variables: { user: SandboxUser } };
type Read = { ok: true; raw: string; threadId?: string } | { ok: false; message: string };

const RAW_REQUIRED = "'raw' RFC822 payload message string or uploading message via /upload/* URL required";
const VALID_ADDRESS = /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;]+$/;

/** The message text from `{raw}` JSON, a media upload or a multipart/related upload. */
async function readMessage(c: Context<Env>, upload: boolean): Promise<Read> {
  const contentType = c.req.header('content-type') ?? '';
  if (!upload || contentType.toLowerCase().startsWith('application/json')) {
    const body = (await c.req.json().catch(() => null)) as { raw?: unknown; threadId?: unknown } | null;
    if (!body || typeof body.raw !== 'string' || body.raw === '') return { ok: false, message: RAW_REQUIRED };
    const raw = Buffer.from(body.raw, 'base64url').toString('utf8');
    return typeof body.threadId === 'string' ? { ok: true, raw, threadId: body.threadId } : { ok: true, raw };
  }
  const text = await c.req.text();
  if (c.req.query('uploadType') !== 'multipart')
    return text ? { ok: true, raw: text } : { ok: false, message: RAW_REQUIRED };
  const boundary = headerParam(contentType, 'boundary');
  const parts = boundary ? text.split(`--${boundary}`).slice(1, -1) : [];
  const split = parts.map((p) => splitHeadBody(p.replace(/^\r?\n/, '')));
  const message = split.find((p) => /message\/rfc822/i.test(p.head));
  // The metadata part (application/json) may carry the Message resource's threadId.
  const metadata = split.find((p) => /application\/json/i.test(p.head));
  const threadId = metadata ? threadIdOf(metadata.body) : undefined;
  if (!message) return { ok: false, message: RAW_REQUIRED };
  const raw = message.body.replace(/\r?\n$/, '');
  return threadId ? { ok: true, raw, threadId } : { ok: true, raw };
}

function threadIdOf(json: string): string | undefined {
  try {
    const parsed = JSON.parse(json) as { threadId?: unknown };
    return typeof parsed.threadId === 'string' ? parsed.threadId : undefined;
  } catch {
    return undefined;
  }
}

/** Gmail stamps From (the account), Date and Message-ID when the client leaves them out. */
export function normalize(raw: string, user: SandboxUser, now: Date): { raw: string; headers: Header[] } {
  const { head, body } = splitHeadBody(raw.replace(/\r?\n/g, CRLF));
  const headers = parseHeaderBlock(head);
  const from = parseAddressList(headerValue(headers, 'From'))[0];
  // Assumed: a From that is not the account (and no send-as alias exists here) is replaced by the account.
  const own = from?.address.toLowerCase() === user.email;
  const kept = headers.filter((h) => !/^from$/i.test(h.name) || own);
  if (!own) kept.unshift({ name: 'From', value: formatMailbox({ name: user.name, address: user.email }) });
  if (!headerValue(kept, 'Date')) kept.push({ name: 'Date', value: rfc5322Date(now) });
  if (!headerValue(kept, 'Message-ID')) kept.push({ name: 'Message-ID', value: providerMessageId('gmail') });
  return {
    raw: `${kept.map((h) => `${h.name}: ${h.value}`).join(CRLF)}${CRLF}${CRLF}${body}`,
    headers: kept,
  };
}

/** Submits one RFC 822 message as the user (in `threadId`, when asked): Gmail's checks and limits, then the post office. */
export type GmailSubmit = (c: Context<Env>, raw: string, threadId?: string) => Response | Promise<Response>;

/** The subject without reply/forward prefixes, for Gmail's "the Subject headers must match". */
const baseSubject = (subject: string) =>
  subject
    .replace(/^\s*((re|fwd?|aw|wg)\s*:\s*)+/i, '')
    .trim()
    .toLowerCase();

/**
 * The thread a sent message joins. Gmail's threads guide
 * (https://developers.google.com/gmail/api/guides/threads): a message is part of a thread when the
 * requested `threadId` is given, its References / In-Reply-To name a message of that thread (RFC
 * 2822), and the Subject matches; otherwise it starts a new thread. Without `threadId` an API send
 * starts its own thread even when it references one (FlowCrypt/flowcrypt-android#145). An id the
 * mailbox does not have gets 400 "Invalid thread_id value" (the answer API users report, e.g.
 * PipedreamHQ/pipedream#15223).
 */
function sentThread(
  ctx: SandboxContext,
  user: SandboxUser,
  headers: Header[],
  threadId: string | undefined,
): { ok: true; threadId: string | null } | { ok: false } {
  if (threadId === undefined) return { ok: true, threadId: null };
  if (!ctx.store.hasThread(user.mailboxId, threadId)) return { ok: false };
  const refs = `${headerValue(headers, 'In-Reply-To') ?? ''} ${headerValue(headers, 'References') ?? ''}`;
  const subject = baseSubject(decodeWords(headerValue(headers, 'Subject') ?? ''));
  const joins = (refs.match(/<[^>]+>/g) ?? []).some((id) =>
    ctx.store
      .withInternetId(user.mailboxId, id)
      .some((m) => m.threadId === threadId && baseSubject(m.subject) === subject),
  );
  return { ok: true, threadId: joins ? threadId : null };
}

/**
 * Gmail's send path, shared by users.messages.send and users.drafts.send (one set of daily
 * windows per mailbox, as Gmail counts every send the same way).
 */
export function gmailSubmitter(ctx: SandboxContext): GmailSubmit {
  const { gmail } = ctx.limits;
  const messagesPerDay = new WindowsByKey(24 * 3600_000, gmail.messagesPerDay);
  const recipientsPerDay = new WindowsByKey(24 * 3600_000, gmail.recipientsPerDay);
  const overLimitSince = new Map<string, number>();
  return (c, rawText, requestedThread) => {
    const user = c.var.user;
    const now = ctx.clock.now();
    const { raw, headers } = normalize(rawText, user, now);
    const thread = sentThread(ctx, user, headers, requestedThread);
    if (!thread.ok) return googleError(c, 400, 'invalidArgument', 'Invalid thread_id value');
    const recipients = ['To', 'Cc', 'Bcc'].flatMap((n) =>
      parseAddressList(headerValue(headers, n)).map((m) => m.address),
    );
    if (recipients.length === 0) return googleError(c, 400, 'invalidArgument', 'Recipient address required');
    const bad = invalidHeader(headers);
    if (bad) return googleError(c, 400, 'invalidArgument', `Invalid ${bad} header`);
    if (recipients.length > gmail.recipientsPerMessage) {
      // Assumed wording; the limit (100 recipients per API message) is Google's (gmail-addon.md §3.1).
      return googleError(
        c,
        400,
        'invalidArgument',
        `Too many recipients: ${recipients.length} (a message sent through the API may have at most ${gmail.recipientsPerMessage})`,
      );
    }
    const days = messagesPerDay.get(user.mailboxId);
    const recips = recipientsPerDay.get(user.mailboxId);
    const fits = days.fits(now, 1) && recips.fits(now, recipients.length);
    if (fits) overLimitSince.delete(user.mailboxId);
    else {
      const since = overLimitSince.get(user.mailboxId) ?? now.getTime();
      overLimitSince.set(user.mailboxId, since);
      if (now.getTime() - since >= gmail.overLimitAcceptMs) {
        const retryAt = new Date(
          now.getTime() + Math.max(days.waitMs(now, 1), recips.waitMs(now, recipients.length)),
        );
        return googleError(
          c,
          429,
          'rateLimitExceeded',
          `User-rate limit exceeded.  Retry after ${retryAt.toISOString()} (Mail sending)`,
          {},
          'usageLimits',
        );
      }
    }
    if (fits) {
      days.add(now, 1);
      recips.add(now, recipients.length);
    }
    const sent = ctx.postOffice.submit({
      sender: user,
      raw,
      recipients,
      saveToSent: true,
      overSendingLimit: !fits,
      sentThreadId: thread.threadId,
    })!;
    return c.json({ id: sent.id, threadId: sent.threadId, labelIds: sent.labelIds });
  };
}

/** The first address header (To, Cc, Bcc) holding something that is not an address, as Gmail names it. */
export function invalidHeader(headers: Header[]): string | undefined {
  return ['To', 'Cc', 'Bcc'].find((n) =>
    parseAddressList(headerValue(headers, n)).some((m) => !VALID_ADDRESS.test(m.address)),
  );
}

/** users.messages.send: the message from `{raw}` or an upload, then Gmail's send path. */
export function gmailSendHandler(submit: GmailSubmit, upload: boolean) {
  return async (c: Context<Env>) => {
    const read = await readMessage(c, upload);
    if (!read.ok) return googleError(c, 400, 'invalidArgument', read.message);
    return submit(c, read.raw, read.threadId);
  };
}
