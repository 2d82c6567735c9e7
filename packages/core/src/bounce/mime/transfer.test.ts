import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64Text, decodeBase64Body, decodeQuotedPrintable, quotedPrintableText } from './transfer';

const DECODERS = ['utf-8', 'windows-1252', 'iso-8859-15'].map((label) => new TextDecoder(label));

/** Random bodies built from pieces where the decoders' edge cases show. */
const body = (pieces: string[]) =>
  fc
    .array(fc.constantFrom(...pieces), { maxLength: 16 })
    .map((parts) => new TextEncoder().encode(parts.join('')));

describe('native text decoding of transfer encodings', () => {
  const qpPieces = ['=', '==', '\r', '\n', '\r\n', '%', '%u', 'A', 'f', '3', 'D', '9', ' ', 'x', 'é'];
  const escapes = ['=E2=82=AC', '=C3', '=A9', '=EF=BB=BF', '=80', '=FF', '=9F', '=25', '=0D=0A', '=3D', '=4'];

  it('reads quoted-printable as the byte decoder does, or leaves it to that decoder', () => {
    fc.assert(
      fc.property(body([...qpPieces, ...escapes]), fc.constantFrom(...DECODERS), (bytes, decoder) => {
        const text = quotedPrintableText(bytes, decoder);
        if (text !== null) expect(text).toBe(decoder.decode(decodeQuotedPrintable(bytes)));
      }),
      { numRuns: 5000 },
    );
  });

  it('reads base64 as the byte decoder does, or leaves it to that decoder', () => {
    const pieces = [
      '=',
      '==',
      '\r\n',
      ' ',
      '%',
      'A',
      'Q',
      'w',
      '+',
      '/',
      '8J+Y',
      'gA',
      '77u/',
      '4oKs',
      'w6k=',
      'é',
    ];
    fc.assert(
      fc.property(body(pieces), fc.constantFrom(...DECODERS), (bytes, decoder) => {
        const text = base64Text(bytes, decoder);
        if (text !== null) expect(text).toBe(decoder.decode(decodeBase64Body(bytes)));
      }),
      { numRuns: 5000 },
    );
  });

  it('takes the native path for plain UTF-8 and Latin-1 text', () => {
    const utf8 = new TextDecoder('utf-8');
    const latin = new TextDecoder('windows-1252');
    expect(quotedPrintableText(new TextEncoder().encode('caf=C3=A9 =\r\n100%\r\n'), utf8)).toBe(
      'café 100%\n',
    );
    expect(quotedPrintableText(new TextEncoder().encode('caf=E9'), latin)).toBe('café\n');
    expect(base64Text(new TextEncoder().encode('w6k=\r\nw6k='), utf8)).toBe('éé');
    expect(quotedPrintableText(new TextEncoder().encode('=C3'), utf8)).toBeNull();
  });
});
