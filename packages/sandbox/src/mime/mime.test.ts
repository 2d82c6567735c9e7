import { describe, expect, it } from 'vitest';
import { multipartPart, renderMessage, textPart } from './build';
import {
  decodeWords,
  encodeWord,
  headerParam,
  parseAddressList,
  parseHeaderBlock,
  rfc5322Date,
} from './headers';
import { findPart, parseMimeTree, partText } from './tree';

describe('headers', () => {
  it.each([
    ['=?UTF-8?B?R3LDvMOfZQ==?=', 'Grüße'],
    ['=?iso-8859-1?Q?Caf=E9_cr=E8me?=', 'Café crème'],
    ['=?UTF-8?B?SGVs?= =?UTF-8?B?bG8=?=', 'Hello'],
    ['plain text', 'plain text'],
  ])('decodeWords(%j) = %j', (encoded, decoded) => {
    expect(decodeWords(encoded)).toBe(decoded);
  });

  it('round-trips non-ASCII through encodeWord', () => {
    expect(decodeWords(encodeWord('Angebot für Sie'))).toBe('Angebot für Sie');
    expect(encodeWord('ASCII only')).toBe('ASCII only');
  });

  it('unfolds continuation lines', () => {
    const headers = parseHeaderBlock('Subject: a long\r\n  subject line\r\nTo: x@y.test');
    expect(headers).toEqual([
      { name: 'Subject', value: 'a long subject line' },
      { name: 'To', value: 'x@y.test' },
    ]);
  });

  it('parses address lists with quoted commas and bare addresses', () => {
    expect(parseAddressList('"Reyes, Ava" <Ava@Contoso.test>, pat@example.test')).toEqual([
      { name: 'Reyes, Ava', address: 'Ava@Contoso.test' },
      { name: '', address: 'pat@example.test' },
    ]);
  });

  it('reads structured parameters', () => {
    expect(headerParam('multipart/report; report-type=delivery-status; boundary="b1"', 'boundary')).toBe(
      'b1',
    );
    expect(headerParam('multipart/report; report-type=delivery-status', 'report-type')).toBe(
      'delivery-status',
    );
  });

  it('formats RFC 5322 dates in UTC', () => {
    expect(rfc5322Date(new Date('2026-01-05T09:03:07Z'))).toBe('Mon, 5 Jan 2026 09:03:07 +0000');
  });
});

describe('MIME build and parse', () => {
  it('round-trips a multipart message with a non-ASCII part', () => {
    const raw = renderMessage(
      [{ name: 'Subject', value: 'Test' }],
      multipartPart('multipart/alternative', 'bnd', [
        textPart('text/plain', 'Grüße\nzeile 2'),
        textPart('text/html', '<p>hi</p>'),
      ]),
    );
    const tree = parseMimeTree(raw);
    expect(tree.mimeType).toBe('multipart/alternative');
    expect(partText(findPart(tree, 'text/plain')!)).toBe('Grüße\r\nzeile 2');
    expect(partText(findPart(tree, 'text/html')!)).toBe('<p>hi</p>');
  });

  it('decodes quoted-printable bodies', () => {
    const tree = parseMimeTree(
      'Content-Type: text/plain\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nCaf=C3=A9 =\r\nau lait',
    );
    expect(partText(tree)).toBe('Café au lait');
  });

  it('survives a multipart without its closing boundary', () => {
    const tree = parseMimeTree(
      'Content-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\nContent-Type: text/plain\r\n\r\nbody',
    );
    expect(tree.parts).toHaveLength(1);
    expect(partText(tree.parts[0]!)).toBe('body');
  });
});
