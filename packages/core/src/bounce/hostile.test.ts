/**
 * Hostile input never throws and stays bounded: fast-check over mutated messages and random MIME
 * trees, plus the specific shapes the issue names (30 MB, 1,000-deep nesting, broken base64 and
 * quoted-printable, unknown charsets, a 1 MB header line).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBounce } from './engine';
import { exchangeNdr, gmailDsn } from './fixtures/native';
import { MAX_DIAGNOSTIC_CHARS, MAX_RECIPIENTS } from './limits';
import type { BounceReport } from './types';

const KINDS = ['bounce', 'delivered', 'auto-reply', 'feedback', 'not-bounce'];

function expectBounded(report: BounceReport): void {
  expect(KINDS).toContain(report.kind);
  expect(report.recipients.length).toBeLessThanOrEqual(MAX_RECIPIENTS);
  for (const r of report.recipients) {
    expect(typeof r.address).toBe('string');
    expect((r.diagnostic ?? '').length).toBeLessThanOrEqual(MAX_DIAGNOSTIC_CHARS);
  }
  expect((report.originalMessageId ?? '').length).toBeLessThanOrEqual(998);
}

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
    action: 'failed',
    status: '5.2.2',
    summary: 'Mailbox full',
    diagnostic: '554 5.2.2 mailbox full',
  }),
];

/** Byte-level mutations of a real notice: cut, duplicate, overwrite and splice. */
const mutation = fc.oneof(
  fc.record({ op: fc.constant('cut' as const), at: fc.nat(), length: fc.nat(4000) }),
  fc.record({ op: fc.constant('dup' as const), at: fc.nat(), length: fc.nat(4000) }),
  fc.record({ op: fc.constant('put' as const), at: fc.nat(), bytes: fc.uint8Array({ maxLength: 64 }) }),
  fc.record({
    op: fc.constant('text' as const),
    at: fc.nat(),
    text: fc.constantFrom(
      '\r\n\r\n',
      '--',
      'Content-Type: message/delivery-status\r\n',
      '=?x?Q?',
      'boundary="',
      '\u0000',
      'Final-Recipient: rfc822; <<@>>\r\n',
      'Status: 9.9.9999\r\n',
    ),
  }),
);

type Mutation = { op: string; at: number; length?: number; bytes?: Uint8Array; text?: string };

function applyMutations(seed: string, ops: Mutation[]): Uint8Array {
  let bytes: Uint8Array = new TextEncoder().encode(seed);
  for (const m of ops) {
    const at = bytes.length ? m.at % bytes.length : 0;
    if (m.op === 'cut')
      bytes = concat(bytes.subarray(0, at), bytes.subarray(Math.min(bytes.length, at + (m.length ?? 0))));
    else if (m.op === 'dup') bytes = concat(bytes.subarray(0, at + (m.length ?? 0)), bytes.subarray(at));
    else if (m.op === 'put')
      bytes = concat(bytes.subarray(0, at), m.bytes ?? new Uint8Array(), bytes.subarray(at));
    else bytes = concat(bytes.subarray(0, at), new TextEncoder().encode(m.text ?? ''), bytes.subarray(at));
  }
  return bytes;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A random MIME tree: multiparts of report parts, text in odd charsets and encodings, nested messages. */
const leaf = fc.record({
  type: fc.constantFrom(
    'text/plain',
    'text/html',
    'message/delivery-status',
    'text/rfc822-headers',
    'message/rfc822',
    'message/feedback-report',
    'application/octet-stream',
    'image/png',
  ),
  charset: fc.constantFrom('utf-8', 'iso-2022-jp', 'x-unknown-charset', 'iso-8859-1', 'shift_jis', ''),
  encoding: fc.constantFrom('7bit', 'base64', 'quoted-printable', 'x-uuencode', ''),
  body: fc.string({ maxLength: 300 }),
});
type Leaf = { type: string; charset: string; encoding: string; body: string };
type Tree = { leaf: Leaf } | { children: Tree[]; subtype: string };
const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf.map((l) => ({ leaf: l }) as Tree),
    fc.record({
      children: fc.array(tie('node'), { maxLength: 4 }),
      subtype: fc.constantFrom('mixed', 'report; report-type=delivery-status', 'alternative', 'related'),
    }) as fc.Arbitrary<Tree>,
  ),
})).node;

let boundaryCounter = 0;
function render(node: Tree): string {
  if ('leaf' in node) {
    const { type, charset, encoding, body } = node.leaf;
    const headers = [`Content-Type: ${type}${charset ? `; charset=${charset}` : ''}`];
    if (encoding) headers.push(`Content-Transfer-Encoding: ${encoding}`);
    return `${headers.join('\r\n')}\r\n\r\n${body}\r\n`;
  }
  const boundary = `b${boundaryCounter++}`;
  const parts = node.children.map((c) => `--${boundary}\r\n${render(c)}`).join('');
  return `Content-Type: multipart/${node.subtype}; boundary="${boundary}"\r\n\r\n${parts}--${boundary}--\r\n`;
}

describe('hostile input', () => {
  it('never throws on mutated notices and keeps its output bounded', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...SEEDS),
        fc.array(mutation, { minLength: 1, maxLength: 8 }),
        async (seed, ops) => {
          expectBounded(await parseBounce(applyMutations(seed, ops)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws on random MIME trees', async () => {
    await fc.assert(
      fc.asyncProperty(
        tree,
        fc.constantFrom('Undeliverable: x', 'Delivery Status Notification (Failure)', 'hello', ''),
        async (root, subject) => {
          const raw = `From: MAILER-DAEMON@example.org\r\nSubject: ${subject}\r\nMIME-Version: 1.0\r\n${render(root)}`;
          expectBounded(await parseBounce(raw));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads a 30 MB message without throwing', async () => {
    const filler = 'x'
      .repeat(76)
      .concat('\r\n')
      .repeat(Math.ceil((30 * 1024 * 1024) / 78));
    const raw = SEEDS[0]?.replace('Hi there', filler) ?? '';
    expect(raw.length).toBeGreaterThan(30 * 1024 * 1024);
    const report = await parseBounce(raw);
    expectBounded(report);
    expect(report.kind).toBe('bounce');
  });

  // Shapes that once cost time quadratic in their length (a line-anchored `^\s*` pattern over a run of
  // blank lines: 1 MB took minutes; an address pattern over `a@a@a@…`: 6 s; lower-casing the whole text
  // once per recipient of a 500-recipient DSN). They now run in well under a second; the timeout is a
  // coarse guard with two orders of magnitude of headroom, not a speed measurement (see bench:bounces).
  const NOTICE = 'From: MAILER-DAEMON@example.org\r\nSubject: Undelivered Mail Returned to Sender\r\n';
  it.each([
    ['1 MB of blank lines', '\n'],
    ['1 MB of whitespace-only lines', ' \u00a0\n'],
    ['1 MB of U+2028 line separators', '\u2028'],
    ['512 KB of "a@"', 'a@'],
    ['512 KB of "5.5."', '5.5.'],
  ])('stays linear on %s', { timeout: 20_000 }, async (name, unit) => {
    const size = (name.startsWith('1 MB') ? 1024 : 512) * 1024;
    const raw = `${NOTICE}Content-Type: text/plain; charset=utf-8\r\n\r\nThis is the mail system.\n<u@example.com>: 550 5.1.1 unknown\n${unit.repeat(size / unit.length)}x\n`;
    const report = await parseBounce(raw);
    expectBounded(report);
    expect(report.recipients.map((r) => r.address)).toContain('u@example.com');
  });

  // Shapes aimed at the MIME reader's scans (mime/tree.ts, mime/transfer.ts): each line, part or
  // escape must be visited a bounded number of times.
  const REPORT_START = `${NOTICE}MIME-Version: 1.0\r\nContent-Type: multipart/report; boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n<u@example.com>: 550 5.1.1 unknown\r\n`;
  it.each([
    ['100,000 empty parts', `${REPORT_START}${'--b\r\n\r\n'.repeat(100_000)}--b--\r\n`],
    ['1 MB of "--" lines that are no boundary', `${REPORT_START}${'--x\r\n'.repeat(200_000)}--b--\r\n`],
    [
      '1 MB of "=" in a quoted-printable part',
      `${REPORT_START}--b\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n${'='.repeat(1024 * 1024)}\r\n--b--\r\n`,
    ],
    [
      '1 MB of headers in one part (folded lines)',
      `${REPORT_START}--b\r\n${'X-Fold: a\r\n b\r\n'.repeat(60_000)}Content-Type: text/plain\r\n\r\nx\r\n--b--\r\n`,
    ],
  ])('stays linear on %s', { timeout: 20_000 }, async (_name, raw) => {
    const report = await parseBounce(raw);
    expectBounded(report);
    expect(report.recipients.map((r) => r.address)).toContain('u@example.com');
  });

  it('stays linear on a delivery-status report listing 500 recipients', { timeout: 20_000 }, async () => {
    const blocks = Array.from(
      { length: 500 },
      (_, i) => `Final-Recipient: rfc822; u${i}@example.com\nAction: failed\nStatus: 5.1.1\n`,
    );
    const readable = Array.from(
      { length: 500 },
      (_, i) => `<u${i}@example.com>: 550 5.1.1 unknown user ${'x'.repeat(900)}`,
    ).join('\n');
    const raw = `${NOTICE}MIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=delivery-status; boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n${readable}\n--b\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.org\n\n${blocks.join('\n')}\n--b--\r\n`;
    const report = await parseBounce(raw);
    expectBounded(report);
    expect(report.recipients).toHaveLength(500);
  });

  it('survives 1,000-deep multipart nesting', async () => {
    let body = 'Content-Type: text/plain\r\n\r\nUser unknown\r\n';
    for (let i = 0; i < 1000; i++)
      body = `Content-Type: multipart/mixed; boundary="n${i}"\r\n\r\n--n${i}\r\n${body}--n${i}--\r\n`;
    expectBounded(
      await parseBounce(
        `From: MAILER-DAEMON@example.org\r\nSubject: Returned mail\r\nMIME-Version: 1.0\r\n${body}`,
      ),
    );
  });

  it('survives 1,000-deep message/rfc822 nesting', async () => {
    let inner = 'Subject: innermost\r\n\r\nhello\r\n';
    for (let i = 0; i < 1000; i++) inner = `Content-Type: message/rfc822\r\n\r\n${inner}`;
    expectBounded(await parseBounce(`From: MAILER-DAEMON@example.org\r\nMIME-Version: 1.0\r\n${inner}`));
  });

  it.each([
    ['broken base64', 'Content-Transfer-Encoding: base64', '%%%%not base64!!!===\r\nQUJD\r\n=\r\n'],
    [
      'broken quoted-printable',
      'Content-Transfer-Encoding: quoted-printable',
      '=ZZ=\r\n=4=\r\nsoft break=\r\n=E3=81',
    ],
    [
      'unknown charset',
      'Content-Type: message/delivery-status; charset=x-klingon',
      '\xff\xfe Final-Recipient: rfc822; a@b.example\r\nStatus: 5.1.1\r\n',
    ],
  ])('survives %s in a delivery-status part', async (_name, header, content) => {
    const raw = `From: MAILER-DAEMON@example.org\r\nMIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=delivery-status; boundary="z"\r\n\r\n--z\r\nContent-Type: message/delivery-status\r\n${header}\r\n\r\n${content}\r\n--z--\r\n`;
    expectBounded(await parseBounce(raw));
  });

  it('survives a 1 MB header line and keeps the header bounded', async () => {
    const raw = `From: MAILER-DAEMON@example.org\r\nX-Huge: ${'a'.repeat(1024 * 1024)}\r\nSubject: ${'=?utf-8?B?QUJD?= '.repeat(50_000)}\r\n\r\nhello\r\n`;
    expectBounded(await parseBounce(raw));
  });
});
