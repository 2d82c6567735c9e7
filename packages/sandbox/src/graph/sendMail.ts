import type { Context } from 'hono';
import { z } from 'zod';
import type { SandboxContext } from '../context';
import { WindowsByKey } from '../limits/window';
import { providerMessageId } from '../mail/ids';
import { renderMessage, textPart } from '../mime/build';
import {
  encodeWord,
  formatMailbox,
  type Header,
  headerValue,
  parseAddressList,
  parseHeaderBlock,
  rfc5322Date,
  splitHeadBody,
} from '../mime/headers';
import type { SandboxUser } from '../users';
import { graphError, retryAfterSeconds } from './errors';

const recipient = z.object({ emailAddress: z.object({ address: z.string(), name: z.string().optional() }) });
const sendMailBody = z.object({
  message: z.object({
    subject: z.string().optional(),
    body: z.object({ contentType: z.string().optional(), content: z.string() }).optional(),
    toRecipients: z.array(recipient).optional(),
    ccRecipients: z.array(recipient).optional(),
    bccRecipients: z.array(recipient).optional(),
    internetMessageHeaders: z.array(z.object({ name: z.string(), value: z.string() })).optional(),
  }),
  saveToSentItems: z.union([z.boolean(), z.enum(['true', 'false'])]).optional(),
});
type GraphMessage = z.infer<typeof sendMailBody>['message'];

/** What a sendMail request boils down to, from either JSON or base64 MIME. */
interface Outgoing {
  raw: string;
  recipients: string[];
  saveToSent: boolean;
}

type Parsed = { ok: true; outgoing: Outgoing } | { ok: false; status: 400; code: string; message: string };

const VALID_ADDRESS = /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;]+$/;

function checkRecipients(addresses: string[]): Parsed | null {
  if (addresses.length === 0) {
    return {
      ok: false,
      status: 400,
      code: 'ErrorInvalidRecipients',
      message:
        "At least one recipient is not valid., A message can't be sent because it contains no recipients.",
    };
  }
  const bad = addresses.find((a) => !VALID_ADDRESS.test(a));
  if (bad !== undefined) {
    return {
      ok: false,
      status: 400,
      code: 'ErrorInvalidRecipients',
      message: `At least one recipient is not valid., Recipient '"${bad}" <${bad}>' is not resolved. All recipients must be resolved before a message can be submitted.`,
    };
  }
  return null;
}

function mimeFromJson(user: SandboxUser, message: GraphMessage, now: Date): string {
  const list = (r: GraphMessage['toRecipients']) =>
    (r ?? []).map((x) => formatMailbox({ name: x.emailAddress.name ?? '', address: x.emailAddress.address }));
  const headers: Header[] = [
    { name: 'From', value: formatMailbox({ name: user.name, address: user.email }) },
    { name: 'To', value: list(message.toRecipients).join(', ') },
  ];
  if (message.ccRecipients?.length)
    headers.push({ name: 'Cc', value: list(message.ccRecipients).join(', ') });
  if (message.bccRecipients?.length)
    headers.push({ name: 'Bcc', value: list(message.bccRecipients).join(', ') });
  headers.push(
    { name: 'Subject', value: encodeWord(message.subject ?? '') },
    { name: 'Thread-Topic', value: encodeWord(message.subject ?? '') },
    { name: 'Date', value: rfc5322Date(now) },
    // Exchange assigns the Message-ID; sendMail offers no way to choose it.
    { name: 'Message-ID', value: providerMessageId('exchange') },
    { name: 'Content-Language', value: 'en-US' },
    { name: 'X-MS-Has-Attach', value: '' },
    ...(message.internetMessageHeaders ?? []),
  );
  const html = (message.body?.contentType ?? 'text').toLowerCase() === 'html';
  return renderMessage(headers, textPart(html ? 'text/html' : 'text/plain', message.body?.content ?? ''));
}

function parseJson(user: SandboxUser, body: unknown, now: Date): Parsed {
  const parsed = sendMailBody.safeParse(body);
  if (!parsed.success)
    return {
      ok: false,
      status: 400,
      code: 'ErrorInvalidRequest',
      message: 'The request is invalid: the message payload could not be read.',
    };
  const { message } = parsed.data;
  const badHeader = (message.internetMessageHeaders ?? []).find((h) => !/^x-/i.test(h.name));
  if (badHeader) {
    return {
      ok: false,
      status: 400,
      code: 'InvalidInternetMessageHeader',
      message: `The internet message header name '${badHeader.name}' should start with 'x-' or 'X-'.`,
    };
  }
  const recipients = [
    ...(message.toRecipients ?? []),
    ...(message.ccRecipients ?? []),
    ...(message.bccRecipients ?? []),
  ].map((r) => r.emailAddress.address.trim().toLowerCase());
  const invalid = checkRecipients(recipients);
  if (invalid) return invalid;
  const saveToSent =
    parsed.data.saveToSentItems === undefined ? true : String(parsed.data.saveToSentItems) === 'true';
  return { ok: true, outgoing: { raw: mimeFromJson(user, message, now), recipients, saveToSent } };
}

/** sendMail with `Content-Type: text/plain` takes a base64 MIME message (Graph "send MIME" docs). */
function parseMime(user: SandboxUser, text: string, now: Date): Parsed {
  const decoded = Buffer.from(text.trim(), 'base64').toString('utf8');
  if (!/^[A-Za-z0-9+/=\s]+$/.test(text.trim()) || !/\r?\n\r?\n/.test(decoded)) {
    return {
      ok: false,
      status: 400,
      code: 'ErrorMimeContentInvalidBase64String',
      message: 'Invalid base64 string for MIME content.',
    };
  }
  const { head, body } = splitHeadBody(decoded);
  const headers = parseHeaderBlock(head).filter(
    (h) => !/^(from|date|return-path|auto-submitted)$/i.test(h.name),
  );
  const recipients = ['To', 'Cc', 'Bcc'].flatMap((n) =>
    parseAddressList(headerValue(headers, n)).map((m) => m.address),
  );
  const invalid = checkRecipients(recipients);
  if (invalid) return invalid;
  // Exchange keeps a MIME message's own Message-ID, In-Reply-To, References and List-Unsubscribe(-Post)
  // (clients thread replies and one-click unsubscribe through them: chatwoot/chatwoot#13985,
  // elie222/inbox-zero#1246), stamps From and Date, assigns a Message-ID only when there is none, and
  // drops some headers it owns: Return-Path is replaced and Auto-Submitted removed
  // (microsoftgraph/msgraph-sdk-dotnet#2209).
  const own = headerValue(headers, 'Message-ID')
    ? []
    : [{ name: 'Message-ID', value: providerMessageId('exchange') }];
  const top: Header[] = [
    { name: 'From', value: formatMailbox({ name: user.name, address: user.email }) },
    ...headers,
    { name: 'Date', value: rfc5322Date(now) },
    ...own,
  ];
  const raw = `${top.map((h) => `${h.name}: ${h.value}`).join('\r\n')}\r\n\r\n${body}`;
  return { ok: true, outgoing: { raw, recipients, saveToSent: true } };
}

/** POST /me/sendMail: validation, Exchange Online's sending limits, then the post office. 202 = accepted. */
export function sendMailHandler(ctx: SandboxContext) {
  const { exchange } = ctx.limits;
  const perMinute = new WindowsByKey(60_000, exchange.messagesPerMinute);
  const perDay = new WindowsByKey(24 * 3600_000, exchange.recipientsPerDay);
  return async (c: Context<{ Variables: { user: SandboxUser } }>) => {
    const user = c.var.user;
    const now = ctx.clock.now();
    const isMime = (c.req.header('content-type') ?? '').toLowerCase().startsWith('text/plain');
    let parsed: Parsed;
    if (isMime) parsed = parseMime(user, await c.req.text(), now);
    else {
      const body = await c.req.json().catch(() => undefined);
      if (body === undefined)
        return graphError(
          c,
          400,
          'BadRequest',
          'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
        );
      parsed = parseJson(user, body, now);
    }
    if (!parsed.ok) return graphError(c, parsed.status, parsed.code, parsed.message);
    const { outgoing } = parsed;
    const count = outgoing.recipients.length;
    if (count > exchange.recipientsPerMessage) {
      // Assumed code: the reference gives the 500 limit, not Graph's exact error for it.
      return graphError(
        c,
        400,
        'ErrorExceededMessageLimit',
        `The message has ${count} recipients; a message may have at most ${exchange.recipientsPerMessage} recipients.`,
      );
    }
    const minute = perMinute.get(user.mailboxId);
    if (!minute.fits(now, 1)) {
      // Assumed: real EXO queues Graph submissions over 30/min; the sandbox makes the limit visible as a 429.
      return graphError(c, 429, 'ApplicationThrottled', 'Application is over its MessageRateLimit limit.', {
        'Retry-After': retryAfterSeconds(minute.waitMs(now, 1)),
      });
    }
    const day = perDay.get(user.mailboxId);
    if (!day.fits(now, count)) {
      // ErrorSubmissionQuotaExceeded is the code EXO reports for the 10,000 recipients/24 h limit.
      return graphError(
        c,
        429,
        'ErrorSubmissionQuotaExceeded',
        `Cannot submit message: the sender has exceeded the recipient rate limit of ${exchange.recipientsPerDay} recipients in 24 hours.`,
        { 'Retry-After': retryAfterSeconds(day.waitMs(now, count)) },
      );
    }
    minute.add(now, 1);
    day.add(now, count);
    ctx.postOffice.submit({
      sender: user,
      raw: outgoing.raw,
      recipients: outgoing.recipients,
      saveToSent: outgoing.saveToSent,
    });
    return c.body(null, 202);
  };
}
