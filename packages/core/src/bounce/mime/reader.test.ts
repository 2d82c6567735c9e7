import { describe, expect, it } from 'vitest';
import { decoderFor } from './charset';
import { flatten } from './flatten';
import { LazyHeaderMap, parseHeaderBlock } from './headers';
import { parseStructured } from './structured';
import { decodeBase64Body, decodeFlowed, decodeLines, decodeQuotedPrintable } from './transfer';
import { MimeLimitError, readMimeTree } from './tree';

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (data: Uint8Array) => new TextDecoder().decode(data);

describe('structured header values', () => {
  it.each([
    ['text/plain', 'text/plain', {}],
    ['TEXT/Plain ; Charset = "UTF-8" ', 'text/plain', { charset: 'UTF-8' }],
    [
      'multipart/report; boundary="=_a b;c"; report-type=delivery-status',
      'multipart/report',
      {
        boundary: '=_a b;c',
        'report-type': 'delivery-status',
      },
    ],
    ['multipart/mixed (comment) ; boundary=x; boundary=y', 'multipart/mixed', { boundary: 'x' }],
    ['text/plain; flag; charset=us-ascii', 'text/plain', { flag: '', charset: 'us-ascii' }],
    ["attachment; filename*0*=utf-8''r%C3%A9; filename*1=sum.txt", 'attachment', { filename: 'résum.txt' }],
    ['text/plain; name="a\\"b"', 'text/plain', { name: 'a"b' }],
    ['', '', {}],
  ])('%j', (header, value, params) => {
    expect(parseStructured(header)).toEqual({ value, params });
  });
});

describe('transfer decoders', () => {
  it.each([
    [
      'lines: CRs before line ends go, a last line gains its break',
      decodeLines,
      'a\r\nb\r\r\nc',
      'a\nb\nc\n',
    ],
    ['lines: a mid-line CR stays', decodeLines, 'a\rb\n', 'a\rb\n'],
    [
      'quoted-printable: escapes and soft breaks',
      decodeQuotedPrintable,
      'Caf=C3=A9 =\r\nok\r\n',
      'Café ok\n',
    ],
    ['quoted-printable: unreadable escapes stay', decodeQuotedPrintable, '=ZZ =4\n', '=ZZ =4\n'],
    ['base64: junk ignored, units end at =', decodeBase64Body, 'QU%%JD\r\nRA==RUY=\r\n', 'ABCDEF'],
    ['base64: a truncated group is dropped', decodeBase64Body, 'QUJDR', 'ABC'],
  ])('%s', (_name, decode, input, output) => {
    expect(text(decode(bytes(input)))).toBe(output);
  });

  it('format=flowed joins soft lines and keeps the signature line', () => {
    expect(decodeFlowed('one \r\ntwo\r\n-- \r\nsig', false)).toBe('one two\n-- \nsig');
    expect(decodeFlowed('one \ntwo', true)).toBe('onetwo');
  });

  it.each([
    ['iso-8859-1', 'windows-1252'],
    ['x-sjis', 'shift_jis'],
    ['cp932', 'shift_jis'],
    ['x-klingon', 'windows-1252'],
    [undefined, 'utf-8'],
  ])('charset %s decodes as %s', (label, encoding) => {
    expect(decoderFor(label).encoding).toBe(encoding);
  });
});

describe('headers', () => {
  it('unfolds fields, keeps a line without colon, decodes encoded words when read', () => {
    const block = bytes('Subject: =?utf-8?Q?caf=C3=A9?=\r\n  and more\r\nX-Odd\r\nFrom:  a@example.org \r\n');
    const fields = parseHeaderBlock(block, 0, block.length);
    expect(fields).toEqual([
      { key: 'subject', value: '=?utf-8?Q?caf=C3=A9?=  and more' },
      { key: 'x-odd', value: '' },
      { key: 'from', value: 'a@example.org' },
    ]);
    const map = LazyHeaderMap.from(fields);
    expect(map.get('subject')).toEqual(['café  and more']);
    expect([...map.keys()]).toEqual(['subject', 'x-odd', 'from']);
  });
});

describe('part tree', () => {
  const report = [
    'Content-Type: multipart/report; boundary="b"',
    '',
    'preamble',
    '--b',
    'Content-Type: text/plain',
    '',
    'User unknown',
    '--b',
    'Content-Type: message/delivery-status',
    '',
    'Status: 5.1.1',
    '--b',
    'Content-Type: image/png',
    'Content-Transfer-Encoding: base64',
    '',
    'iVBORw0KGgo=',
    '--b--',
    '',
  ].join('\r\n');

  it('splits parts at boundaries and decodes only text and message parts', () => {
    const raw = bytes(report);
    const root = readMimeTree(raw);
    expect(root.children.map((p) => p.type)).toEqual(['text/plain', 'message/delivery-status', 'image/png']);
    expect(flatten(raw, root)).toEqual({
      text: 'User unknown\n',
      attachments: [{ type: 'message/delivery-status', text: 'Status: 5.1.1\n' }],
    });
  });

  it('refuses nesting past MAX_MIME_DEPTH', () => {
    let body = 'x\r\n';
    for (let i = 0; i < 70; i++)
      body = `Content-Type: multipart/mixed; boundary=n${i}\r\n\r\n--n${i}\r\n${body}`;
    expect(() => readMimeTree(bytes(body))).toThrow(MimeLimitError);
  });
});
