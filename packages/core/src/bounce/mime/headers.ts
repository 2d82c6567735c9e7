/**
 * Header blocks: split into fields and unfolded (the folding whitespace is kept, as postal-mime 4
 * keeps it). RFC 2047 encoded words are decoded only when a header is read (`LazyHeaderMap`):
 * most headers of a notice are never looked at.
 */
import { MAX_HEADER_VALUE_CHARS } from '../limits';
import { trimBlanks } from './structured';
import { decodeWords } from './words';

export interface HeaderField {
  /** Lower-cased name (the whole line when it has no colon). */
  key: string;
  /** Unfolded value, without surrounding blanks. */
  value: string;
}

// A U+FEFF at the start of a line stays a character (and so keeps a smuggled header visibly odd).
const headerText = new TextDecoder('utf-8', { ignoreBOM: true });

/** The fields of raw header lines [start, end) of `bytes` (each line ends with LF, except at EOF). */
export function parseHeaderBlock(bytes: Uint8Array, start: number, end: number): HeaderField[] {
  if (start < 0 || end <= start) return [];
  const text = headerText.decode(bytes.subarray(start, end));
  // The block ends after its last line's LF (or at the end of the input): drop that line end and
  // any CRs before it. Inside, a line's trailing CRs go with its LF (the line reader strips them).
  let last = text.length;
  if (text.charCodeAt(last - 1) === 0x0a) last--;
  while (last > 0 && text.charCodeAt(last - 1) === 0x0d) last--;
  const block = last === text.length ? text : text.slice(0, last);
  // A line starting with SP or HTAB continues the field above it; unfolding drops only the break.
  return block.split(/\r*\n(?![ \t])/).map(toField);
}

function toField(folded: string): HeaderField {
  const unfolded = folded.includes('\n') ? folded.replace(/\r*\n/g, '') : folded;
  const colon = unfolded.indexOf(':');
  const key = trimBlanks(colon < 0 ? unfolded : unfolded.slice(0, colon)).toLowerCase();
  if (colon < 0) return { key, value: '' };
  const rest = unfolded.slice(colon + 1);
  return { key, value: trimBlanks(rest.includes('\r') ? rest.replace(/[\r\n]+/g, ' ') : rest) };
}

/** A header value as the views give it: cut at MAX_HEADER_VALUE_CHARS, encoded words decoded, trimmed. */
export function decodeHeaderValue(value: string): string {
  const clipped = value.length > MAX_HEADER_VALUE_CHARS ? value.slice(0, MAX_HEADER_VALUE_CHARS) : value;
  if (!clipped.includes('=?')) return clipped.trim();
  try {
    return decodeWords(clipped).trim();
  } catch {
    return clipped.trim();
  }
}

/**
 * Lower-cased name → values, decoded the first time a name is read. Iterating decodes everything,
 * so a consumer that walks the map sees what `get` would give.
 */
export class LazyHeaderMap extends Map<string, string[]> {
  private constructor(
    entries: Map<string, string[]>,
    private readonly undecoded: Set<string>,
  ) {
    super(entries);
  }

  /**
   * The header map of these fields: a plain Map when no value has an encoded word or needs cutting
   * (most notices), else one that decodes a name's values when it is first read.
   */
  static from(fields: HeaderField[]): Map<string, string[]> {
    const map = new Map<string, string[]>();
    let undecoded: Set<string> | null = null;
    // Indexed, not for-of: no iterator result per field in the interpreter (every header passes here).
    for (let i = 0; i < fields.length; i++) {
      const { key, value } = fields[i] as HeaderField;
      const later = value.length > MAX_HEADER_VALUE_CHARS || value.includes('=?');
      // A value decodeHeaderValue would only trim is trimmed now (trimming again changes nothing).
      const text = later ? value : value.trim();
      const values = map.get(key);
      if (values) values.push(text);
      else map.set(key, [text]);
      if (later) {
        undecoded ??= new Set();
        undecoded.add(key);
      }
    }
    return undecoded ? new LazyHeaderMap(map, undecoded) : map;
  }

  override get(name: string): string[] | undefined {
    const values = super.get(name);
    if (values && this.undecoded.delete(name)) {
      for (let i = 0; i < values.length; i++) values[i] = decodeHeaderValue(values[i] ?? '');
    }
    return values;
  }

  override forEach(callback: (values: string[], name: string, map: Map<string, string[]>) => void): void {
    this.decodeAll();
    super.forEach(callback);
  }

  override entries(): MapIterator<[string, string[]]> {
    this.decodeAll();
    return super.entries();
  }

  override values(): MapIterator<string[]> {
    this.decodeAll();
    return super.values();
  }

  override [Symbol.iterator](): MapIterator<[string, string[]]> {
    return this.entries();
  }

  private decodeAll(): void {
    for (const name of [...this.undecoded]) this.get(name);
  }
}
