import { describe, expect, it } from 'vitest';
import { assemble } from '../../message';
import { Courier } from './courier';

/** Courier's readable part (its documented layout), without the delivery-status part. */
function notice(banner: string, intro: string) {
  const text = [
    'This is a delivery status notification from mx.example.org,',
    'running the Courier mail server, version 1.1.',
    '',
    '---------------------------------------------------------------------------',
    '',
    `                           ${banner}`,
    '',
    intro,
    '',
    '<nobody@example.net>:',
    '    mx.example.net [192.0.2.95]:',
    '>>> RCPT TO:<nobody@example.net>',
    '<<< 550 5.1.1 <nobody@example.net>... User Unknown',
    '',
    '<full@example.org>:',
    '    mx.example.org [192.0.2.96]:',
    '>>> DATA',
    '<<< 452 4.2.2 Mailbox full',
    '',
    '---------------------------------------------------------------------------',
    '',
    'The original message follows as a separate attachment.',
  ].join('\n');
  return assemble(new Map([['from', ['Courier mail server at mx.example.org <@>']]]), [
    { contentType: 'text/plain', text },
  ]);
}

describe('Courier (text)', () => {
  it('reads each recipient with its SMTP exchange', () => {
    const decoded = Courier.decode(
      notice('UNDELIVERABLE MAIL', 'Your message to the following recipients cannot be delivered:'),
    );
    expect(decoded?.recipients).toEqual([
      expect.objectContaining({
        address: 'nobody@example.net',
        status: '5.1.1',
        replyCode: '550',
        command: 'RCPT',
        action: 'failed',
      }),
      expect.objectContaining({
        address: 'full@example.org',
        status: '4.2.2',
        command: 'DATA',
        action: 'failed',
      }),
    ]);
  });

  it('marks the recipients of a delay warning as delayed', () => {
    const decoded = Courier.decode(
      notice(
        'DELAYS IN DELIVERING YOUR MESSAGE',
        'Your message to the following recipients has not been delivered yet:',
      ),
    );
    expect(decoded?.recipients.map((r) => r.action)).toEqual(['delayed', 'delayed']);
  });

  it('leaves notices with a usable delivery-status part to RFC 3464', () => {
    const base = notice(
      'UNDELIVERABLE MAIL',
      'Your message to the following recipients cannot be delivered:',
    );
    const withReport = assemble(base.headers, [
      ...base.parts,
      {
        contentType: 'message/delivery-status',
        text: 'Final-Recipient: rfc822; nobody@example.net\nStatus: 5.1.1\n',
      },
    ]);
    expect(Courier.decode(withReport)).toBeNull();
  });
});
