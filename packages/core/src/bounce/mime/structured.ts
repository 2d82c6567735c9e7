/**
 * Structured MIME header values (`text/plain; charset="utf-8"`), read exactly as postal-mime 4
 * reads them (MIT, Andris Reinman): the bounce views must not change when the reader does, and
 * every quirk here (comments, first parameter wins, RFC 2231 continuations) decides which bytes
 * become which part.
 */
import { decoderFor } from './charset';

export interface StructuredValue {
  /** Lower-cased value before the first `;` (e.g. `multipart/report`), or ''. */
  value: string;
  /** Parameters by lower-cased name; the first occurrence of a name wins. */
  params: Record<string, string>;
}

/** Drop RFC 822 comments outside quoted strings; a `(` inside a parameter value must follow whitespace. */
export function stripComments(text: string): string {
  if (!text.includes('(')) return text;
  const out = { result: '', endsWithWsp: false };
  const append = (chr: string): void => {
    out.result += chr;
    out.endsWithWsp = chr === ' ' || chr === '\t';
  };
  let depth = 0;
  let escaped = false;
  let inQuote = false;
  let commentStart = -1;
  let inParameterValue = false;
  for (let i = 0; i < text.length; i++) {
    const chr = text.charAt(i);
    if (escaped || chr === '\\') {
      if (depth === 0) append(chr);
      escaped = !escaped;
      continue;
    }
    if (chr === '"' && depth === 0) {
      inQuote = !inQuote;
      append(chr);
      continue;
    }
    if (!inQuote) {
      if (chr === '(' && (!inParameterValue || !out.result.length || out.endsWithWsp)) {
        if (depth === 0) commentStart = i;
        depth++;
        continue;
      }
      if (chr === ')' && depth > 0) {
        depth--;
        continue;
      }
      if (depth === 0 && chr === '=') inParameterValue = true;
      else if (depth === 0 && chr === ';') inParameterValue = false;
    }
    if (depth === 0) append(chr);
  }
  if (depth === 0) return out.result;
  // An unbalanced `(` is no comment when a parameter (maybe the boundary) follows it.
  return text.indexOf(';', commentStart) < 0 ? out.result : text;
}

/**
 * A new empty parameter object. Made apart from the result's literal: a literal with a nested
 * literal is copied from its boilerplate by the runtime (a deep walk per call), a flat one by a
 * fast builtin.
 */
function noParams(): Record<string, string> {
  return {};
}

/** Parse `value; name=token; name="quoted"` into a value and parameters. */
export function parseStructured(header: string): StructuredValue {
  // Most values have no escapes, comments or RFC 2231 sections, and quotes only around whole
  // parameter values: split them directly.
  // A value with no `;` (most parts' `message/delivery-status`, `text/plain`, `inline`) has no
  // parameters: what parseSimple gives it without splitting.
  if (!header.includes(';') && !SPECIAL_OR_QUOTE.test(header))
    return { value: trimBlanks(header).toLowerCase(), params: noParams() };
  const simple = /[\\(*]/.test(header) ? null : parseSimple(header);
  if (simple) return simple;
  const scan = new ValueScanner();
  const text = stripComments(header);
  let inKey = false;
  let quote = false;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const chr = text.charAt(i);
    if (inKey) {
      if (chr === '=') {
        scan.key = scan.take().trim().toLowerCase();
        inKey = false;
      } else if (chr === ';') scan.storeEmptyKey();
      else scan.value += chr;
      continue;
    }
    if (!escaped && quote && chr === '\\') {
      escaped = true;
      continue;
    }
    if (escaped) scan.add(chr);
    else if (quote && chr === '"') {
      quote = false;
      scan.quoteClosed = true;
    } else if (!quote && chr === '"') {
      quote = true;
      if (scan.value.length) scan.value += scan.pendingSpace;
      scan.pendingSpace = '';
    } else if (!quote && chr === ';') {
      scan.storeValue();
      inKey = true;
    } else if (!quote && (chr === ' ' || chr === '\t')) scan.pendingSpace += chr;
    else if (!scan.quoteClosed) scan.add(chr);
    escaped = false;
  }
  if (inKey) scan.storeEmptyKey();
  else scan.storeValue();
  const response = scan.response;
  if (response.value) response.value = response.value.toLowerCase();
  joinContinuations(response.params);
  return response;
}

/**
 * State of the full parser. Blanks outside quotes wait in `pendingSpace` until a significant
 * character follows, so padding drops but quoted spaces stay; text after a closed quote is junk.
 */
class ValueScanner {
  readonly response: StructuredValue = { value: '', params: noParams() };
  key: string | null = null;
  value = '';
  pendingSpace = '';
  quoteClosed = false;

  take(): string {
    const result = this.value;
    this.value = '';
    this.pendingSpace = '';
    this.quoteClosed = false;
    return result;
  }

  add(chr: string): void {
    if (this.value.length) this.value += this.pendingSpace;
    this.pendingSpace = '';
    this.value += chr;
  }

  storeParam(name: string, result: string): void {
    if (!Object.hasOwn(this.response.params, name)) this.response.params[name] = result;
  }

  storeValue(): void {
    const result = this.take();
    if (this.key === null) this.response.value = result;
    else this.storeParam(this.key, result);
  }

  /** A parameter name with no `=` is a valueless parameter, not the start of the next one. */
  storeEmptyKey(): void {
    const name = this.take().trim();
    if (name) this.storeParam(name.toLowerCase(), '');
  }
}

/**
 * The full parser's result for a value without `\\`, `(` or `*`, or null when a quote is anywhere
 * but around a whole parameter value (`name="..."`, blanks allowed around it, no `;` inside).
 */
function parseSimple(header: string): StructuredValue | null {
  const segments = header.split(';');
  const first = segments[0] ?? '';
  if (first.includes('"')) return null;
  const response: StructuredValue = { value: trimBlanks(first).toLowerCase(), params: noParams() };
  for (let i = 1; i < segments.length; i++) {
    const segment = segments[i] ?? '';
    const equals = segment.indexOf('=');
    const name = (equals < 0 ? segment : segment.slice(0, equals)).trim().toLowerCase();
    if (equals < 0 && !name) continue;
    let value = equals < 0 ? '' : trimBlanks(segment.slice(equals + 1));
    if (segment.includes('"')) {
      const quoted = QUOTED_PARAM.exec(segment);
      if (!quoted) return null;
      value = quoted[1] ?? '';
    }
    if (!Object.hasOwn(response.params, name)) response.params[name] = value;
  }
  return response;
}

/** Characters that need more than a plain split: escapes, comments, RFC 2231 sections, quotes. */
const SPECIAL_OR_QUOTE = /[\\(*"]/;

/** `name = "value"` with nothing but blanks around the quoted value (the name has no quote). */
const QUOTED_PARAM = /^[^="]*=[ \t]*"([^"]*)"[ \t]*$/;

/** Only SP and HTAB are padding around a value (other blanks are content). */
export function trimBlanks(text: string): string {
  let start = 0;
  let end = text.length;
  // Char codes, not `text[i]`: no one-character string per test (every header field passes here).
  while (start < end && isBlank(text.charCodeAt(start))) start++;
  while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

const isBlank = (code: number) => code === 0x20 || code === 0x09;

interface Section {
  nr: number;
  value: string;
  encoded: boolean;
}

/** RFC 2231: `name*0*=utf-8''a%C3; name*1=b` becomes one `name` parameter. */
function joinContinuations(params: Record<string, string>): void {
  const byName = new Map<string, { charset: string | null; sections: Section[] }>();
  for (const key of Object.keys(params)) {
    const match = key.match(/\*((\d+)\*?)?$/);
    if (!match) continue;
    const name = key.slice(0, match.index).toLowerCase();
    const nr = Number(match[2]) || 0;
    let param = byName.get(name);
    if (!param) {
      param = { charset: null, sections: [] };
      byName.set(name, param);
    }
    let value = params[key] ?? '';
    // Only a section whose name ends in `*` is percent-encoded (RFC 2231 section 4.1).
    const encoded = match[0].endsWith('*');
    const charsetAndLanguage = nr === 0 && encoded ? value.match(/^([^']*)'[^']*'(.*)$/) : null;
    if (charsetAndLanguage) {
      param.charset = charsetAndLanguage[1] || 'utf-8';
      value = charsetAndLanguage[2] ?? '';
    }
    param.sections.push({ nr, value, encoded });
    delete params[key];
  }
  for (const [name, param] of byName) {
    let result = '';
    let pending = '';
    for (const section of param.sections.sort((a, b) => a.nr - b.nr)) {
      if (section.encoded) {
        pending += section.value;
        continue;
      }
      if (pending) result += percentDecode(pending, param.charset);
      pending = '';
      result += section.value;
    }
    if (pending) result += percentDecode(pending, param.charset);
    params[name] = result;
  }
}

function percentDecode(text: string, charset: string | null): string {
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const high = code === 0x25 ? hexValue(text.charCodeAt(i + 1)) : -1;
    const low = high >= 0 ? hexValue(text.charCodeAt(i + 2)) : -1;
    if (low >= 0) {
      bytes.push((high << 4) | low);
      i += 2;
    } else if (code > 126) bytes.push(...encoder.encode(text.charAt(i)));
    else bytes.push(code);
  }
  return decoderFor(charset || 'utf-8').decode(new Uint8Array(bytes));
}

/** Value of an ASCII hex digit, or -1. */
export function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  return -1;
}
