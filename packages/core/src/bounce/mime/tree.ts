/**
 * The MIME structure of one message as byte ranges: which lines are whose headers and body, found by
 * one pass over the lines (native `indexOf` for line ends) that opens a part at each boundary line
 * of an open multipart. Nothing is decoded here; a part's body is decoded only if a view needs it.
 * The part tree is the one postal-mime 4 builds (same boundary rules, same limits), so the
 * views do not depend on which reader ran.
 */
import { MAX_MIME_DEPTH, MAX_MIME_HEADER_BYTES } from '../limits';
import { type HeaderField, parseHeaderBlock } from './headers';
import { parseStructured, stripComments } from './structured';

export interface MimePart {
  parent: MimePart | null;
  depth: number;
  /** Raw header lines [headerStart, headerEnd) and body lines [bodyStart, bodyEnd). */
  headerStart: number;
  headerEnd: number;
  bodyStart: number;
  bodyEnd: number;
  state: 'header' | 'body' | 'finished';
  /** Lower-cased media type (`text/plain`), or '' when the header says nothing readable. */
  type: string;
  params: Record<string, string>;
  /** Multipart subtype (`mixed`, `alternative`...) or false for a leaf. */
  multipart: string | false;
  disposition: string;
  transferEncoding: string;
  /** Header fields (only the root's are kept). */
  fields: HeaderField[];
  children: MimePart[];
  finishedChildren: number;
}

/** Why a message was refused: postal-mime throws on these, and the engine then reads plain text. */
export class MimeLimitError extends Error {}

interface Boundary {
  bytes: Uint8Array;
  part: MimePart;
}

const encoder = new TextEncoder();

// One UTF-16 unit per byte, so offsets in the string are offsets in the bytes: the scans for the
// next line that matters run as native string searches instead of loops over every line.
const byteText = new TextDecoder('windows-1252');
/** The LF before a blank line (only CRs, or nothing, before the next LF or the end). */
const BEFORE_BLANK_LINE = /\n(?=\r*(?:\n|$))/g;
/** The LF before a blank line or a line starting with `--`. */
const BEFORE_BLANK_OR_DASHES = /\n(?=\r*(?:\n|$)|--)/g;

/** Read the part tree of a raw message; throws MimeLimitError past the depth or header limits. */
export function readMimeTree(bytes: Uint8Array): MimePart {
  const root = newPart(null, 'text/plain', 0);
  const reader: Reader = { bytes, text: '', root, current: root, boundaries: [], headerBytes: 0 };
  for (let start = 0; start < bytes.length; ) {
    const part = reader.current;
    const dashes = bytes[start] === 0x2d && bytes[start + 1] === 0x2d;
    if (part.state === 'header') {
      start =
        dashes || !canSkipHeaderLines(bytes, start)
          ? readLine(reader, start)
          : skipHeaderLines(reader, start);
    } else if (dashes) start = readLine(reader, start);
    else if (reader.boundaries.length) start = skipBodyLines(reader, start);
    else {
      // No open boundary, so no line can start a part: the rest is this part's body.
      if (part.state === 'body') part.bodyEnd = bytes.length;
      break;
    }
  }
  finish(reader, root);
  return root;
}

function textOf(reader: Reader): string {
  if (!reader.text) reader.text = byteText.decode(reader.bytes);
  return reader.text;
}

/**
 * Header lines may be taken in bulk when the line at `start` is not blank and the whole message is
 * within the header budget (then no count of header bytes can pass it).
 */
function canSkipHeaderLines(bytes: Uint8Array, start: number): boolean {
  if (bytes.length > MAX_MIME_HEADER_BYTES) return false;
  let at = start;
  while (bytes[at] === 0x0d) at++;
  return at < bytes.length && bytes[at] !== 0x0a;
}

/** Header lines up to the next blank line (or `--` line, which may be a boundary). */
function skipHeaderLines(reader: Reader, start: number): number {
  const part = reader.current;
  const search = reader.boundaries.length ? BEFORE_BLANK_OR_DASHES : BEFORE_BLANK_LINE;
  search.lastIndex = start;
  const hit = search.exec(textOf(reader));
  const next = hit ? hit.index + 1 : reader.bytes.length;
  if (part.headerStart < 0) part.headerStart = start;
  part.headerEnd = next;
  return next;
}

/** A body line matters only if it could be a boundary line: skip to the next `--` line. */
function skipBodyLines(reader: Reader, start: number): number {
  const part = reader.current;
  const hit = textOf(reader).indexOf('\n--', start);
  const next = hit < 0 ? reader.bytes.length : hit + 1;
  if (part.state === 'body') part.bodyEnd = next;
  return next;
}

/** One line at `start`: a boundary of an open multipart, or a line of the current part. */
function readLine(reader: Reader, start: number): number {
  const bytes = reader.bytes;
  const lf = bytes.indexOf(0x0a, start);
  const next = lf < 0 ? bytes.length : lf + 1;
  let end = lf < 0 ? bytes.length : lf;
  while (end > start && bytes[end - 1] === 0x0d) end--;
  const boundary =
    reader.boundaries.length && end - start > 2 && bytes[start] === 0x2d && bytes[start + 1] === 0x2d
      ? matchBoundary(bytes, start, end, reader.boundaries)
      : null;
  if (boundary) openOrClose(reader, boundary.part, boundary.terminator);
  else feedLine(reader, start, end, next);
  return next;
}

type Reader = {
  bytes: Uint8Array;
  /** `bytes` as one character per byte, decoded when first needed. */
  text: string;
  root: MimePart;
  current: MimePart;
  boundaries: Boundary[];
  headerBytes: number;
};

function newPart(parent: MimePart | null, type: string, at: number): MimePart {
  const depth = parent ? parent.depth + 1 : 0;
  if (depth > MAX_MIME_DEPTH) throw new MimeLimitError('MIME nesting too deep');
  // The object and arrays are made apart from the literal: a literal with nested literals is copied
  // from its boilerplate by the runtime (a deep walk per part), a flat one by a fast builtin.
  const params: Record<string, string> = {};
  const fields: HeaderField[] = [];
  const children: MimePart[] = [];
  const part: MimePart = {
    parent,
    depth,
    headerStart: at,
    headerEnd: at,
    bodyStart: -1,
    bodyEnd: -1,
    state: 'header',
    type,
    params,
    multipart: false,
    disposition: '',
    transferEncoding: '',
    fields,
    children,
    finishedChildren: 0,
  };
  parent?.children.push(part);
  return part;
}

/** The innermost open boundary this `--` line is, with trailing blanks allowed; or null. */
function matchBoundary(
  bytes: Uint8Array,
  start: number,
  end: number,
  boundaries: Boundary[],
): { part: MimePart; terminator: boolean } | null {
  for (let i = boundaries.length - 1; i >= 0; i--) {
    const { bytes: value, part } = boundaries[i] as Boundary;
    if (end - start < value.length + 2) continue;
    let at = start + 2;
    while (at - start - 2 < value.length && bytes[at] === value[at - start - 2]) at++;
    if (at - start - 2 < value.length) continue;
    const terminator = end - at >= 2 && bytes[at] === 0x2d && bytes[at + 1] === 0x2d;
    if (terminator) at += 2;
    while (at < end && (bytes[at] === 0x20 || bytes[at] === 0x09)) at++;
    if (at === end) return { part, terminator };
  }
  return null;
}

function openOrClose(reader: Reader, part: MimePart, terminator: boolean): void {
  if (terminator) {
    finish(reader, part);
    reader.current = part.parent ?? reader.root;
    return;
  }
  finishChildren(reader, part);
  const type = part.multipart === 'digest' ? 'message/rfc822' : 'text/plain';
  reader.current = newPart(part, type, -1);
}

function feedLine(reader: Reader, start: number, end: number, next: number): void {
  const part = reader.current;
  if (part.state === 'body') {
    part.bodyEnd = next;
    return;
  }
  if (part.state !== 'header') return;
  if (part.headerStart < 0) part.headerStart = part.headerEnd = start;
  if (end === start) {
    part.state = 'body';
    part.bodyStart = part.bodyEnd = next;
    readHeaders(reader, part);
    return;
  }
  reader.headerBytes += end - start;
  if (reader.headerBytes > MAX_MIME_HEADER_BYTES) throw new MimeLimitError('MIME headers too large');
  part.headerEnd = next;
}

function finish(reader: Reader, part: MimePart): void {
  if (part.state === 'finished') return;
  if (part.state === 'header') readHeaders(reader, part);
  const list = reader.boundaries;
  for (let i = list.length - 1; i >= 0; i--) {
    if (list[i]?.part === part) {
      list.splice(i, 1);
      break;
    }
  }
  finishChildren(reader, part);
  part.state = 'finished';
}

function finishChildren(reader: Reader, part: MimePart): void {
  while (part.finishedChildren < part.children.length)
    finish(reader, part.children[part.finishedChildren++] as MimePart);
}

/** The first Content-* header of each kind decides how the body is read (later copies are ignored). */
function readHeaders(reader: Reader, part: MimePart): void {
  const fields = parseHeaderBlock(reader.bytes, part.headerStart, part.headerEnd);
  if (part === reader.root) part.fields = fields;
  let type: string | undefined;
  let disposition: string | undefined;
  let encoding: string | undefined;
  for (let i = 0; i < fields.length; i++) {
    const { key, value } = fields[i] as HeaderField;
    if (!key.startsWith('content-')) continue;
    if (key === 'content-type') type ??= value;
    else if (key === 'content-disposition') disposition ??= value;
    else if (key === 'content-transfer-encoding') encoding ??= value;
  }
  const contentType = parseStructured(type ?? part.type);
  part.type = contentType.value;
  part.params = contentType.params;
  part.multipart = contentType.value.startsWith('multipart/') ? contentType.value.slice(10) || false : false;
  part.disposition = disposition ? parseStructured(disposition).value : '';
  part.transferEncoding = encoding ? transferToken(encoding) : '8bit';
  const boundary = part.params.boundary;
  if (part.multipart && boundary) reader.boundaries.push({ bytes: encoder.encode(boundary), part });
}

/** The first token of a Content-Transfer-Encoding (`"base64"` and `(comment) base64` are base64). */
function transferToken(value: string): string {
  return (stripComments(value)
    .toLowerCase()
    .match(/[\w-]+/) ?? [''])[0];
}
