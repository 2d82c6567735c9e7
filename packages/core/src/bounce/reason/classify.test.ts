import { describe, expect, it } from 'vitest';
import type { BounceReason } from '../types';
import { classifyReason, isHardBounce } from './classify';

type Row = [string | null, string, string | null, BounceReason];

describe('classifyReason', () => {
  it.each<Row>([
    [
      '5.1.1',
      '550 5.1.1 <a@example.jp>: Recipient address rejected: User unknown in local recipient table',
      'RCPT',
      'userunknown',
    ],
    ['5.0.0', '550 User unknown', 'RCPT', 'userunknown'],
    ['5.0.0', '550 User unknown', 'DATA', 'filtered'],
    ['5.2.2', '552 5.2.2 Mailbox full', null, 'mailboxfull'],
    ['4.2.2', '452 4.2.2 Over quota', null, 'mailboxfull'],
    ['5.1.2', '550 Host unknown', null, 'hostunknown'],
    [
      '5.7.1',
      '554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org',
      'RCPT',
      'blocked',
    ],
    ['5.7.1', '550 5.7.1 Message rejected as spam by Content Filtering', 'DATA', 'spamdetected'],
    ['5.1.8', '553 5.1.8 Sender address rejected: Domain not found', 'MAIL', 'rejected'],
    ['5.7.1', '550 5.7.1 Relaying denied', 'RCPT', 'norelaying'],
    ['5.3.4', '552 5.3.4 Message too big for system', null, 'mesgtoobig'],
    ['4.4.7', '', null, 'expired'],
    ['5.7.26', '550 5.7.26 This mail is unauthenticated, which poses a security risk', null, 'authfailure'],
    ['5.0.0', '550 Sorry, your account has been suspended', null, 'suspend'],
    [
      '5.1.10',
      '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup',
      null,
      'userunknown',
    ],
    [null, 'Something odd happened', null, 'onhold'],
    [null, '', null, 'undefined'],
  ])('%s %s (%s) → %s', (status, diagnostic, command, reason) => {
    expect(classifyReason({ status, diagnostic, command, action: 'failed', decoderReason: null })).toBe(
      reason,
    );
  });

  it('keeps a decoder reason that is specific, and looks again at a weak one', () => {
    expect(
      classifyReason({
        status: '5.1.1',
        diagnostic: 'user unknown',
        command: 'RCPT',
        action: 'failed',
        decoderReason: 'suspend',
      }),
    ).toBe('suspend');
    expect(
      classifyReason({
        status: '5.2.2',
        diagnostic: 'mailbox full',
        command: null,
        action: 'failed',
        decoderReason: 'userunknown',
      }),
    ).toBe('mailboxfull');
  });

  it('calls a still-trying notice expired when nothing else is known', () => {
    expect(
      classifyReason({
        status: null,
        diagnostic: null,
        command: null,
        action: 'delayed',
        decoderReason: null,
      }),
    ).toBe('expired');
  });
});

describe('isHardBounce', () => {
  it.each<[BounceReason, string | null, boolean]>([
    ['userunknown', '5.1.1', true],
    ['hostunknown', '5.1.2', true],
    ['hasmoved', '5.1.6', true],
    ['notaccept', '5.3.2', true],
    ['notaccept', '4.3.2', false],
    ['mailboxfull', '5.2.2', false],
    ['blocked', '5.7.1', false],
  ])('%s with %s → %s', (reason, status, hard) => {
    expect(isHardBounce(reason, status, null)).toBe(hard);
  });
});
