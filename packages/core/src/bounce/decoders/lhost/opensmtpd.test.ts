import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBounce } from '../../engine';
import { OpenSMTPD } from './opensmtpd';
import { corpusCases, expectDecodes } from './test-corpus';

const cases = corpusCases(['OpenSMTPD']);

describe('OpenSMTPD', () => {
  it.each(cases)('$file', (c) => expectDecodes(OpenSMTPD, (p) => readFileSync(p), c));
});

describe('OpenSMTPD 6.8 expiry worded as a delay', () => {
  const notice = (line: string) =>
    [
      'From: Mailer Daemon <MAILER-DAEMON@mx.example.org>',
      'To: rep@example.com',
      'Subject: Delivery status notification: delayed',
      '',
      '    Hi!',
      '',
      '    This is the MAILER-DAEMON, please DO NOT REPLY to this email.',
      '',
      '    A message is delayed for more than 0 seconds for the following',
      '    list of recipients:',
      '',
      line,
      '',
      '    Please note that this is only a temporary failure report.',
      '',
    ].join('\n');

  it.each([
    ['bob@example.net: Envelope expired', 'failed', 'expired'],
    ['bob@example.net: Connection timeout', 'delayed', 'networkerror'],
    ['bob@example.net: Host not found', 'delayed', 'hostunknown'],
  ])('%s -> %s, %s', async (line, action, reason) => {
    const report = await parseBounce(notice(line));
    expect(report.recipients[0]).toMatchObject({ address: 'bob@example.net', action, reason, hard: false });
  });
});
