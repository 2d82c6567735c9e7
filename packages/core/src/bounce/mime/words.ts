/**
 * RFC 2047 encoded words (`=?utf-8?Q?caf=C3=A9?=`), decoded as postal-mime 4 decodes them (MIT,
 * Andris Reinman), so that the headers read the same whichever reader read the message: adjacent
 * words in one charset and encoding are decoded together (a character may be split across them),
 * blanks between encoded words are dropped, and if joining produced U+FFFD the words are decoded
 * one by one instead. Kept here so the common path never loads postal-mime.
 */
import { decoderFor } from './charset';
import { hexValue } from './structured';
import { decodeBase64Text } from './transfer';

type Token = { text: string } | { charset: string; encoding: string; encoded: string };
type Word = Exclude<Token, { text: string }>;

// A charset label runs to the next `?` (ISO_8859-1:1987 has punctuation); no blanks inside a word.
const ENCODED_WORD = /=\?([^?\s]+)\?([QqBb])\?([^?]*)\?=/g;
const BLANKS_ONLY = /^[ \t\r\n]+$/;
const encoder = new TextEncoder();

/** Decode every encoded word of a header value; text around the words stays as it is. */
export function decodeWords(value: string): string {
  const tokens = splitWords(value);
  const joined = renderTokens(tokens, true);
  return joined.includes('\ufffd') ? renderTokens(tokens, false) : joined;
}

function splitWords(value: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  ENCODED_WORD.lastIndex = 0;
  for (let match = ENCODED_WORD.exec(value); match; match = ENCODED_WORD.exec(value)) {
    if (match.index > at) tokens.push({ text: value.slice(at, match.index) });
    tokens.push({ charset: match[1] ?? '', encoding: match[2] ?? '', encoded: match[3] ?? '' });
    at = match.index + match[0].length;
  }
  if (at < value.length) tokens.push({ text: value.slice(at) });
  return tokens;
}

/** Two words decode as one unit when charset and encoding match (base64: on a group boundary). */
function canJoin(left: Word, right: Word): boolean {
  const encoding = left.encoding.toUpperCase();
  if (left.charset !== right.charset || encoding !== right.encoding.toUpperCase()) return false;
  return encoding !== 'B' || (left.encoded.length % 4 === 0 && !left.encoded.endsWith('='));
}

function renderTokens(tokens: Token[], joinWords: boolean): string {
  let result = '';
  let pending: Word | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if ('text' in token) {
      const next = tokens[i + 1];
      // Blanks between two encoded words are folding, not content.
      if (pending && next && !('text' in next) && BLANKS_ONLY.test(token.text)) continue;
      if (pending) result += decodeWord(pending);
      pending = null;
      result += token.text;
    } else if (pending && joinWords && canJoin(pending, token)) {
      pending.encoded += token.encoded;
    } else {
      if (pending) result += decodeWord(pending);
      pending = { ...token };
    }
  }
  return pending ? result + decodeWord(pending) : result;
}

function decodeWord({ charset, encoding, encoded }: Word): string {
  // RFC 2231 adds a language after `*` (`utf-8*en`): ignored.
  const star = charset.indexOf('*');
  const label = star < 0 ? charset : charset.slice(0, star);
  const kind = encoding.toUpperCase();
  let bytes: Uint8Array;
  if (kind === 'Q') bytes = qBytes(encoded);
  else if (kind === 'B') bytes = decodeBase64Text(encoded.replace(/[^a-zA-Z0-9+/=]+/g, ''));
  else bytes = encoder.encode(encoded);
  return decoderFor(label).decode(bytes);
}

/** Q encoding: `_` is a space, `=XX` a byte; a blank after `=` (a bad fold) is dropped first. */
function qBytes(encoded: string): Uint8Array {
  const text = encoded.replace(/=\s+([0-9a-fA-F])/g, '=$1').replace(/[_\s]/g, ' ');
  const source = encoder.encode(text);
  const out = new Uint8Array(source.length);
  let size = 0;
  for (let i = 0; i < source.length; i++) {
    const byte = source[i] ?? 0;
    const high = byte === 0x3d && i <= source.length - 2 ? hexValue(source[i + 1] ?? -1) : -1;
    const low = high >= 0 ? hexValue(source[i + 2] ?? -1) : -1;
    if (low >= 0) {
      out[size++] = (high << 4) | low;
      i += 2;
    } else out[size++] = byte;
  }
  return out.subarray(0, size);
}
