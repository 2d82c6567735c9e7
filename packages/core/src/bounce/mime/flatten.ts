/**
 * The part tree flattened into what the bounce views are built from, with the same choices
 * postal-mime 4 makes (`forceRfc822Attachments`): inline text/plain and text/html parts form the
 * text and HTML bodies (one entry per multipart/alternative), every other leaf is an attachment, and
 * a returned message/rfc822 stays raw. Only text/* and message/* attachments are decoded: the views
 * never read images or application parts, so their base64 is never touched.
 */
import { decoderFor } from './charset';
import {
  base64Text,
  decodeBase64Body,
  decodeFlowed,
  decodeLines,
  decodeLinesText,
  decodeQuotedPrintable,
  quotedPrintableText,
  transferDecoder,
} from './transfer';
import type { MimePart } from './tree';

export interface FlatMessage {
  /** Inline text/plain parts joined with `\n` (undefined when there is none). */
  text?: string;
  /** Inline text/html parts joined with `\n` (undefined when there is none). */
  html?: string;
  /** text/* and message/* attachments in order: media type and UTF-8 text. */
  attachments: { type: string; text: string }[];
}

interface TextEntry {
  plain?: string[];
  html?: string[];
}

const utf8 = new TextDecoder('utf-8');

/**
 * Flatten the tree, or null when a body would need one text type rendered from the other
 * (a text/html part beside text/plain outside a multipart/alternative): postal-mime converts it
 * with its own HTML renderer, so the caller lets postal-mime read that message.
 */
export function flatten(bytes: Uint8Array, root: MimePart): FlatMessage | null {
  const entries = new Map<MimePart, TextEntry>();
  const attachments: FlatMessage['attachments'] = [];
  const walk = (part: MimePart, alternative: MimePart | null): void => {
    if (!part.multipart) {
      collectLeaf(bytes, part, alternative, entries, attachments);
      return;
    }
    const inner = part.multipart === 'alternative' ? part : alternative;
    for (const child of part.children) walk(child, inner);
  };
  walk(root, null);
  const text = joinEntries(entries, 'plain');
  const html = joinEntries(entries, 'html');
  if (text === null || html === null) return null;
  const flat: FlatMessage = { attachments };
  if (text) flat.text = text;
  if (html) flat.html = html;
  return flat;
}

function collectLeaf(
  bytes: Uint8Array,
  part: MimePart,
  alternative: MimePart | null,
  entries: Map<MimePart, TextEntry>,
  attachments: FlatMessage['attachments'],
): void {
  const inlineText =
    part.disposition !== 'attachment' && (part.type === 'text/plain' || part.type === 'text/html');
  if (inlineText) {
    const key = alternative ?? part;
    const entry = entries.get(key) ?? {};
    entries.set(key, entry);
    const kind = part.type === 'text/html' ? 'html' : 'plain';
    const texts = entry[kind];
    if (texts) texts.push(textContent(bytes, part));
    else entry[kind] = [textContent(bytes, part)];
    return;
  }
  // Only text and message parts reach the views; the rest is never decoded.
  if (!part.type.startsWith('text/') && !part.type.startsWith('message/')) return;
  attachments.push({ type: part.type, text: attachmentText(bytes, part) });
}

/** '' when no entry has this type, null when some entry lacks it (a conversion postal-mime would do). */
function joinEntries(entries: Map<MimePart, TextEntry>, kind: keyof TextEntry): string | null {
  if (entries.size === 1) {
    const only = entries.values().next().value?.[kind];
    return only ? only.join('\n') : '';
  }
  const out: string[] = [];
  let seen = false;
  let missing = false;
  for (const entry of entries.values()) {
    const texts = entry[kind];
    if (texts) {
      seen = true;
      out.push(...texts);
    } else missing = true;
  }
  if (!seen) return '';
  return missing ? null : out.join('\n');
}

/**
 * Decoders in which a CR or LF byte is always that character, never part of another (UTF-16 pairs
 * and ISO-2022-JP's two-byte mode are the exceptions among TextDecoder's encodings).
 */
const LINE_SAFE = (decoder: TextDecoder) => {
  const encoding = decoder.encoding;
  return !encoding.startsWith('utf-16') && !encoding.startsWith('iso-2022-jp');
};

/** The body as text: decoded from its transfer encoding, then from `decoder`'s charset. */
function bodyText(bytes: Uint8Array, part: MimePart, decoder: TextDecoder): string {
  const decode = transferDecoder(part.transferEncoding);
  const raw = part.bodyStart < 0 ? bytes.subarray(0, 0) : bytes.subarray(part.bodyStart, part.bodyEnd);
  const text =
    decode === decodeQuotedPrintable
      ? quotedPrintableText(raw, decoder)
      : decode === decodeBase64Body
        ? base64Text(raw, decoder)
        : null;
  if (text !== null) return text;
  if (decode !== decodeLines || !LINE_SAFE(decoder)) return decoder.decode(decode(raw));
  return decodeLinesText(raw, decoder);
}

/** An inline text part: its charset, and format=flowed unfolded. */
function textContent(bytes: Uint8Array, part: MimePart): string {
  const text = bodyText(bytes, part, decoderFor(part.params.charset));
  const format = part.params.format;
  if (!format || !/^flowed$/i.test(format)) return text;
  return decodeFlowed(text, /^yes$/i.test(part.params.delsp ?? ''));
}

/**
 * An attachment is read as UTF-8 whatever its charset (as the postal-mime path always did), except
 * text/calendar, which postal-mime decodes with its charset and ends with exactly one newline.
 */
function attachmentText(bytes: Uint8Array, part: MimePart): string {
  if (part.type !== 'text/calendar') return bodyText(bytes, part, utf8);
  const text = textContent(bytes, part).replace(/\r?\n/g, '\n');
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0x0a) end--;
  return `${text.slice(0, end)}\n`;
}
