import { describe, expect, it } from 'vitest';
import { assemble } from '../../message';
import {
  findAddress,
  findCommand,
  findReplyCode,
  findStatus,
  hasUsableDeliveryStatus,
  originalMessageId,
  reasonFrom,
  section,
} from './util';

describe('findStatus', () => {
  it.each([
    ['550 5.1.1 <a@b>... User unknown', '5.1.1'],
    ['550-5.7.26 Unauthenticated email', '5.7.26'],
    ['Unable to contact LDAP server. (#4.4.3)', '4.4.3'],
    ['try again later [#4.1.9].', '4.1.9'],
    ['host 192.0.2.153 said 550 no such user', undefined],
    ['connect to 5.1.1.2 failed', undefined],
    ['version 2.1.5.4 of the agent', undefined],
  ])('%s → %s', (text, status) => expect(findStatus(text)).toBe(status));
});

describe('findReplyCode', () => {
  it.each([
    ['Remote host said: 550 5.1.1 no', '550'],
    ['550-5.7.26 DMARC', '550'],
    ['host [192.0.2.250]: 421 busy', '421'],
    ['(#5.5.0)', undefined],
    ['port 2525 closed', undefined],
  ])('%s → %s', (text, code) => expect(findReplyCode(text)).toBe(code));
});

describe('findAddress', () => {
  it.each([
    ['  <Kijitora@Example.JP>: 550 no', 'kijitora@example.jp'],
    ['Recipient: kijitora@example.jp.', 'kijitora@example.jp'],
    ['mailto:cat@example.org', 'cat@example.org'],
    ['no address here', ''],
    [undefined, ''],
    // Bare (not angle-bracketed) addresses: upper case, and the characters case folding adds.
    ['user CAT@MAIL.EXAMPLE.ORG unknown', 'cat@mail.example.org'],
    ['to josé@BÜCHER.example failed', 'josé@bücher.example'],
    ['to cat@example.o\u212A failed', 'cat@example.ok'],
    ['to cat@exam\u0345ple.org failed', 'cat@exam\u0345ple.org'],
  ])('%s → %s', (text, address) => expect(findAddress(text)).toBe(address));
});

describe('findCommand', () => {
  it.each([
    ['SMTP error from remote mail server after RCPT TO:<a@b>:', 'RCPT'],
    ['after MAIL FROM:<a@b> SIZE=1', 'MAIL'],
    ['after end of data: 554 rejected', 'DATA'],
    ['192.0.2.1 does not like recipient.', 'RCPT'],
    ['Connected to x but my name was rejected.', 'EHLO'],
    ['mailbox full', undefined],
  ])('%s → %s', (text, command) => expect(findCommand(text)).toBe(command));
});

describe('section', () => {
  it('returns the text between the markers, or to the end, or null', () => {
    expect(section('a\nSTART\nb\nEND\nc', /^START$/m, /^END$/m)).toBe('\nb\n');
    expect(section('a\nSTART\nb', /^START$/m, /^END$/m)).toBe('\nb');
    expect(section('a', /^START$/m)).toBeNull();
  });
});

describe('reasonFrom', () => {
  it('takes the first matching row', () => {
    const table = [
      [/timeout/i, 'expired'],
      [/time/i, 'systemerror'],
    ] as const;
    expect(reasonFrom('retry timeout exceeded', table)).toBe('expired');
    expect(reasonFrom('nothing', table)).toBeUndefined();
  });
});

describe('originalMessageId / hasUsableDeliveryStatus', () => {
  const message = (text: string, extra: { contentType: string; text: string }[] = []) =>
    assemble(new Map(), [{ contentType: 'text/plain', text }, ...extra]);

  it('prefers the returned part, then the innermost inline message/rfc822', () => {
    expect(
      originalMessageId(message('x', [{ contentType: 'message/rfc822', text: 'Message-ID: <a@b>\n' }])),
    ).toBe('a@b');
    const nested = 'Message-Id: <outer@x>\nContent-Type: message/rfc822\n\nMessage-ID: <inner@y>\n';
    expect(originalMessageId(message(nested))).toBe('inner@y');
  });

  it('counts a report as usable only when it names a full address', () => {
    const report = (text: string) => message('x', [{ contentType: 'message/delivery-status', text }]);
    expect(hasUsableDeliveryStatus(report('Final-Recipient: rfc822; a@example.net\nStatus: 5.1.1\n'))).toBe(
      true,
    );
    expect(hasUsableDeliveryStatus(report('Final-Recipient: RFC822; @mx.example.org\nStatus: 5.1.2\n'))).toBe(
      false,
    );
    expect(hasUsableDeliveryStatus(message('x'))).toBe(false);
  });
});
