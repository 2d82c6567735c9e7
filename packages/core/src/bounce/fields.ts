/** Reading `Name: value` field blocks (RFC 3464 delivery-status, RFC 5965 feedback reports). */

import { NON_ASCII_CHAR } from './text';

export type FieldBlock = Map<string, string>;

const NOT_BLANK = /\S/;
const FIELD_LINE = /^([A-Za-z][A-Za-z0-9-]{0,60})\s*:\s?(.*)$/;

/**
 * One line of a field text per match, from where the last one ended (sticky): a field (name in 1,
 * value in 2), a blank line (3), a folded line (4) or any other line, with its `\n`. The alternatives
 * are tried in that order, and a field starts with a letter, so it is never blank or folded. A value
 * with a \r, \u2028 or \u2029 in it is no field (as for `FIELD_LINE`'s `.*` on a line of its own).
 */
const FIELD_TEXT_LINE =
  /(?:([A-Za-z][A-Za-z0-9-]{0,60})[^\S\n]*:[^\S\n]?([^\n\r\u2028\u2029]*)|([^\S\n]*)|([ \t][^\n]*)|[^\n]*)(?:\n|(?![\s\S]))/y;

/**
 * Split a field text into blocks separated by blank lines; folded lines are joined. Field names
 * are lower-cased; the first occurrence of a name in a block wins. One regex run per line reads it
 * (no split of the text, no second test per line).
 */
export function readFieldBlocks(text: string): FieldBlock[] {
  const blocks: FieldBlock[] = [];
  let current: FieldBlock = new Map();
  let lastName: string | null = null;
  // A last empty line (after a final `\n`) would only end the block, as the end of the text does.
  FIELD_TEXT_LINE.lastIndex = 0;
  while (FIELD_TEXT_LINE.lastIndex < text.length) {
    const line = FIELD_TEXT_LINE.exec(text) as RegExpExecArray; // the last alternative always matches
    // By index, not destructured: destructuring would step through an iterator.
    const name = line[1];
    const blank = line[3];
    const folded = line[4];
    if (name !== undefined) {
      lastName = name.toLowerCase();
      if (!current.has(lastName)) current.set(lastName, (line[2] as string).trim());
      else lastName = null;
    } else if (blank !== undefined) {
      if (current.size) blocks.push(current);
      current = new Map();
      lastName = null;
    } else if (folded !== undefined && lastName) {
      current.set(lastName, `${current.get(lastName) ?? ''} ${folded.trim()}`);
    } else lastName = null;
  }
  if (current.size) blocks.push(current);
  return blocks;
}

/** Parse the header block of an RFC 5322 text (up to the first blank line) into a field block. */
export function readHeaderBlock(text: string): FieldBlock {
  return readFieldBlocks(headerPart(text))[0] ?? new Map();
}

/** The text up to its first blank line: an RFC 5322 header block. */
function headerPart(text: string): string {
  const end = text.search(/\n\s*\n/);
  return end < 0 ? text : text.slice(0, end);
}

/**
 * `readHeaderBlock(text)` narrowed to a few lower-case field names, without reading every line: a
 * scan finds the lines that start with one of the names, and only those (and their folded lines) are
 * read, with the same rules (the first well-formed occurrence wins; folding stops at a blank line).
 */
export function readHeaderFields(text: string, names: readonly string[]): FieldBlock {
  const head = headerPart(text);
  const fields: FieldBlock = new Map();
  const start = lineStartOf(names);
  start.lastIndex = 0;
  // Each line start is found as the `\n` before it, so the text gets one before its first line: the
  // match at `scan` index i is the line at `head` index i.
  const scan = `\n${head}`;
  for (let found = start.exec(scan); found; found = start.exec(scan)) {
    const at = found.index;
    let lineEnd = head.indexOf('\n', at);
    const match = FIELD_LINE.exec(head.slice(at, lineEnd < 0 ? undefined : lineEnd));
    if (!match) continue;
    const name = (match[1] as string).toLowerCase();
    if (fields.has(name)) continue;
    let value = (match[2] as string).trim();
    while (lineEnd >= 0 && (head[lineEnd + 1] === ' ' || head[lineEnd + 1] === '\t')) {
      const next = head.indexOf('\n', lineEnd + 1);
      const folded = head.slice(lineEnd + 1, next < 0 ? undefined : next);
      if (!NOT_BLANK.test(folded)) break;
      value = `${value} ${folded.trim()}`;
      lineEnd = next;
    }
    fields.set(name, value);
  }
  return fields;
}

const lineStarts = new WeakMap<readonly string[], RegExp>();

/**
 * A necessary condition of a field line with one of the names: a `\n`, the name, then a colon on that
 * line. A literal `\n` instead of `^` with the m flag (which would also match after a \r, a line start
 * only for that flag) lets the regex skip through the text twice as fast.
 */
function lineStartOf(names: readonly string[]): RegExp {
  let start = lineStarts.get(names);
  if (!start) {
    start = new RegExp(`\\n(?:${names.map(escapeRegExp).join('|')})[^\\S\\n]*:`, 'gi');
    lineStarts.set(names, start);
  }
  return start;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * An address in text. Domain labels may be internationalised (RFC 6531/6532: `josé@bücher.example`,
 * `田中@例え.example`), but the last label must be ASCII, so text written right after an address
 * (`user@example.jpへ`) is not taken as part of its domain.
 */
// Bounded (RFC 5321 lengths: 64-octet labels, a few labels per domain) so hostile text stays linear.
const ADDRESS =
  /[^\s<>"'(),;:[\]]{1,256}@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,62}[\p{L}\p{N}])?\.){0,16}[A-Za-z0-9][A-Za-z0-9-]{0,62}[A-Za-z0-9]/u;
/**
 * ADDRESS for text of ASCII characters only, where it finds the same: there `\p{L}` and `\p{N}` are
 * `[A-Za-z]` and `[0-9]`, and the u flag changes nothing. Compiling ADDRESS's Unicode classes costs
 * over a millisecond; most runs never meet a non-ASCII address and never need it.
 */
const ASCII_ADDRESS =
  /[^\s<>"'(),;:[\]]{1,256}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?\.){0,16}[A-Za-z0-9][A-Za-z0-9-]{0,62}[A-Za-z0-9]/;

/** `rfc822; User@Example.com` → `user@example.com` (angle brackets, quotes and type removed). */
export function cleanAddress(value: string | undefined | null): string | null {
  if (!value) return null;
  let text = value.trim();
  const semi = text.indexOf(';');
  if (semi >= 0 && semi < 12) text = text.slice(semi + 1);
  // Each regex below runs only when its text holds the character it needs: most values are a bare
  // address, and each skipped run is a regex call and a copy less per recipient.
  const angle = text.includes('<') ? /<([^<>\s]+@[^<>\s]+)>/.exec(text) : null;
  if (angle) text = angle[1] as string;
  if (QUOTE.has(text[0] as string) || QUOTE.has(text[text.length - 1] as string))
    text = text.replace(/^["']|["']$/g, '');
  const found = (NON_ASCII_CHAR.test(text) ? ADDRESS : ASCII_ADDRESS).exec(text);
  if (!found) return null;
  let address = found[0];
  if (LEADING_JUNK.has(address[0] as string)) address = address.replace(/^[.'"`]+/, '');
  if (address.endsWith('.')) address = address.replace(/\.+$/, '');
  return address.toLowerCase();
}

const QUOTE = new Set(['"', "'"]);
const LEADING_JUNK = new Set(['.', "'", '"', '`']);

/** `SMTP; 550 5.1.1 ...` → `550 5.1.1 ...` */
export function stripDiagnosticType(value: string): { type: string | null; text: string } {
  const match = /^\s*([A-Za-z][A-Za-z0-9-]{0,20})\s*;\s*([\s\S]*)$/.exec(value);
  if (!match) return { type: null, text: value.trim() };
  return { type: (match[1] as string).toUpperCase(), text: (match[2] as string).trim() };
}
