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
    [
      '4.0.0',
      "DNS type 'mx' lookup of example.org responded with code NOERROR: returned Null MX",
      null,
      'notaccept',
    ],
    [
      '5.7.1',
      '550-5.7.1 This message does not have authentication information or fails to pass authentication checks. To best protect our users from spam, the message has been blocked.',
      'DATA',
      'authfailure',
    ],
    [
      '5.7.1',
      '550-5.7.1 [192.0.2.1 13] Messages with multiple addresses in From: header',
      'DATA',
      'notcompliantrfc',
    ],
    ['5.0.0', "554 delivery error: dd This user doesn't have a example.com account", 'RCPT', 'userunknown'],
    [
      null,
      "550 SC-001 Unfortunately, messages from 192.0.2.1 weren't sent. Please contact your Internet service provider.",
      'MAIL',
      'blocked',
    ],
    [
      '5.0.0',
      'Group rejected your message due to spam classification. Set up SPF records for your domain.',
      null,
      'spamdetected',
    ],
    [null, 'Something odd happened', null, 'onhold'],
    [null, '', null, 'undefined'],
  ])('%s %s (%s) → %s', (status, diagnostic, command, reason) => {
    expect(classifyReason({ status, diagnostic, command, action: 'failed', decoderReason: null })).toBe(
      reason,
    );
  });

  it('reads a relaying template only when the remote answer has no specific status', () => {
    const context = "Your message wasn't delivered to a@example.jp because the address couldn't be found.";
    const facts = { command: null, action: 'failed' as const, decoderReason: null, context };
    expect(
      classifyReason({ ...facts, status: '5.1.8', diagnostic: '501 5.1.8 Sender address rejected' }),
    ).toBe('rejected');
    expect(classifyReason({ ...facts, status: '5.0.0', diagnostic: '550 5.0.0 Rejected' })).toBe(
      'userunknown',
    );
  });

  it('says expired when the format or an x.4.7 status says the MTA gave up on a refused connection', () => {
    const diagnostic =
      'Deferred: Connection refused by [192.0.2.1] Message could not be delivered for 5 days';
    const facts = { diagnostic, command: null, action: 'failed' as const };
    expect(classifyReason({ ...facts, status: '4.4.7', decoderReason: 'expired' })).toBe('expired');
    // The reason precedence (README): a connection refused until the retry period ran out is expired.
    expect(classifyReason({ ...facts, status: '4.4.7', decoderReason: null })).toBe('expired');
  });

  it('calls a local mailer program failure a mailer error, and a non-SMTP no-such-domain hostunknown', () => {
    const base = { command: null, action: 'failed' as const, decoderReason: null, diagnosticType: 'X-UNIX' };
    const procmail = "can't create user output file. Command output: procmail: Lock failure on mailbox.lock";
    expect(classifyReason({ ...base, status: '5.2.0', diagnostic: procmail })).toBe('mailererror');
    expect(classifyReason({ ...base, status: '5.3.0', diagnostic: 'Insufficient permission' })).not.toBe(
      'mailererror',
    );
    expect(
      classifyReason({ ...base, diagnosticType: 'UNKNOWN', status: '5.0.0', diagnostic: 'No such domain.' }),
    ).toBe('hostunknown');
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

describe("a provider's own wording, whichever host relayed it", () => {
  const dd =
    "554 delivery error: dd This user doesn't have a yahoo.com account (a@yahoo.com) [0] - mta1061.mail.ne1.yahoo.com";
  const facts = (command: string | null, context: string) => ({
    status: '5.0.0',
    diagnostic: dd,
    action: 'failed' as const,
    command,
    decoderReason: null,
    context,
  });

  it.each([
    ['no transcript', null, 'Sorry, we were unable to deliver your message', 'userunknown'],
    [
      "Yahoo's own MX answered after DATA",
      'DATA',
      '... while talking to mta6.am0.yahoodns.net.: >>> DATA',
      'userunknown',
    ],
    // No host name decides: the provider saying its own user has no account is userunknown.
    [
      'another host answered after DATA',
      'DATA',
      '... while talking to mx.example.net.: >>> DATA',
      'userunknown',
    ],
  ] as const)('%s', (_label, command, context, reason) => {
    expect(classifyReason(facts(command, context))).toBe(reason);
  });
});
