/** What the edge needs to know of a JSON text before anything parses it. */
interface JsonShape {
  /** The deepest nesting of arrays and objects (0 for a bare value). */
  depth: number;
  /** A `\u0000` escape inside a string: a NUL character once parsed. */
  hasNulEscape: boolean;
}

const NUL_ESCAPE = 'u0000';

/**
 * One pass over the text, no recursion and no allocation per value: a body nested 100,000 deep
 * costs the same as a flat one. Malformed JSON is left to the parser that runs next.
 */
export function jsonShape(text: string): JsonShape {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  let hasNulEscape = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') {
        if (text.startsWith(NUL_ESCAPE, i + 1)) hasNulEscape = true;
        i++; // the escaped character (or the `u` of a \uXXXX escape) is never a quote
      } else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '[' || char === '{') deepest = Math.max(deepest, ++depth);
    else if (char === ']' || char === '}') depth--;
  }
  return { depth: deepest, hasNulEscape };
}
