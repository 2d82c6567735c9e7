/**
 * Hand-written variants of the big families, beyond the corpus samples: several recipients,
 * multi-line replies, aliases, delay notices. Written from each MTA's documented templates.
 */
import { describe, expect, it } from 'vitest';
import { assemble } from '../../message';
import type { Decoder } from '../contract';
import { Exim } from './exim';
import { Postfix } from './postfix';
import { Qmail } from './qmail';
import { Sendmail } from './sendmail';

function decode(decoder: Decoder, text: string, headers: [string, string][] = []) {
  const message = assemble(new Map(headers.map(([k, v]) => [k, [v]])), [{ contentType: 'text/plain', text }]);
  return decoder.decode(message);
}

const rows = (d: ReturnType<typeof decode>) =>
  d?.recipients.map((r) => [r.address, r.status ?? null, r.command ?? null, r.action]);

describe('Exim variants', () => {
  const head = 'This message was created automatically by mail delivery software.\n\n';
  it('reads two recipients with multi-line replies', () => {
    const text = `${head}A message that you sent could not be delivered to one or more of its\nrecipients. This is a permanent error. The following address(es) failed:\n\n  one@example.net\n    host mx.example.net [192.0.2.1]\n    SMTP error from remote mail server after RCPT TO:<one@example.net>:\n    550-5.1.1 The email account that you tried to reach does not exist.\n    550 5.1.1 Please try again.\n  two@example.org\n    host mx.example.org [192.0.2.2]\n    SMTP error from remote mail server after end of data:\n    552 5.2.2 Mailbox full\n\n------ This is a copy of the message, including all the headers. ------\n\nMessage-Id: <m1@example.com>\n`;
    const d = decode(Exim, text, [['from', 'Mail Delivery System <Mailer-Daemon@example.com>']]);
    expect(rows(d)).toEqual([
      ['one@example.net', '5.1.1', 'RCPT', 'failed'],
      ['two@example.org', '5.2.2', 'DATA', 'failed'],
    ]);
    expect(d?.originalMessageId).toBe('m1@example.com');
  });

  it('reads a delay warning as delayed', () => {
    const text = `${head}A message that you sent has not yet been delivered to one or more of its\nrecipients after more than 24 hours on the queue on mx.example.com.\n\nThe address to which the message has not yet been delivered is:\n\n  slow@example.net\n    host mx.example.net [192.0.2.3]\n    Delay reason: SMTP error from remote mail server after RCPT TO:<slow@example.net>:\n    451 4.7.1 Greylisted, try again\n\nNo action is required on your part.\n`;
    expect(rows(decode(Exim, text, [['subject', 'Warning: message 1abc-000 delayed 24 hours']]))).toEqual([
      ['slow@example.net', '4.7.1', 'RCPT', 'delayed'],
    ]);
  });
});

describe('qmail variants', () => {
  it('reads each <address>: paragraph, qmail codes as the fallback status', () => {
    const text =
      "Hi. This is the qmail-send program at mx.example.com.\nI'm afraid I wasn't able to deliver your message to the following addresses.\nThis is a permanent error; I've given up. Sorry it didn't work out.\n\n<one@example.net>:\n192.0.2.1 does not like recipient.\nRemote host said: 550 5.1.1 <one@example.net>: User unknown\nGiving up on 192.0.2.1.\n\n<two@example.org>:\nSorry, I couldn't find any host named example.org. (#5.1.2)\n\n--- Below this line is a copy of the message.\n\nMessage-ID: <q1@example.com>\n";
    const d = decode(Qmail, text);
    expect(rows(d)).toEqual([
      ['one@example.net', '5.1.1', 'RCPT', 'failed'],
      ['two@example.org', '5.1.2', null, 'failed'],
    ]);
    expect(d?.recipients[1]?.reason).toBe('hostunknown');
    expect(d?.originalMessageId).toBe('q1@example.com');
  });
});

describe('Postfix variants (no report part)', () => {
  it('reads several paragraphs, aliases and the failed command', () => {
    const text =
      "This is the mail system at host mx.example.com.\n\nI'm sorry to have to inform you that your message could not\nbe delivered to one or more recipients.\n\n                   The mail system\n\n<one@example.net> (expanded from <alias@example.com>): host\n    mx.example.net[192.0.2.1] said: 550 5.1.1 <one@example.net>: Recipient\n    address rejected: User unknown (in reply to RCPT TO command)\n\n<two@example.org>: host mx.example.org[192.0.2.2] said: 552 5.2.2 Over\n    quota (in reply to end of DATA command)\n";
    expect(rows(decode(Postfix, text, [['subject', 'Undelivered Mail Returned to Sender']]))).toEqual([
      ['one@example.net', '5.1.1', 'RCPT', 'failed'],
      ['two@example.org', '5.2.2', 'DATA', 'failed'],
    ]);
  });
});

describe('Sendmail variants (no report part)', () => {
  it('reads a forwarded, quoted notice', () => {
    const text = [
      'Begin forwarded message:',
      '',
      '> From: Mail Delivery Subsystem <MAILER-DAEMON>',
      '> Subject: Returned mail: see transcript for details',
      '>',
      ...[
        '   ----- The following addresses had permanent fatal errors -----',
        '<gone@example.net>',
        '    (reason: 550 5.1.1 <gone@example.net>... User unknown)',
        '',
        '   ----- Transcript of session follows -----',
        '... while talking to mx.example.net.:',
        '>>> RCPT To:<gone@example.net>',
        '<<< 550 5.1.1 <gone@example.net>... User unknown',
        '550 5.1.1 <gone@example.net>... User unknown',
        '',
        '',
        'x',
        'x',
        'x',
        'x',
        'x',
        'x',
      ].map((l) => `> ${l}`),
    ].join('\n');
    expect(rows(decode(Sendmail, text))).toEqual([['gone@example.net', '5.1.1', 'RCPT', 'failed']]);
  });
});
