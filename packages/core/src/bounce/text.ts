/** Small text helpers shared by the engine and decoders (no MIME parsing here). */

/** A character outside ASCII. */
export const NON_ASCII_CHAR = /[\u0080-\uffff]/;

/**
 * Runs of white space that `replace(/\s+/g, ' ')` would change: two or more characters, or one that
 * is not a space. A text's single spaces between words stay as they are instead of each being
 * replaced by itself, which makes the whole replace three to four times cheaper.
 */
const SPACE_TO_COLLAPSE = /\s\s+|[^\S ]/g;

/** `text.replace(/\s+/g, ' ')`, cheaper: each run of white space becomes one space. */
export function collapseWhiteSpace(text: string): string {
  return text.replace(SPACE_TO_COLLAPSE, ' ');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Reduce HTML to readable lines: enough for reading NDR sentences, not a renderer. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|head)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<br\s*\/?>|<\/(p|div|tr|li|h\d|table)>/gi, '\n')
    .replace(/<[^>]{0,2000}>/g, ' ')
    .replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (whole, code: string) => decodeEntity(whole, code))
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n');
}

function decodeEntity(whole: string, code: string): string {
  if (code[0] === '#') {
    const n =
      code[1] === 'x' || code[1] === 'X'
        ? Number.parseInt(code.slice(2), 16)
        : Number.parseInt(code.slice(1), 10);
    return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : whole;
  }
  return ENTITIES[code.toLowerCase()] ?? whole;
}

/** The readable text of a flattened body: everything before the first `--- <type> ---` section. */
export function readablePart(body: string, marker = '\n--- '): string {
  const end = body.indexOf(marker);
  return end < 0 ? body : body.slice(0, end);
}

/**
 * V8 compiles a regex to machine code once per kind of string it first runs on: one-byte (every
 * character Latin-1) and two-byte. Every slice of a notice with one character beyond Latin-1 (a
 * curly quote, a Japanese line, even in the returned message) is two-byte, even when the slice is
 * plain ASCII, so the classifier's big phrase unions were each compiled a second time for the few
 * dozen such notices of a run. A one-byte copy of such a text (the same string value) runs on the
 * one-byte code.
 */
const WIDE_CHAR = /[\u0100-\uffff]/;
const toUtf8 = new TextEncoder();
/** V8 decodes UTF-8 to a one-byte string when every character fits; no BOM is dropped. */
const fromUtf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** Whether the text has a character beyond Latin-1 (and so is a two-byte string, as are its slices). */
export function hasWideChar(text: string): boolean {
  return WIDE_CHAR.test(text);
}

/** The same text as a one-byte string when all its characters are Latin-1, else the text itself. */
export function oneByteCopy(text: string): string {
  return WIDE_CHAR.test(text) ? text : fromUtf8.decode(toUtf8.encode(text));
}

const WIDE_CHARS = /[\u0100-\uffff]/g;
/** White space beyond Latin-1 (U+2028 is also a line end): no Latin-1 stand-in behaves like it. */
const WIDE_SPACE = /(?=\s)[\u0100-\uffff]/;
/** Not a word character, not white space, not a line end, and named by no pattern it is used for. */
const STAND_IN = '\x80';
let lastText: string | null = null;
let lastTwin = '';

/**
 * For yes/no questions only: a text with characters beyond Latin-1 (and no such white space) as a
 * one-byte string in which each of them, code unit by code unit, is U+0080. Patterns for which
 * `answersAlikeOnTwin` holds give the same answer on it and need no two-byte compile. Any other text
 * is returned as it is. A text is often asked many questions in a row: the last twin is kept.
 */
export function latin1Twin(text: string): string {
  if (text === lastText) return lastTwin;
  lastText = text;
  lastTwin =
    WIDE_CHAR.test(text) && !WIDE_SPACE.test(text) ? oneByteCopy(text.replace(WIDE_CHARS, STAND_IN)) : text;
  return lastTwin;
}

/**
 * Whether `pattern.test` answers the same on a text and on its `latin1Twin`. True when the pattern
 * names only ASCII characters (no character above U+007F, no \x, \u, \c or octal escape), has no
 * back-reference (\1, \k<...>) and no `u` or `v` flag. Then no character beyond Latin-1 matches a
 * character the pattern names (case-sensitively they differ; without `u`, the `i` flag never folds a
 * non-ASCII character to an ASCII one), nor does U+0080. Whatever does match such a character (`.`,
 * `\W`, `\S`, `\D`, a negated class, the non-word side of `\b`) matches U+0080 too, and neither is a
 * line end (wide white space is never replaced).
 */
export function answersAlikeOnTwin(pattern: RegExp): boolean {
  return (
    !/[uv]/.test(pattern.flags) && !NON_ASCII_CHAR.test(pattern.source) && !/\\[0-9xuck]/.test(pattern.source)
  );
}
