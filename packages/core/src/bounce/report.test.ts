import { describe, expect, it } from 'vitest';
import { parseBounce } from './engine';
import { collapseWhiteSpace } from './text';

const textNotice = (body: string) =>
  `From: MAILER-DAEMON@mx.example.org\r\nTo: rep@example.com\r\nSubject: failure notice\r\n\r\n${body}\r\n`;

describe('action of a notice that gives none', () => {
  it.each([
    [
      'gave up after retrying → failed, expired',
      "<a@example.net>:\r\nConnection timed out. (#4.4.1)\r\nI'm not going to try again; this message has been in the queue too long.",
      'failed',
      'expired',
    ],
    [
      'still trying → delayed, and the delay says why (reason precedence)',
      '<a@example.net>:\r\n421 4.4.1 Connection timed out. Delivery will continue to be attempted.',
      'delayed',
      'networkerror',
    ],
    [
      'permanent → failed',
      '<a@example.net>:\r\n550 5.1.1 <a@example.net>: Recipient address rejected: User unknown (in reply to RCPT TO command)',
      'failed',
      'userunknown',
    ],
  ])('%s', async (_label, body, action, reason) => {
    const report = await parseBounce(textNotice(body));
    expect(report.kind).toBe('bounce');
    expect(report.recipients[0]).toMatchObject({ address: 'a@example.net', action, reason });
  });
});

describe('status of a delay or a give-up', () => {
  const dsn = (action: string, status: string, diagnostic: string) =>
    [
      'From: MAILER-DAEMON@mx.example.org',
      'To: rep@example.com',
      'Subject: Delivery Status Notification',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain',
      '',
      'Delivery report.',
      '--b',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.example.org',
      '',
      'Final-Recipient: rfc822; a@example.net',
      `Action: ${action}`,
      `Status: ${status}`,
      `Diagnostic-Code: smtp; ${diagnostic}`,
      '--b--',
      '',
    ].join('\r\n');

  it("keeps a delay notice's own Status 4.4.7 and classifies on the attempt it quotes", async () => {
    const report = await parseBounce(
      dsn(
        'delayed',
        '4.4.7',
        '441 4.4.1 Error encountered while communicating with primary target IP address: Failed to connect',
      ),
    );
    expect(report.recipients[0]).toMatchObject({ status: '4.4.7', reason: 'networkerror', hard: false });
  });

  it('reports an expiry (failed, 4.4.7) with the code of its last attempt, as the corpus does', async () => {
    const report = await parseBounce(dsn('failed', '4.4.7', '441 4.4.1 Connection timed out'));
    expect(report.recipients[0]).toMatchObject({ status: '4.4.1', reason: 'expired', hard: false });
  });

  // The reporting MTA's comment on the Status (RFC 3464 allows one) states what the code means for
  // the recipient; a plain code with the same remote words is read from the words.
  it.each([
    ['5.2.1 (mailbox disabled, not accepting messages)', 'suspend'],
    ['4.2.2 (Over quota)', 'mailboxfull'],
    ['5.2.1', 'filtered'],
    ['5.0.0 (Remote SMTP server has rejected address)', 'filtered'],
  ])('reads the Status comment of %s → %s', async (status, reason) => {
    const report = await parseBounce(dsn('failed', status, '550 <a@example.net>... User Unknown'));
    expect(report.recipients[0]?.reason).toBe(reason);
  });
});

describe('a multi-line reply Sendmail quotes only in part', () => {
  it('is completed from the session transcript, and read as a whole', async () => {
    const body = [
      '   ----- The following addresses had permanent fatal errors -----',
      '<bob@gmail.example>',
      '    (reason: 550-5.7.1 [192.0.2.25] The user or domain that you are sending to (or from) has a)',
      '',
      '   ----- Transcript of session follows -----',
      '... while talking to mx.gmail.example.:',
      '>>> DATA',
      '<<< 550-5.7.1 [192.0.2.25] The user or domain that you are sending to (or from) has a',
      '<<< 550-5.7.1 policy that prohibited the mail that you sent.',
      '<<< 550 5.7.1  https://support.google.com/a/answer/172179 - gsmtp',
      '554 5.0.0 Service unavailable',
    ].join('\r\n');
    const notice = `From: Mail Delivery Subsystem <MAILER-DAEMON@mx.example.org>\r\nTo: rep@example.com\r\nSubject: Returned mail: see transcript for details\r\n\r\n${body}\r\n`;
    const [row] = (await parseBounce(notice)).recipients;
    expect(row?.diagnostic).toContain('policy that prohibited the mail');
    expect(row?.diagnostic).not.toContain('Service unavailable');
    expect(row?.reason).toBe('policyviolation');
  });
});

describe('collapseWhiteSpace', () => {
  it('is replace(/\\s+/g, " ") on any mix of white space', () => {
    const parts = [' ', '  ', '\n', '\r\n', '\t', '\u00a0', '\u2028', '\ufeff', 'a', 'bc', '.'];
    let seed = 11;
    for (let n = 0; n < 3000; n++) {
      let text = '';
      for (let i = 0; i < n % 25; i++) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        text += parts[seed % parts.length];
      }
      expect(collapseWhiteSpace(text)).toBe(text.replace(/\s+/g, ' '));
    }
  });
});
