import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_BODY_CHARS } from './limits';
import { buildBounceMessage } from './message';

const REPORT = [
  'From: =?utf-8?B?TWFpbCBEZWxpdmVyeQ==?= <MAILER-DAEMON@mx.example.org>',
  'Subject: Undelivered Mail',
  ' Returned to Sender',
  'MIME-Version: 1.0',
  'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
  '',
  '--b',
  'Content-Type: text/plain; charset=iso-8859-1',
  'Content-Transfer-Encoding: quoted-printable',
  '',
  'Caf=E9: the mail system could not deliver',
  '--b',
  'Content-Type: message/delivery-status',
  '',
  'Final-Recipient: rfc822; a@example.net',
  'Status: 5.1.1',
  '--b',
  'Content-Type: message/rfc822',
  '',
  'Message-ID: <m1@example.com>',
  'Subject: hi',
  '',
  'body of the original',
  '--b--',
].join('\r\n');

describe('buildBounceMessage', () => {
  it('flattens a multipart/report into the decoder views', async () => {
    const m = await buildBounceMessage(REPORT);
    expect(m.from).toBe('Mail Delivery <MAILER-DAEMON@mx.example.org>');
    expect(m.subject).toBe('Undelivered Mail Returned to Sender');
    expect(m.header('SUBJECT')).toBe(m.subject);
    expect(m.deliveryStatus?.trim()).toBe('Final-Recipient: rfc822; a@example.net\nStatus: 5.1.1');
    expect(m.returnedMessage).toMatch(/^Message-ID: <m1@example\.com>\nSubject: hi\n\nbody of the original/);
    expect(m.parts.map((p) => p.contentType)).toEqual([
      'text/plain',
      'message/delivery-status',
      'message/rfc822',
    ]);
    expect(m.body).toMatch(
      /^Café: the mail system could not deliver\n+--- message\/delivery-status ---\nFinal-Recipient/,
    );
    expect(m.body).not.toContain('\r');
  });

  it('reads text/rfc822-headers as the returned message and HTML-only notices as text', async () => {
    const raw =
      'Content-Type: multipart/mixed; boundary=z\r\n\r\n--z\r\nContent-Type: text/html\r\n\r\n<p>User&nbsp;unknown</p><br>x\r\n--z\r\nContent-Type: text/rfc822-headers\r\n\r\nMessage-Id: <h@x>\r\n--z--\r\n';
    const m = await buildBounceMessage(new TextEncoder().encode(raw));
    expect(m.returnedMessage?.trim()).toBe('Message-Id: <h@x>');
    expect(m.body).toMatch(/User unknown/);
  });

  it('falls back to a plain header/body split when MIME parsing is refused', async () => {
    let body = 'Content-Type: text/plain\r\n\r\nUser unknown\r\n';
    for (let i = 0; i < 300; i++)
      body = `Content-Type: multipart/mixed; boundary="n${i}"\r\n\r\n--n${i}\r\n${body}--n${i}--\r\n`;
    const m = await buildBounceMessage(`Subject: deep\r\n${body}`);
    expect(m.subject).toBe('deep');
    expect(m.body).toContain('User unknown');
  });

  it('reads a message whose lines end with a lone CR (old Mac mail)', async () => {
    const raw =
      'From: MAILER-DAEMON@example.net\rSubject: Undelivered Mail\r\rThe mail to <a@example.jp> failed.\r';
    for (const input of [raw, new TextEncoder().encode(raw)]) {
      const m = await buildBounceMessage(input);
      expect(m.subject).toBe('Undelivered Mail');
      expect(m.body).toContain('The mail to <a@example.jp> failed.');
    }
  });
});

describe('body bound', () => {
  it('clips the joined body at MAX_BODY_CHARS however many parts a message has', async () => {
    const types = ['text/plain', 'message/delivery-status', 'message/feedback-report', 'text/rfc822-headers'];
    const part = (type: string, n: number) =>
      `--b\r\nContent-Type: ${type}\r\n\r\nX-Filler-${n}: ${'x'.repeat(400_000)}\r\n`;
    const raw = `From: x@example.com\r\nSubject: parts\r\nMIME-Version: 1.0\r\nContent-Type: multipart/report; boundary="b"\r\n\r\n${types.map(part).join('')}--b--\r\n`;
    const message = await buildBounceMessage(raw);
    expect(message.parts.length).toBeGreaterThanOrEqual(3);
    expect(message.body.length).toBe(MAX_BODY_CHARS);
  });
});

describe('whitespace normalisation', () => {
  // The readable text as the README states it: line breaks (also U+2028/9) become \n, more than two
  // whitespace-only lines shrink to two, whitespace runs of 256+ become one space.
  const stated = (text: string) =>
    text
      .replace(/\r\n?|[\u2028\u2029]/g, '\n')
      .replace(/\n(?:[^\S\n]*\n){3,}/g, '\n\n\n')
      .replace(/[^\S\n]{256,}/g, ' ');
  const blank = fc.constantFrom(
    '\n',
    ' ',
    '\t',
    '\u00a0',
    '\u2028',
    '\v',
    '\ufeff',
    '\u3000',
    '\u200b',
    '\u0085',
    'x',
  );

  it('gives the body the README describes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(blank, { maxLength: 60 }),
        fc.array(fc.tuple(blank, fc.nat(300)), { maxLength: 3 }),
        async (units, runs) => {
          const text = `x${units.join('')}${runs.map(([unit, n]) => unit.repeat(n)).join('')}\n`;
          const m = await buildBounceMessage(`Subject: s\n\n${text}`);
          expect(m.body).toBe(stated(text));
        },
      ),
      { numRuns: 300 },
    );
  });
});
