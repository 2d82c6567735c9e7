import { describe, expect, it } from 'vitest';
import { classifySmtpRefusal } from './smtpRefusal';

describe('classifySmtpRefusal', () => {
  it.each([
    ['5.1.1', '550 5.1.1 <pat@example.com>: Recipient address rejected: User unknown', 'userunknown', true],
    ['5.2.2', '552 5.2.2 Mailbox full', 'mailboxfull', false],
    ['5.7.1', '554 5.7.1 <pat@example.com>: Relay access denied', 'norelaying', false],
    ['4.2.2', '452 4.2.2 Mailbox over quota, try later', 'mailboxfull', false],
  ])('%s %s → %s (hard %s)', (status, diagnostic, reason, hard) => {
    expect(classifySmtpRefusal(status, diagnostic)).toEqual({ reason, hard });
  });
});
