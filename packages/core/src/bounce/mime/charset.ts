/**
 * Charset labels to TextDecoders, resolved the way postal-mime 4 resolves them (so a part decodes to
 * the same text whichever reader read it): the label as written, then without `x-`/`cs` prefixes and
 * separators, then a few aliases TextDecoder lacks; an unknown label falls back to windows-1252
 * (what TextDecoder calls latin1), and to UTF-8 where even that is missing.
 */

const CHARSET_ALIASES = new Map<string, string>([
  ['iso88598i', 'iso-8859-8'],
  ['iso88598e', 'iso-8859-8'],
  ['shiftjis', 'shift_jis'],
  ['windows31j', 'shift_jis'],
  ['mskanji', 'shift_jis'],
  ['eucjp', 'euc-jp'],
  ['iso2022jp', 'iso-2022-jp'],
  ['iso2022jp1', 'iso-2022-jp'],
  ['iso2022jp2', 'iso-2022-jp'],
  ['junet', 'iso-2022-jp'],
  ['euckr', 'euc-kr'],
  ['uhc', 'euc-kr'],
  ['tis620', 'windows-874'],
]);

/** Windows and IBM code pages (cp932, windows-932, ms932, ibm932) that have a WHATWG equivalent. */
const CODE_PAGES = new Map<string, string>([
  ['932', 'shift_jis'],
  ['936', 'gbk'],
  ['949', 'euc-kr'],
  ['950', 'big5'],
  ['874', 'windows-874'],
  ['51932', 'euc-jp'],
  ['50220', 'iso-2022-jp'],
  ['50221', 'iso-2022-jp'],
  ['50222', 'iso-2022-jp'],
]);

/** Decoders by label; null where TextDecoder refuses the label. Bounded: labels come from mail. */
const decoders = new Map<string, TextDecoder | null>();
const MAX_CACHED_LABELS = 256;
const utf8 = new TextDecoder('utf-8');

function tryDecoder(label: string): TextDecoder | null {
  const cached = decoders.get(label);
  if (cached !== undefined) return cached;
  let decoder: TextDecoder | null = null;
  try {
    decoder = new TextDecoder(label);
  } catch {
    // not a WHATWG label, or one this runtime was built without
  }
  if (decoders.size < MAX_CACHED_LABELS) decoders.set(label, decoder);
  return decoder;
}

/** The decoder for a part's `charset` parameter (UTF-8 when there is none). */
export function decoderFor(charset: string | undefined | null): TextDecoder {
  const label = (charset || 'utf8').trim().toLowerCase();
  const decoder = tryDecoder(label);
  if (decoder) return decoder;
  const normalised = label.replace(/^(?:x-ms-|x-|cs)/, '').replace(/[\s._-]+/g, '');
  const codePage = normalised.match(/^(?:cp|windows|ms|ibm)(\d+)$/);
  const alias =
    (codePage && CODE_PAGES.get(codePage[1] ?? '')) || CHARSET_ALIASES.get(normalised) || normalised;
  return tryDecoder(alias) || tryDecoder('windows-1252') || utf8;
}
