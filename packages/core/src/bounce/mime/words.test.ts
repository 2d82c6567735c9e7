import fc from 'fast-check';
import { decodeWords as postalDecodeWords } from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { decodeWords } from './words';

describe('RFC 2047 encoded words', () => {
  it.each([
    ['=?utf-8?Q?caf=C3=A9?=', 'café'],
    ['=?UTF-8?B?w6k=?= =?UTF-8?B?w6k=?=', 'éé'],
    ['=?utf-8?B?4oKs?= x =?utf-8?B?4oKs?=', '€ x €'],
    ['=?utf-8?Q?a_b?=  =?utf-8?Q?=E2=82?=\r\n =?utf-8?Q?=AC?=', 'a b€'],
    ['=?iso-2022-jp?B?GyRCJVElOSVvITwlSRsoQg==?=', 'パスワード'],
    ['=?utf-8*en?Q?hello?=', 'hello'],
    ['=?x-unknown?Q?caf=E9?=', 'café'],
    ['plain =? not a word ?= text', 'plain =? not a word ?= text'],
    ['=?utf-8?B?w6?= broken', '\ufffd broken'],
  ])('%j reads %j', (value, decoded) => {
    expect(decodeWords(value)).toBe(decoded);
  });

  const piece = fc.oneof(
    fc.constantFrom(' ', '  ', '\t', '_', '=', '?', '=?', '?=', 'x', '\r\n ', 'é'),
    fc
      .record({
        charset: fc.constantFrom(
          'utf-8',
          'UTF-8',
          'iso-8859-1',
          'shift_jis',
          'x-bogus',
          'utf-8*en',
          'ISO_8859-1:1987',
        ),
        encoding: fc.constantFrom('Q', 'q', 'B', 'b'),
        text: fc.string({ maxLength: 12 }),
        cut: fc.nat(6),
      })
      .map(({ charset, encoding, text, cut }) => {
        const bytes = new TextEncoder().encode(text);
        const body =
          encoding.toUpperCase() === 'B'
            ? btoa(String.fromCharCode(...bytes))
            : [...bytes].map((b) => `=${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
        return `=?${charset}?${encoding}?${body.slice(0, body.length - (cut % 3))}?=`;
      }),
  );

  it('decodes exactly as postal-mime on random values', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const value = pieces.join('');
        expect(decodeWords(value)).toBe(postalDecodeWords(value));
      }),
      { numRuns: 3000 },
    );
  });
});
