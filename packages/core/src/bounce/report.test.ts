import { describe, expect, it } from 'vitest';
import { parseBounce } from './engine';

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
