/**
 * Differential test: the views our MIME reader builds (`buildBounceMessage`) equal the views built
 * from postal-mime (`buildWithPostalMime`, the reader the engine used before) on every field decoders
 * read, for every corpus file, every unseen fixture, every notice of our own set, hand-made odd shapes
 * and random MIME trees and byte mutations (fast-check).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BounceMessage } from '../decoders/contract';
import { exchangeNdr, gmailDsn } from '../fixtures/native';
import { buildBounceMessage, buildWithPostalMime } from '../message';
import { CORPUS_DIR } from '../test-corpus-dir';
import { NOTICES_DIR } from '../test-notices-dir';
import { flatten } from './flatten';
import { ODD_SHAPES } from './odd-shapes';
import { readMimeTree } from './tree';

/** Everything a decoder can read, as plain data (headers in name order). */
function view(message: BounceMessage) {
  return {
    headers: [...message.headers.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    subject: message.subject,
    from: message.from,
    firstValues: [...message.headers.keys()].map((name) => message.header(name)),
    body: message.body,
    parts: message.parts,
    deliveryStatus: message.deliveryStatus,
    feedbackReport: message.feedbackReport,
    returnedMessage: message.returnedMessage,
  };
}

async function expectSameViews(raw: Uint8Array | string): Promise<void> {
  const ours = view(await buildBounceMessage(raw));
  const postal = view(await buildWithPostalMime(raw));
  expect(ours).toEqual(postal);
}

function emlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return emlFiles(path);
    return /\.(md|jsonl|txt)$|^LICENSE$|^README/.test(name) ? [] : [path];
  });
}

const corpusFiles = emlFiles(join(CORPUS_DIR, 'maildir'));
const unseenFiles = emlFiles(join(__dirname, '..', 'fixtures', 'unseen'));
const noticeFiles = emlFiles(NOTICES_DIR);

describe('our MIME reader gives the postal-mime views', () => {
  it('finds the corpus and the unseen fixtures', () => {
    expect(corpusFiles.length).toBeGreaterThanOrEqual(749);
    expect(unseenFiles.length).toBeGreaterThanOrEqual(80);
  });

  it.each([
    ['corpus', corpusFiles],
    ['unseen fixtures', unseenFiles],
    ['our notice set', noticeFiles],
  ])('on every file of the %s', async (_name, files) => {
    const differing: string[] = [];
    for (const file of files) {
      const raw = readFileSync(file);
      const ours = view(await buildBounceMessage(raw));
      const postal = view(await buildWithPostalMime(raw));
      if (JSON.stringify(ours) !== JSON.stringify(postal)) differing.push(file);
    }
    expect(differing).toEqual([]);
  });

  it('reads every corpus file itself, without handing it to postal-mime', () => {
    const handedOver = corpusFiles.filter((file) => {
      const raw = new Uint8Array(readFileSync(file));
      return flatten(raw, readMimeTree(raw)) === null;
    });
    expect(handedOver).toEqual([]);
  });

  it.each(ODD_SHAPES)('on %s', async (_name, raw) => {
    await expectSameViews(raw);
  });

  it('hands a text body that postal-mime would render from HTML over to postal-mime', () => {
    const raw = new TextEncoder().encode(
      'Content-Type: multipart/mixed; boundary=m\n\n--m\nContent-Type: text/plain\n\nplain\n--m\nContent-Type: text/html\n\n<p>html</p>\n--m--\n',
    );
    expect(flatten(raw, readMimeTree(raw))).toBeNull();
  });
});

const SEEDS = [
  gmailDsn({
    recipient: 'a@example.net',
    action: 'failed',
    status: '5.1.1',
    summary: 'Address not found',
    diagnostic: '550 5.1.1 user unknown',
  }),
  exchangeNdr({
    recipient: 'b@example.net',
    action: 'delayed',
    status: '4.4.7',
    summary: 'Delivery delayed',
    diagnostic: '451 4.4.7 timeout',
  }),
];

const SPLICES = [
  '\r\n\r\n',
  '\n',
  '\r',
  '--',
  ' ',
  '=',
  '=?utf-8?B?w6k=?= ',
  'Content-Type: multipart/mixed; boundary="q"\r\n',
  'Content-Type: text/html\r\n',
  'Content-Transfer-Encoding: base64\r\n',
  'Content-Transfer-Encoding: quoted-printable\r\n',
  'Content-Disposition: attachment\r\n',
  '\r\n--q\r\n',
  '\r\n--q--\r\n',
  '; format=flowed; delsp=yes',
  '(comment)',
  '"',
  '\u00a0',
  '\ufeff',
];

describe('random inputs give the same views', () => {
  it('byte mutations of real notices', async () => {
    const edit = fc.record({
      at: fc.nat(),
      cut: fc.nat(200),
      text: fc.oneof(fc.constantFrom(...SPLICES), fc.string({ maxLength: 12 })),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...SEEDS),
        fc.array(edit, { minLength: 1, maxLength: 6 }),
        async (seed, edits) => {
          let text = seed;
          for (const { at, cut, text: insert } of edits) {
            const i = text.length ? at % text.length : 0;
            text =
              text.slice(0, i) + insert + text.slice(Math.min(text.length, i + (cut % 3 === 0 ? cut : 0)));
          }
          await expectSameViews(new TextEncoder().encode(text));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('random MIME trees, most of them read by our reader itself', async () => {
    const readers = { ours: 0, postal: 0 };
    await fc.assert(
      fc.asyncProperty(mimeTree, fc.constantFrom('\r\n', '\n'), async (root, eol) => {
        const raw =
          `From: =?utf-8?Q?Mail_Delivery?= <MAILER-DAEMON@example.org>\nSubject: x\nMIME-Version: 1.0\n${render(root)}`.replace(
            /\n/g,
            eol,
          );
        const bytes = new TextEncoder().encode(raw);
        // Our reader must never fail on its own (an error would hide behind the postal-mime fallback).
        readers[flatten(bytes, readMimeTree(bytes)) ? 'ours' : 'postal']++;
        await expectSameViews(raw);
      }),
      { numRuns: 400 },
    );
    expect(readers.ours).toBeGreaterThan(readers.postal);
  });
});

type Leaf = { type: string; params: string; encoding: string; disposition: string; body: string };
type Tree = { leaf: Leaf } | { children: Tree[]; subtype: string; quote: boolean; preamble: string };

const leaf = fc.record({
  type: fc.constantFrom(
    'text/plain',
    'text/html',
    'TEXT/PLAIN',
    'message/delivery-status',
    'message/global-delivery-status',
    'text/rfc822-headers',
    'message/rfc822',
    'message/feedback-report',
    'text/calendar',
    'application/octet-stream',
    'image/png',
    '',
  ),
  params: fc.constantFrom(
    '',
    '; charset=utf-8',
    '; charset="iso-8859-1"',
    '; charset=x-unknown',
    '; charset=cp932',
    '; charset=utf-8; format=flowed; delsp=yes',
    '; format=flowed',
    ' (a comment) ; charset=us-ascii',
    "; name*0*=utf-8''r%C3%A9; name*1=port",
  ),
  encoding: fc.constantFrom('', '7bit', 'base64', 'quoted-printable', '"Base64"', 'x-uuencode'),
  disposition: fc.constantFrom('', 'inline', 'attachment', 'attachment; filename="a.txt"'),
  body: fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.constantFrom(
      'VXNlciB1bmtub3du\n',
      'QUJD=\nREVG',
      'Caf=E9 =\nsoft =ZZ =4',
      'flowed line \ncontinues\n-- \nsig',
      '<p>User&nbsp;unknown</p>',
      'Final-Recipient: rfc822; a@example.net\nStatus: 5.1.1',
    ),
  ),
});

const mimeTree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf.map((l) => ({ leaf: l }) as Tree),
    fc.record({
      children: fc.array(tie('node'), { maxLength: 4 }),
      subtype: fc.constantFrom(
        'mixed',
        'report; report-type=delivery-status',
        'alternative',
        'related',
        'digest',
      ),
      quote: fc.boolean(),
      preamble: fc.constantFrom('', 'This is a MIME message.\n', '--not-a-boundary\n'),
    }) as fc.Arbitrary<Tree>,
  ),
})).node;

let boundaryCounter = 0;
function render(node: Tree): string {
  if ('leaf' in node) {
    const { type, params, encoding, disposition, body } = node.leaf;
    const headers = type || params ? [`Content-Type: ${type}${params}`] : [];
    if (encoding) headers.push(`Content-Transfer-Encoding: ${encoding}`);
    if (disposition) headers.push(`Content-Disposition: ${disposition}`);
    const content = encoding.toLowerCase().includes('base64')
      ? btoa(String.fromCharCode(...new TextEncoder().encode(body)))
      : body;
    return `${headers.join('\n')}\n\n${content}\n`;
  }
  const boundary = `b${boundaryCounter++}=_x`;
  const param = node.quote ? `"${boundary}"` : boundary;
  const parts = node.children.map((c) => `--${boundary}\n${render(c)}`).join('');
  return `Content-Type: multipart/${node.subtype}; boundary=${param}\n\n${node.preamble}${parts}--${boundary}--\n`;
}
