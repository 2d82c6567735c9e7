import type { Attachment, Email, Header } from 'postal-mime';
import PostalMime, { decodeWords } from 'postal-mime';
import type { BounceMessage } from './decoders/contract';
import {
  MAX_BODY_CHARS,
  MAX_HEADER_VALUE_CHARS,
  MAX_INPUT_BYTES,
  MAX_MIME_DEPTH,
  MAX_PART_CHARS,
} from './limits';
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

/**
 * MIME-parse one raw message (postal-mime) and flatten it into the views decoders read.
 * Never throws: a message postal-mime rejects (too deep, headers too large) is read as a plain
 * header block plus text body, which is still enough for most text-format decoders.
 */
export async function buildBounceMessage(raw: Uint8Array | string): Promise<BounceMessage> {
  const input = crOnlyToLf(clampInput(raw));
  try {
    const email = await new PostalMime({
      forceRfc822Attachments: true,
      attachmentEncoding: 'arraybuffer',
      maxNestingDepth: MAX_MIME_DEPTH,
    }).parse(input);
    const message = fromEmail(email);
    // A multipart whose boundary never appears leaves postal-mime with nothing: read it as text.
    return message.parts.length
      ? message
      : withHeaders(message.headers, fromUnparsed(typeof input === 'string' ? input : utf8.decode(input)));
  } catch {
    return fromUnparsed(typeof input === 'string' ? input : utf8.decode(input));
  }
}

function clampInput(raw: Uint8Array | string): Uint8Array | string {
  if (typeof raw === 'string') return raw.length > MAX_INPUT_BYTES ? raw.slice(0, MAX_INPUT_BYTES) : raw;
  return raw.byteLength > MAX_INPUT_BYTES ? raw.subarray(0, MAX_INPUT_BYTES) : raw;
}

/**
 * Old Mac mail stores end lines with a lone CR; postal-mime splits on LF only, so such a message
 * would be one long header line. A message with CRs and no LF at all gets LFs instead.
 */
function crOnlyToLf(input: Uint8Array | string): Uint8Array | string {
  if (typeof input === 'string') {
    return !input.includes('\n') && input.includes('\r') ? input.replace(/\r/g, '\n') : input;
  }
  if (input.includes(0x0a) || !input.includes(0x0d)) return input;
  return input.map((byte) => (byte === 0x0d ? 0x0a : byte));
}

function fromEmail(email: Email): BounceMessage {
  const headers = headerMap(email.headers);
  const parts: { contentType: string; text: string }[] = [];
  const plain = email.text ?? '';
  if (plain.trim()) parts.push({ contentType: 'text/plain', text: normalise(plain) });
  if (email.html) parts.push({ contentType: 'text/html', text: normalise(htmlToText(email.html)) });
  for (const attachment of email.attachments) {
    const text = attachmentText(attachment);
    if (text !== null) parts.push({ contentType: attachment.mimeType.toLowerCase(), text });
  }
  return assemble(headers, parts);
}

function attachmentText(attachment: Attachment): string | null {
  const type = attachment.mimeType.toLowerCase();
  if (!type.startsWith('text/') && !type.startsWith('message/')) return null;
  const content = attachment.content;
  const text = typeof content === 'string' ? content : utf8.decode(content);
  return normalise(clip(text));
}

/** Join the parts into the views of the contract. */
export function assemble(
  headers: Map<string, string[]>,
  parts: { contentType: string; text: string }[],
): BounceMessage {
  const pick = (types: Set<string>) => parts.filter((p) => types.has(p.contentType)).map((p) => p.text);
  const statuses = pick(DELIVERY_STATUS_TYPES);
  const feedback = pick(FEEDBACK_TYPES);
  const returned = pick(RETURNED_TYPES);
  const readable = parts.filter((p) => p.contentType === 'text/plain');
  const readableText = readable.length ? readable : parts.filter((p) => p.contentType === 'text/html');
  const sections = [...readableText.map((p) => p.text)];
  for (const part of parts) {
    if (part.contentType === 'text/plain' || part.contentType === 'text/html') continue;
    sections.push(`--- ${part.contentType} ---\n${part.text}`);
  }
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

function headerMap(list: Header[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const { key, value } of list) {
    const name = key.toLowerCase();
    const decoded = decodeHeaderValue(value);
    const values = map.get(name);
    if (values) values.push(decoded);
    else map.set(name, [decoded]);
  }
  return map;
}

function decodeHeaderValue(value: string): string {
  const clipped = value.length > MAX_HEADER_VALUE_CHARS ? value.slice(0, MAX_HEADER_VALUE_CHARS) : value;
  if (!clipped.includes('=?')) return clipped.trim();
  try {
    return decodeWords(clipped).trim();
  } catch {
    return clipped.trim();
  }
}

/** Keep postal-mime's decoded headers on a message whose body was read by hand. */
function withHeaders(headers: Map<string, string[]>, unparsed: BounceMessage): BounceMessage {
  return headers.size ? assemble(headers, unparsed.parts) : unparsed;
}

/** A message postal-mime refused: split the header block from the body by hand (no MIME). */
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
  return text
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(/\n(?:[^\S\n]*\n){3,}/g, '\n\n\n')
    .replace(/[^\S\n]{256,}/g, ' ');
}
