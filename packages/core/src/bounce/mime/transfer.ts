/**
 * Content-Transfer-Encoding decoders over a part's raw body bytes. Each line loses its line break
 * and any CRs before it and ends with `\n` (a body that did not end with a line break gains one),
 * as postal-mime 4 delivers parts; base64 is decoded per `=`-terminated unit, and quoted-printable
 * keeps an escape it cannot read as literal text. Loops jump with the native `indexOf`, so a cold
 * process does little byte-by-byte work in JavaScript.
 */
import { hexValue } from './structured';

const LF = 0x0a;
const CR = 0x0d;
const EQUALS = 0x3d;

/** Which decoder a Content-Transfer-Encoding token selects (substring match, like postal-mime). */
export function transferDecoder(encoding: string): (body: Uint8Array) => Uint8Array {
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

const BASE64_VALUES = new Uint8Array(256);
for (const [i, c] of [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].entries())
  BASE64_VALUES[c.charCodeAt(0)] = i;
const latinText = new TextDecoder('utf-8');

/** Base64: everything but the alphabet is ignored; `=` ends a unit, and each unit decodes alone. */
export function decodeBase64Body(body: Uint8Array): Uint8Array {
  const units = latinText
    .decode(body)
    .replace(/[^a-zA-Z0-9+/=]+/g, '')
    .split(/=+/);
  const decoded = units.map(decodeBase64Unit);
  const out = new Uint8Array(decoded.reduce((n, d) => n + d.length, 0));
  let at = 0;
  for (const d of decoded) {
    out.set(d, at);
    at += d.length;
  }
  return out;
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
