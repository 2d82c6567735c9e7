import type { BounceMessage } from './decoders/contract';
import { MAX_BODY_CHARS, MAX_INPUT_BYTES, MAX_PART_CHARS } from './limits';
import { type FlatMessage, flatten } from './mime/flatten';
import { decodeHeaderValue, LazyHeaderMap } from './mime/headers';
import { flattenWithPostalMime } from './mime/postal';
import { MimeLimitError, readMimeTree } from './mime/tree';
import { htmlToText } from './text';

const DELIVERY_STATUS_TYPES = new Set(['message/delivery-status', 'message/global-delivery-status']);
const RETURNED_TYPES = new Set([
  'message/rfc822',
  'message/global',
  'text/rfc822-headers',
  'message/rfc822-headers',
  'message/global-headers',
  'message/partial',
]);
const FEEDBACK_TYPES = new Set(['message/feedback-report']);

const utf8 = new TextDecoder('utf-8');
const encoder = new TextEncoder();

/**
 * MIME-read one raw message (`mime/`: only the parts the views need are decoded) and flatten it into
 * the views decoders read. Never throws: a message past the MIME limits (too deep, headers too
 * large) is read as a plain header block plus text body, which is still enough for most text-format
 * decoders. The few shapes our reader leaves to postal-mime (see `flatten`) give the same views.
 */
export async function buildBounceMessage(raw: Uint8Array | string): Promise<BounceMessage> {
  const clamped = clampInput(raw);
  // Plain view first: a Buffer's own `includes` (in crOnlyToLf) is a slow JavaScript wrapper too.
  const input = crOnlyToLf(typeof clamped === 'string' ? clamped : plainBytes(clamped));
  const bytes = typeof input === 'string' ? encoder.encode(input) : input;
  try {
    const root = readMimeTree(bytes);
    const flat = flatten(bytes, root);
    if (flat) return fromFlat(LazyHeaderMap.from(root.fields), flat, input);
  } catch (error) {
    if (error instanceof MimeLimitError) return fromUnparsed(asText(input));
  }
  return viaPostalMime(input);
}

/** The same views read by postal-mime alone: the reference of the differential test. */
export function buildWithPostalMime(raw: Uint8Array | string): Promise<BounceMessage> {
  return viaPostalMime(crOnlyToLf(clampInput(raw)));
}

/** postal-mime reads the shapes our reader hands over (see `flatten`). */
async function viaPostalMime(input: Uint8Array | string): Promise<BounceMessage> {
  try {
    const { headers, flat } = await flattenWithPostalMime(input);
    return fromFlat(headers, flat, input);
  } catch {
    return fromUnparsed(asText(input));
  }
}

/** A Node Buffer's own `subarray` is much slower than a plain Uint8Array's: read through a plain view. */
function plainBytes(input: Uint8Array): Uint8Array {
  return Object.getPrototypeOf(input) === Uint8Array.prototype
    ? input
    : new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
}

function asText(input: Uint8Array | string): string {
  return typeof input === 'string' ? input : utf8.decode(input);
}

function clampInput(raw: Uint8Array | string): Uint8Array | string {
  if (typeof raw === 'string') return raw.length > MAX_INPUT_BYTES ? raw.slice(0, MAX_INPUT_BYTES) : raw;
  return raw.byteLength > MAX_INPUT_BYTES ? raw.subarray(0, MAX_INPUT_BYTES) : raw;
}

/**
 * Old Mac mail stores end lines with a lone CR; MIME readers split on LF only, so such a message
 * would be one long header line. A message with CRs and no LF at all gets LFs instead.
 */
function crOnlyToLf(input: Uint8Array | string): Uint8Array | string {
  if (typeof input === 'string') {
    return !input.includes('\n') && input.includes('\r') ? input.replace(/\r/g, '\n') : input;
  }
  if (input.includes(0x0a) || !input.includes(0x0d)) return input;
  return input.map((byte) => (byte === 0x0d ? 0x0a : byte));
}

/**
 * The parts in view order: the text body, the HTML body reduced to text, then every text/* and
 * message/* attachment. A message with none (a multipart whose boundary never appears) is read as
 * text after its headers.
 */
function fromFlat(
  headers: Map<string, string[]>,
  flat: FlatMessage,
  input: Uint8Array | string,
): BounceMessage {
  const parts: { contentType: string; text: string }[] = [];
  const plain = flat.text ?? '';
  if (plain.trim()) parts.push({ contentType: 'text/plain', text: normalise(plain) });
  if (flat.html) parts.push(htmlPart(flat.html));
  for (const { type, text } of flat.attachments)
    parts.push({ contentType: type, text: normalise(clip(text)) });
  if (parts.length) return assemble(headers, parts);
  return withHeaders(headers, fromUnparsed(asText(input)));
}

/**
 * The HTML body as a part whose text is reduced when first read: beside a text/plain body only
 * `parts` holds it, and no decoder reads `parts`, so most HTML alternatives are never reduced.
 */
function htmlPart(html: string): { contentType: string; text: string } {
  let text: string | undefined;
  return {
    contentType: 'text/html',
    get text() {
      text ??= normalise(htmlToText(html));
      return text;
    },
  };
}

/** Join the parts into the views of the contract. */
export function assemble(
  headers: Map<string, string[]>,
  parts: { contentType: string; text: string }[],
): BounceMessage {
  const statuses: string[] = [];
  const feedback: string[] = [];
  const returned: string[] = [];
  const plainTexts: string[] = [];
  const htmlParts: { text: string }[] = [];
  const attached: string[] = [];
  for (const part of parts) {
    const contentType = part.contentType;
    // An HTML part's text is read only when there is no text/plain part (see htmlPart).
    if (contentType === 'text/html') {
      htmlParts.push(part);
      continue;
    }
    const text = part.text;
    if (contentType === 'text/plain') plainTexts.push(text);
    else {
      attached.push(`--- ${contentType} ---\n${text}`);
      if (DELIVERY_STATUS_TYPES.has(contentType)) statuses.push(text);
      else if (FEEDBACK_TYPES.has(contentType)) feedback.push(text);
      else if (RETURNED_TYPES.has(contentType)) returned.push(text);
    }
  }
  // The readable text first (text/plain, or text/html when there is none), then each attachment.
  const sections = [...(plainTexts.length ? plainTexts : htmlParts.map((part) => part.text)), ...attached];
  const header = (name: string) => headers.get(name.toLowerCase())?.[0] ?? '';
  return {
    headers,
    header,
    subject: header('subject'),
    from: header('from'),
    // Each part is clipped already; many parts together are clipped again, so the decoders' and the
    // classifier's scans stay bounded however a hostile message is split.
    body: sections.join('\n').slice(0, MAX_BODY_CHARS),
    parts,
    deliveryStatus: statuses.length ? statuses.join('\n') : null,
    feedbackReport: feedback.length ? feedback.join('\n') : null,
    returnedMessage: returned[0] ?? null,
  };
}

/** Keep the decoded headers on a message whose body was read by hand. */
function withHeaders(headers: Map<string, string[]>, unparsed: BounceMessage): BounceMessage {
  return headers.size ? assemble(headers, unparsed.parts) : unparsed;
}

/** A message past the MIME limits: split the header block from the body by hand (no MIME). */
function fromUnparsed(text: string): BounceMessage {
  const normalised = normalise(text);
  const split = normalised.indexOf('\n\n');
  const headerBlock = split < 0 ? normalised : normalised.slice(0, split);
  const body = split < 0 ? '' : normalised.slice(split + 2);
  const headers = new Map<string, string[]>();
  for (const line of headerBlock.replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = decodeHeaderValue(line.slice(colon + 1));
    const values = headers.get(name);
    if (values) values.push(value);
    else headers.set(name, [value]);
  }
  return assemble(headers, [{ contentType: 'text/plain', text: clip(body) }]);
}

function clip(text: string): string {
  return text.length > MAX_PART_CHARS ? text.slice(0, MAX_PART_CHARS) : text;
}

/**
 * Line endings become `\n` (also U+2028/U+2029, which `^` and `$` treat as line breaks), runs of
 * more than two whitespace-only lines shrink to two, and whitespace runs longer than a line could
 * need shrink to one space. Why: decoders use line-anchored patterns such as `/^\s*-----.../m`,
 * which cost time quadratic in the length of a whitespace run (64 KB of blank lines took 1.8 s, 256 KB
 * took 26 s); no real notice needs those runs, and every regex stays linear without them.
 */
function normalise(text: string): string {
  const lines =
    text.includes('\r') || text.includes('\u2028') || text.includes('\u2029')
      ? text.replace(/\r\n?|[\u2028\u2029]/g, '\n')
      : text;
  const short = lines.replace(BLANK_LINE_RUN, '\n\n\n');
  return mayHaveLongBlankRun(short) ? short.replace(LONG_BLANK_RUN, ' ') : short;
}

/**
 * A necessary condition of LONG_BLANK_RUN, checked by sampling every 128th character instead of
 * trying the pattern at every one: a run of 256 or more covers two consecutive multiples of 128
 * (the first one at or after its start is at most 127 in, the next at most 255 in) and every
 * character between them, so a run exists only where both samples are blanks and the 128
 * characters from the first are all blanks.
 */
function mayHaveLongBlankRun(text: string): boolean {
  for (let at = 128; at < text.length; at += 128) {
    if (!isRunBlank(text.charCodeAt(at)) || !isRunBlank(text.charCodeAt(at - 128))) continue;
    BLANK_128.lastIndex = at - 128;
    if (BLANK_128.test(text)) return true;
  }
  return false;
}

/** Whether a character is in LONG_BLANK_RUN's class (JavaScript's `\s` without `\n`). */
function isRunBlank(code: number): boolean {
  if (code === 0x20 || code === 0x09 || (code >= 0x0b && code <= 0x0d)) return true;
  return code >= 0xa0 && WIDE_BLANK.test(String.fromCharCode(code));
}

// `[^\S\n]` spelled out (JavaScript's \s without \n): the same matches, and V8 scans the explicit
// class about three times faster than the negated one.
/** More than two whitespace-only lines in a row: `\n(?:[^\S\n]*\n){3,}`. */
const BLANK_LINE_RUN =
  /\n(?:[\t\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]*\n){3,}/g;
/** A whitespace run no line needs: `[^\S\n]{256,}`. */
const LONG_BLANK_RUN = /[\t\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]{256,}/g;
/** 128 characters of LONG_BLANK_RUN's class at `lastIndex`. */
const BLANK_128 = /[\t\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]{128}/y;
/** LONG_BLANK_RUN's class above U+009F. */
const WIDE_BLANK = /[\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;
