/**
 * Content-Transfer-Encoding decoders over a part's raw body bytes. Each line loses its line break
 * and any CRs before it and ends with `\n` (a body that did not end with a line break gains one),
 * as postal-mime 4 delivers parts; base64 is decoded per `=`-terminated unit, and quoted-printable
 * keeps an escape it cannot read as literal text. Loops jump with the native `indexOf`, so a cold
 * process does little byte-by-byte work in JavaScript.
 */
import { NON_ASCII_CHAR } from '../text';
import { hexValue } from './structured';

const LF = 0x0a;
const CR = 0x0d;
const EQUALS = 0x3d;

/** Which decoder a Content-Transfer-Encoding token selects (substring match, like postal-mime). */
export function transferDecoder(encoding: string): (body: Uint8Array) => Uint8Array {
  // The usual tokens contain neither name: no regex run for them.
  if (encoding === '8bit' || encoding === '7bit' || encoding === 'binary') return decodeLines;
  if (/base64/i.test(encoding)) return decodeBase64Body;
  if (/quoted-printable/i.test(encoding)) return decodeQuotedPrintable;
  return decodeLines;
}

/**
 * `decodeLines` done on text instead of bytes, for a decoder in which CR and LF bytes are always
 * those characters (so removing them before or after decoding is the same): one native replace.
 */
export function decodeLinesText(raw: Uint8Array, decoder: TextDecoder): string {
  const text = decoder.decode(raw);
  if (!raw.length) return text;
  const lines = text.includes('\r') ? text.replace(/\r+\n/g, '\n') : text;
  if (raw[raw.length - 1] === LF) return lines;
  let end = lines.length;
  while (end > 0 && lines.charCodeAt(end - 1) === CR) end--;
  return `${lines.slice(0, end)}\n`;
}

/** End of a line's content: before the LF at `lf` (or the end) and any CRs before it. */
function contentEnd(body: Uint8Array, start: number, lf: number): number {
  let end = lf;
  while (end > start && body[end - 1] === CR) end--;
  return end;
}

/** Copy from[start, end) to `to` at `at`; returns the new end. Short runs skip the subarray. */
function copyBytes(from: Uint8Array, start: number, end: number, to: Uint8Array, at: number): number {
  if (end - start > 32) {
    to.set(from.subarray(start, end), at);
    return at + end - start;
  }
  let out = at;
  for (let i = start; i < end; i++) to[out++] = from[i] ?? 0;
  return out;
}

/** 7bit/8bit/binary: the bytes as they are, with bare `\n` line ends. */
export function decodeLines(body: Uint8Array): Uint8Array {
  if (!body.length) return body;
  const endsWithLf = body[body.length - 1] === LF;
  if (endsWithLf && !body.includes(CR)) return body;
  const out = new Uint8Array(body.length + 1);
  let size = 0;
  for (let start = 0; start < body.length; ) {
    const lf = body.indexOf(LF, start);
    const next = lf < 0 ? body.length : lf + 1;
    const end = contentEnd(body, start, lf < 0 ? body.length : lf);
    size = copyBytes(body, start, end, out, size);
    out[size++] = LF;
    start = next;
  }
  return out.subarray(0, size);
}

/** Quoted-printable: `=XX` escapes, `=` at the end of a line joins it to the next. */
export function decodeQuotedPrintable(body: Uint8Array): Uint8Array {
  const out = new Uint8Array(body.length + 1);
  let size = 0;
  // The next `=` anywhere ahead: found once, so a long body with few escapes is scanned once.
  let equals = -1;
  const nextEquals = (from: number): number => {
    const at = body.indexOf(EQUALS, from);
    return at < 0 ? body.length : at;
  };
  for (let start = 0; start < body.length; ) {
    const lf = body.indexOf(LF, start);
    const next = lf < 0 ? body.length : lf + 1;
    let end = contentEnd(body, start, lf < 0 ? body.length : lf);
    const softBreak = end > start && body[end - 1] === EQUALS;
    if (softBreak) end--;
    let literal = start;
    if (equals < start) equals = nextEquals(start);
    for (let i = equals; i < end; i = equals = nextEquals(i + 1)) {
      if (i + 2 >= end) break;
      const high = hexValue(body[i + 1] ?? 0);
      const low = hexValue(body[i + 2] ?? 0);
      if (high < 0 || low < 0) continue;
      size = copyBytes(body, literal, i, out, size);
      out[size++] = (high << 4) | low;
      i += 2;
      literal = i + 1;
    }
    size = copyBytes(body, literal, end, out, size);
    if (!softBreak) out[size++] = LF;
    start = next;
  }
  return out.subarray(0, size);
}

/**
 * `decodeQuotedPrintable` then `decoder.decode`, done by native string replaces for the common case:
 * an all-ASCII body read as UTF-8 or windows-1252. Null when that case does not apply (the caller
 * decodes bytes). Escapes become `%XX` (a literal `%` becomes `%25` first), so `decodeURIComponent`
 * (UTF-8) or `unescape` (one char per byte) turns them into text in one native call. The steps keep
 * the byte decoder's order: the last line first, then CRs before line ends, escapes (only within a
 * line: hex digits are never CR or LF), then soft breaks, which no escape can form once escapes are
 * `%XX`.
 */
export function quotedPrintableText(body: Uint8Array, decoder: TextDecoder): string | null {
  const encoding = decoder.encoding;
  if (encoding !== 'utf-8' && encoding !== 'windows-1252') return null;
  const ascii = asciiText.decode(body);
  if (NON_ASCII_CHAR.test(ascii)) return null;
  let text = withLastLineEnded(ascii);
  if (text.includes('\r')) text = text.replace(/\r+\n/g, '\n');
  if (text.includes('%')) text = text.replace(/%/g, '%25');
  if (text.includes('=')) text = text.replace(/=([0-9A-Fa-f]{2})/g, '%$1').replace(/=\n/g, '');
  if (!text.includes('%')) return text;
  if (encoding === 'windows-1252') {
    const latin1 = unescape(text);
    return WINDOWS_ONLY_BYTES.test(latin1) ? null : latin1;
  }
  return utf8Text(text);
}

/** windows-1252 differs from Latin-1 only in 0x80-0x9F: text with those is left to the decoder. */
const WINDOWS_ONLY_BYTES = /[\x80-\x9f]/;

/** Percent-escaped bytes (every `%` starts an escape) as UTF-8 text, or null when not valid UTF-8. */
function utf8Text(escaped: string): string | null {
  try {
    const decoded = decodeURIComponent(escaped);
    // TextDecoder drops one leading BOM.
    return decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded;
  } catch {
    // Not valid UTF-8: TextDecoder's replacement characters differ from a thrown error.
    return null;
  }
}

const asciiText = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * The last line as the byte decoder leaves it when the body does not end with LF: its trailing CRs
 * dropped, then a final `=` (a soft break) dropped or else an LF added. An empty body stays empty.
 */
function withLastLineEnded(text: string): string {
  if (!text.length || text.charCodeAt(text.length - 1) === LF) return text;
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === CR) end--;
  if (end > 0 && text.charCodeAt(end - 1) === EQUALS) return text.slice(0, end - 1);
  return `${text.slice(0, end)}\n`;
}

const BASE64_VALUES = new Uint8Array(256);
for (const [i, c] of [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].entries())
  BASE64_VALUES[c.charCodeAt(0)] = i;
const latinText = new TextDecoder('utf-8');

/** Base64: everything but the alphabet is ignored; `=` ends a unit, and each unit decodes alone. */
export function decodeBase64Body(body: Uint8Array): Uint8Array {
  const decoded = base64Units(body).map(decodeBase64Unit);
  const out = new Uint8Array(decoded.reduce((n, d) => n + d.length, 0));
  let at = 0;
  for (const d of decoded) {
    out.set(d, at);
    at += d.length;
  }
  return out;
}

/** The `=`-terminated units of a base64 body, with everything outside the alphabet dropped. */
function base64Units(body: Uint8Array): string[] {
  return latinText
    .decode(body)
    .replace(/[^a-zA-Z0-9+/=]+/g, '')
    .split(/=+/);
}

/**
 * `decodeBase64Body` then `decoder.decode` with native calls, for UTF-8 and windows-1252 text; null
 * otherwise (the caller decodes bytes). `atob` decodes a unit as `decodeBase64Unit` does (a group of
 * 2 or 3 characters gives 1 or 2 bytes, extra bits dropped) once a truncated group is dropped; its
 * one-char-per-byte result becomes text as in `quotedPrintableText`.
 */
export function base64Text(body: Uint8Array, decoder: TextDecoder): string | null {
  const encoding = decoder.encoding;
  if (encoding !== 'utf-8' && encoding !== 'windows-1252') return null;
  let binary = '';
  for (const unit of base64Units(body)) binary += atob(unit.length % 4 === 1 ? unit.slice(0, -1) : unit);
  if (encoding === 'windows-1252') return WINDOWS_ONLY_BYTES.test(binary) ? null : binary;
  return utf8Text(escape(binary));
}

/** One base64 text (an encoded word's): trailing padding ignored, a truncated group dropped. */
export function decodeBase64Text(text: string): Uint8Array {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === EQUALS) end--;
  return decodeBase64Unit(end === text.length ? text : text.slice(0, end));
}

function decodeBase64Unit(unit: string): Uint8Array {
  // One character left over cannot encode a byte: it is a truncated group.
  const length = unit.length % 4 === 1 ? unit.length - 1 : unit.length;
  const rest = length % 4;
  const size = Math.floor(length / 4) * 3 + (rest ? rest - 1 : 0);
  const bytes = new Uint8Array(size);
  let p = 0;
  for (let i = 0; i < length; i += 4) {
    const a = BASE64_VALUES[unit.charCodeAt(i)] ?? 0;
    const b = BASE64_VALUES[unit.charCodeAt(i + 1)] ?? 0;
    const c = BASE64_VALUES[unit.charCodeAt(i + 2)] ?? 0;
    const d = BASE64_VALUES[unit.charCodeAt(i + 3)] ?? 0;
    bytes[p++] = (a << 2) | (b >> 4);
    if (p < size) bytes[p++] = ((b & 15) << 4) | (c >> 2);
    if (p < size) bytes[p++] = ((c & 3) << 6) | (d & 63);
  }
  return bytes;
}

/** RFC 3676 format=flowed: a line ending in a space continues on the next (delsp drops that space). */
export function decodeFlowed(text: string, delSp: boolean): string {
  const parts: string[] = [];
  let lineStart = 0;
  let lineLength = 0;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i] ?? '';
    if (line.charAt(0) === ' ') line = line.slice(1);
    if (i) {
      const last = parts.length ? (parts[parts.length - 1] ?? '') : '';
      const isSignature = lineLength === 3 && parts.slice(lineStart).join('') === '-- ';
      if (last.endsWith(' ') && !isSignature) {
        if (delSp) {
          if (last.length > 1) parts[parts.length - 1] = last.slice(0, -1);
          else parts.pop();
          lineLength--;
        }
      } else {
        parts.push('\n');
        lineStart = parts.length;
        lineLength = 0;
      }
    }
    if (line) {
      parts.push(line);
      lineLength += line.length;
    }
  }
  return parts.join('');
}
