import { MAX_RECIPIENTS } from '../../limits';
import type { BounceReason } from '../../types';
import type { BounceMessage, Decoded, DecodedRecipient } from '../contract';
import { dsnFields } from './dsn-fields';
import { oneLine, scanText } from './text';

export { oneLine, scanText } from './text';

/**
 * Shared helpers for the MTA/provider text-format decoders. Every regex here is linear: no nested
 * quantifiers, and every input is sliced to a bounded length before matching.
 */

/** Most recipients one notice may yield (guards loops over hostile input): the engine's own limit. */
export { MAX_RECIPIENTS };

// Domain labels may be internationalised (RFC 6531: `josé@bücher.example`); the last one must be
// ASCII so that text written right after an address is not read as part of it.
// Written without the `i` flag, which costs ~1 ms to compile over these Unicode classes: each class
// lists what `i` (with `u`) added, so it matches exactly the same characters (checked for every code
// point): upper case, ſ and the Kelvin sign (which fold to s and k), and U+0345 (folds to a letter).
const ADDRESS_RE =
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: U+0345 stands alone here, as the `i` flag matched it alone
  /[^\s<>()[\]"',;:]{1,256}@(?:[\p{L}\p{N}\u0345](?:[\p{L}\p{N}\u0345_-]{0,62}[\p{L}\p{N}\u0345])?\.{1,2}){0,16}[a-zA-Z0-9\u017F\u212A][a-zA-Z0-9_\u017F\u212A-]{0,62}[a-zA-Z0-9\u017F\u212A]/u;
const ANGLE_ADDRESS_RE = /<([^\s<>@]{1,256}@[^\s<>]{1,255})>/;
// Not part of a longer dotted number (an IP address): no digit or ".digit" on either side.
const STATUS_RE = /(?<![\d.])([245])\.(\d{1,3})\.(\d{1,3})(?!\d|\.\d)/;
const REPLY_RE = /(?<![\w.#-])([245][0-9]{2})(?=[ \t\-:;,]|$)/m;

/** First e-mail address in the text (angle-bracketed ones first), lower-cased, or ''. */
/** Longest text one address search scans: addresses sit near the start of the line they are on. */
const MAX_ADDRESS_SCAN = 4096;

export function findAddress(input: string | undefined): string {
  if (!input) return '';
  const text = input.length > MAX_ADDRESS_SCAN ? input.slice(0, MAX_ADDRESS_SCAN) : input;
  const angled = ANGLE_ADDRESS_RE.exec(text);
  const found = angled ? angled[1] : ADDRESS_RE.exec(text)?.[0];
  return found
    ? found
        .replace(/^mailto:/i, '')
        .replace(/[.]+$/, '')
        .toLowerCase()
    : '';
}

export function findStatus(text: string): string | undefined {
  const m = STATUS_RE.exec(scanText(text));
  return m ? `${m[1]}.${m[2]}.${m[3]}` : undefined;
}

export function findReplyCode(text: string): string | undefined {
  return REPLY_RE.exec(text)?.[1];
}

const COMMANDS: [RegExp, string][] = [
  [/\bRCPT[ _]TO\b|\bRCPT\b|does not like recipient/i, 'RCPT'],
  [/\bMAIL[ _]FROM\b|sender was rejected/i, 'MAIL'],
  [
    /\bend of data\b|\bafter DATA\b|\bDATA command\b|\bfailed after I sent the message\b|\bdata\s*$|\bin reply to end of data\b/im,
    'DATA',
  ],
  [/\bEHLO\b/, 'EHLO'],
  [/\bHELO\b/, 'HELO'],
  [/\bmy name was rejected\b/, 'EHLO'],
];

/** The SMTP command a sentence says failed, e.g. "after RCPT TO:" → RCPT. */
export function findCommand(text: string): string | undefined {
  for (const [re, command] of COMMANDS) if (re.test(text)) return command;
  return undefined;
}

/** A recipient with status, reply code and command read from its diagnostic text. */
export function recipientFrom(
  address: string,
  diagnostic: string,
  extra: Partial<DecodedRecipient> = {},
): DecodedRecipient {
  const text = oneLine(diagnostic);
  const r: DecodedRecipient = { address: address.toLowerCase(), diagnostic: text || undefined };
  const status = findStatus(text);
  const replyCode = findReplyCode(text);
  const command = findCommand(text);
  if (status) r.status = status;
  if (replyCode) r.replyCode = replyCode;
  if (command) r.command = command;
  return { ...r, ...stripUndefined(extra) };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}

/**
 * The text between the first match of `start` and the next match of `end` (or the end of the
 * text). Null when `start` does not occur.
 */
export function section(text: string, start: RegExp, end?: RegExp): string | null {
  const s = start.exec(text);
  if (!s) return null;
  const rest = text.slice(s.index + s[0].length);
  if (!end) return rest;
  const e = end.exec(rest);
  return e ? rest.slice(0, e.index) : rest;
}

const MESSAGE_ID_RE = /^Message-I[Dd]:[ \t]*(?:\r?\n[ \t]+)?<?([^\s<>]{1,500}?)>?[ \t]*$/im;

const NESTED_ORIGINAL_RE =
  /^Content-Type:[ \t]*(?:message\/rfc822|text\/rfc822-headers|message\/global)\b/gim;

function lastIndexOf(text: string, re: RegExp): number {
  let last = -1;
  let count = 0;
  for (const m of text.matchAll(re)) {
    last = m.index ?? last;
    if (++count >= 100) break;
  }
  return last;
}

/** Message-ID of the returned original: the returned part, else the body after `after`. */
export function originalMessageId(message: BounceMessage, after?: RegExp): string | undefined {
  if (message.returnedMessage) {
    const m = MESSAGE_ID_RE.exec(scanText(message.returnedMessage));
    if (m) return m[1];
  }
  const body = scanText(message.body);
  // A bounce forwarded or returned as raw text nests the original under its own
  // "Content-Type: message/rfc822" line; the innermost one is the message we sent.
  const nested = lastIndexOf(body, NESTED_ORIGINAL_RE);
  const inner = nested >= 0 ? MESSAGE_ID_RE.exec(body.slice(nested)) : null;
  if (inner) return inner[1];
  const start = after ? after.exec(body) : null;
  const tail = start ? body.slice(start.index) : null;
  const m = tail ? MESSAGE_ID_RE.exec(tail) : null;
  return m ? m[1] : undefined;
}

/** Addresses from the X-Failed-Recipients header(s), lower-cased. */
export function failedRecipientsHeader(message: BounceMessage): string[] {
  const values = message.headers.get('x-failed-recipients') ?? [];
  const out: string[] = [];
  for (const v of values) {
    for (const piece of v.split(',')) {
      const a = findAddress(piece);
      if (a && !out.includes(a)) out.push(a);
    }
  }
  return out;
}

/**
 * True when `lower` (already lower-cased) contains any of the lower-case `phrases`: a cheap NECESSARY
 * check before a case-insensitive (non-Unicode) pattern made of those phrases. Under `i` an ASCII
 * letter matches only itself or its ASCII case twin, and both lower-case to the same letter.
 */
export function hasAny(lower: string, phrases: readonly string[]): boolean {
  for (const phrase of phrases) if (lower.includes(phrase)) return true;
  return false;
}

export function isMailerDaemon(from: string): boolean {
  return /mailer-daemon|postmaster|mail delivery (system|subsystem)|MAILER_DAEMON/i.test(from);
}

/** Wrap a decoder body so an unexpected error declines instead of throwing. */
export function safely(
  name: string,
  decode: (m: BounceMessage) => Decoded | null,
): { name: string; decode(m: BounceMessage): Decoded | null } {
  return {
    name,
    decode(message) {
      try {
        const out = decode(message);
        if (!out || out.recipients.length === 0) return null;
        if (out.kind === 'bounce') fillStatusFromReport(message, out.recipients);
        return out;
      } catch {
        return null;
      }
    },
  };
}

export function bounce(decoder: string, recipients: DecodedRecipient[], messageId?: string): Decoded {
  const out: Decoded = { decoder, kind: 'bounce', recipients: recipients.slice(0, MAX_RECIPIENTS) };
  if (messageId) out.originalMessageId = messageId;
  return out;
}

/**
 * True when the message has a delivery-status part naming at least one full recipient address.
 * Text decoders for MTAs that also send RFC 3464 reports decline then: the structured fields are
 * the better source, and the RFC 3464 decoder reads them.
 */
export function hasUsableDeliveryStatus(message: BounceMessage): boolean {
  const ds = message.deliveryStatus;
  if (!ds) return false;
  // Six decoders ask this of the same message: the answer is kept per message object.
  const known = usableDeliveryStatus.get(message);
  if (known !== undefined) return known;
  // A source route ("@relay:user@host") or a dotless host is not an address we sent to.
  const usable =
    /^Final-Recipient:[ \t]*(?:rfc822;)?[ \t]*<?[^\s@<>;:]{1,256}@[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,10}>?[ \t]*$/im.test(
      scanText(ds),
    );
  usableDeliveryStatus.set(message, usable);
  return usable;
}

const usableDeliveryStatus = new WeakMap<BounceMessage, boolean>();

/**
 * Sentences an MTA writes itself (not the remote server's reply) with a fixed meaning, e.g. Exim's
 * "retry timeout exceeded". A decoder sets the reason from its own table only; anything else is
 * left to the engine's classifier.
 */
export type ReasonTable = readonly (readonly [RegExp, BounceReason])[];

export function reasonFrom(text: string, table: ReasonTable): BounceReason | undefined {
  for (const [re, reason] of table) if (re.test(text)) return reason;
  return undefined;
}

/**
 * Many text notices also carry the report fields, as a delivery-status part or (forwarded,
 * quoted, broken MIME) inline in the body. A recipient whose text gave no status takes the
 * Status (and Diagnostic-Code type) of its own Final-Recipient block there.
 */
function fillStatusFromReport(message: BounceMessage, recipients: DecodedRecipient[]): void {
  // A failure whose text quotes only the last attempt's 4xx may have its final Status in the report.
  const needs = (r: DecodedRecipient) =>
    !r.status || !r.diagnosticType || (r.action === 'failed' && r.status.startsWith('4'));
  if (!recipients.some(needs)) return;
  const inline = /^(?:> ?)?Final-Recipient:/im.exec(scanText(message.body));
  const report =
    message.deliveryStatus ??
    (inline ? message.body.slice(Math.max(0, inline.index - 2000)).replace(/^> ?/gm, '') : null);
  if (!report) return;
  // One recipient and one report block are about the same delivery even when the report names it
  // differently (Exim's "save to /path" or an alias).
  const oneToOne = recipients.length === 1 && (report.match(/^Final-Recipient:/gim) ?? []).length === 1;
  for (const r of recipients) {
    if (!needs(r)) continue;
    const dsn = dsnFields(report, r.address, { sameRecipient: !oneToOne });
    // Exim's given-up notice: "452 4.2.2 ...: retry timeout exceeded" in the text, Status 5.0.0.
    if (r.status?.startsWith('4') && dsn.status?.startsWith('5')) r.status = dsn.status;
    r.status ??= dsn.status;
    // A local delivery agent's failure (`X-UNIX; procmail: ...`) is a mailer error, not an SMTP reply.
    r.diagnosticType ??= dsn.diagnosticType;
  }
}
