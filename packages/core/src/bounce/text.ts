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
