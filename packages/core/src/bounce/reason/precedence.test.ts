import { describe, expect, it } from 'vitest';
import type { BounceReason, DeliveryAction } from '../types';
import { classifyReason } from './classify';

/**
 * The reason precedence written down in the bounce README ("Reason precedence"), one row per rule
 * and per server wording. The wordings are the servers' own (Postfix 3.7, Exim 4.96, OpenSMTPD 6.8,
 * Sendmail 8.17 and common remote answers), as they appear in a notice's diagnostic.
 */
interface Row {
  who: string;
  status: string | null;
  diagnostic: string;
  command: string | null;
  action: DeliveryAction;
  type?: string;
  expected: BounceReason;
}

const row = (
  who: string,
  status: string | null,
  diagnostic: string,
  command: string | null,
  expected: BounceReason,
  action: DeliveryAction = 'failed',
  type?: string,
): Row => ({ who, status, diagnostic, command, action, expected, ...(type ? { type } : {}) });

function classify(r: Row): BounceReason {
  return classifyReason({
    status: r.status,
    diagnostic: r.diagnostic,
    action: r.action,
    command: r.command,
    decoderReason: null,
    diagnosticType: r.type ?? null,
  });
}

describe('1. the recipient does not exist: userunknown beats refusal and policy words', () => {
  it.each<Row>([
    row(
      'Postfix smtpd',
      '5.1.1',
      '550 5.1.1 <nobody@example.net>: Recipient address rejected: User unknown in local recipient table',
      'RCPT',
      'userunknown',
    ),
    row(
      'Postfix smtpd (virtual)',
      '5.1.1',
      '550 5.1.1 <nobody@example.net>: Recipient address rejected: User unknown in virtual mailbox table',
      'RCPT',
      'userunknown',
    ),
    row('Postfix local(8)', '5.1.1', 'unknown user: "nobody"', null, 'userunknown', 'failed', 'X-POSTFIX'),
    row(
      'Postfix smtp client',
      '5.1.1',
      'host mx.example.net[192.0.2.1] said: 550 5.1.1 <nobody@example.net>: Recipient address rejected: User unknown in local recipient table (in reply to RCPT TO command)',
      'RCPT',
      'userunknown',
    ),
    row(
      'Exim remote',
      '5.1.1',
      'SMTP error from remote mail server after RCPT TO:<nobody@example.net>: 550 5.1.1 <nobody@example.net>: Recipient address rejected: User unknown',
      'RCPT',
      'userunknown',
    ),
    row(
      'Exim receiver',
      '5.0.0',
      'SMTP error from remote mail server after RCPT TO:<nobody@example.net>: 550 Unknown user',
      'RCPT',
      'userunknown',
    ),
    row('OpenSMTPD receiver', '5.0.0', '550 Invalid recipient: <nobody@example.net>', 'RCPT', 'userunknown'),
    row(
      'OpenSMTPD relaying',
      '5.1.1',
      '550 5.1.1 Invalid recipient: <nobody@example.net>',
      null,
      'userunknown',
    ),
    row('Sendmail 8.17', '5.1.1', '550 5.1.1 <nobody@example.net>... User unknown', null, 'userunknown'),
    row(
      'RFC 5321 text',
      '5.0.0',
      '550 Requested action not taken: mailbox unavailable',
      'RCPT',
      'userunknown',
    ),
    row(
      '"rejected" on the line',
      '5.1.1',
      '550 5.1.1 <nobody@example.net>: recipient rejected: no such user',
      'RCPT',
      'userunknown',
    ),
    row(
      '"refused" on the line',
      '5.1.1',
      '550 5.1.1 Recipient refused: no such user here',
      null,
      'userunknown',
    ),
    row(
      '"denied" on the line',
      '5.1.1',
      '550 5.1.1 Access denied: unknown user nobody@example.net',
      null,
      'userunknown',
    ),
    row(
      'a policy named on the line',
      '5.1.1',
      '550 5.1.1 Invalid recipient <nobody@example.net> (rejected by local policy)',
      'RCPT',
      'userunknown',
    ),
    row(
      'block-list words on the line',
      '5.1.1',
      '550 5.1.1 <nobody@example.net>: Recipient address rejected: undeliverable address: host mx.example.net[192.0.2.1] said: 550 User unknown; see the block list FAQ',
      'RCPT',
      'userunknown',
    ),
    row('status 5.1.1 alone', '5.1.1', '550 5.1.1 Rejected', 'RCPT', 'userunknown'),
    // ...but at MAIL FROM the only address in play is the sender's.
    row(
      'at MAIL FROM',
      '5.1.0',
      '553 5.1.0 <a@example.org>... sender address does not exist',
      'MAIL',
      'rejected',
    ),
    row('wording alone at RCPT', '5.0.0', '550 No such user here', 'RCPT', 'userunknown'),
    row('"mailbox unavailable" at RCPT', '5.0.0', '550 mailbox unavailable', 'RCPT', 'userunknown'),
    // The corpus's convention (README): the wording after DATA, or with no command and no
    // user-unknown status, is a filter answering for the mailbox.
    row(
      'wording after DATA',
      '5.0.0',
      '550 Unknown user bob@example.net (in reply to end of DATA command)',
      'DATA',
      'filtered',
    ),
    row('wording, no command', '5.0.0', '550 bob@example.net... No such user', null, 'filtered'),
    // A reply naming the address it refuses answers RCPT TO even when no command is quoted; one whose
    // address slot is empty is a filter's answer after DATA, whatever code a relay put on it.
    row(
      'the refused address named, no command',
      '5.0.0',
      '550 <bob@example.net>: User unknown',
      null,
      'userunknown',
    ),
    row('the address slot empty, no command', '5.0.0', '550 : User unknown', null, 'filtered'),
    row('the address slot empty, qmail-style', null, '550: : User unknown', null, 'filtered'),
    row(
      'the address slot empty, relayed under a recipient-unknown code',
      '5.1.351',
      "Remote Server returned '550 5.1.351 Remote server returned unknown recipient or mailbox unavailable -> 550 : User unknown'",
      null,
      'filtered',
    ),
    row(
      'a provider about its own user, after DATA',
      '5.0.0',
      "554 delivery error: dd This user doesn't have a yahoo.example account",
      'DATA',
      'userunknown',
    ),
  ])('$who: $diagnostic', (r) => {
    expect(classify(r)).toBe(r.expected);
  });
});

describe('2. given up after the retry period: a 4.x.x failure is expired', () => {
  it.each<Row>([
    row('Exim', '4.0.0', 'retry timeout exceeded', null, 'expired'),
    // The exception: the last answer named a state of the recipient's own that retrying did not change.
    row(
      'Exim 4.96, full mailbox until the end',
      '5.0.0',
      'mailbox is full: retry timeout exceeded',
      null,
      'mailboxfull',
    ),
    row(
      "Exim 4.96, a provider's full inbox then given up",
      '5.0.0',
      "SMTP error from remote mail server after RCPT TO:<a@gmail.example>: 452-4.2.2 The recipient's inbox is out of storage space. 452 4.2.2 https://support.google.com/mail/?p=OverQuotaTemp - gsmtp: retry timeout exceeded",
      'RCPT',
      'mailboxfull',
    ),
    row(
      'Exim, unknown user answered with a 4xx until the end',
      '5.0.0',
      'SMTP error from remote mail server after RCPT TO:<nobody@example.net>: 450 4.1.1 <nobody@example.net>: Recipient address rejected: User unknown in virtual alias table: retry timeout exceeded',
      'RCPT',
      'userunknown',
    ),
    row(
      'Exim, disabled account until the end',
      '5.0.0',
      'SMTP error from remote mail server after RCPT TO:<a@example.net>: 450 4.2.1 <a@example.net>: account is disabled: retry timeout exceeded',
      'RCPT',
      'suspend',
    ),
    row(
      'Exim, too big for the recipient until the end',
      '5.0.0',
      'SMTP error from remote mail server after end of data: 452 4.3.4 Message size exceeds fixed limit: retry timeout exceeded',
      'DATA',
      'mesgtoobig',
    ),
    row(
      "Exim, a provider's rate limit then given up",
      '5.0.0',
      'SMTP error from remote mail server after RCPT TO:<a@gmail.example>: 421-4.7.0 [192.0.2.25 15] Our system has detected an unusual rate of 421-4.7.0 unsolicited mail originating from your IP address. 421 4.7.0 mail sent from your IP address has been temporarily rate limited: retry timeout exceeded',
      'RCPT',
      'expired',
    ),
    row(
      'Exim, a block list then given up',
      '5.0.0',
      'SMTP error from remote mail server after RCPT TO:<a@example.net>: 451 4.7.1 Service unavailable; client host [192.0.2.25] blocked using zen.spamhaus.org: retry timeout exceeded',
      'RCPT',
      'expired',
    ),
    row(
      'Exim, a system error then given up',
      '5.0.0',
      'SMTP error from remote mail server after end of data: 451 4.3.0 Error: queue file write error: retry timeout exceeded',
      'DATA',
      'expired',
    ),
    row(
      'Exim, last error named',
      '4.0.0',
      'SMTP error from remote mail server after initial connection: Connection refused: retry timeout exceeded',
      null,
      'expired',
    ),
    row(
      'Postfix, refused',
      '4.4.1',
      'delivery temporarily suspended: connect to mx.example.net[192.0.2.1]:25: Connection refused',
      null,
      'expired',
    ),
    row(
      'Postfix, timed out',
      '4.4.1',
      'connect to mx.example.net[192.0.2.1]:25: Connection timed out',
      null,
      'expired',
    ),
    row(
      'Postfix, greeting timeout',
      '4.4.2',
      'conversation with mx.example.net[192.0.2.1] timed out while receiving the initial server greeting',
      null,
      'expired',
    ),
    row(
      'OpenSMTPD',
      '4.0.0',
      'Delivery failed: message expired after sitting in the queue for 4 days',
      null,
      'expired',
    ),
    row('OpenSMTPD, envelope', null, 'Envelope expired', null, 'expired'),
    row('Sendmail', '4.4.7', 'Cannot send message for 5 days', null, 'expired'),
    row(
      'Sendmail, last error named',
      '4.4.7',
      'Deferred: Connection refused by mx.example.net.',
      null,
      'expired',
    ),
    row(
      'Courier-style',
      '4.4.7',
      'This message was not delivered to the recipient within the time allowed',
      null,
      'expired',
    ),
    row(
      'no status, timed out',
      null,
      'connect to mx.example.net[192.0.2.1]:25: Connection timed out',
      null,
      'expired',
    ),
  ])('$who: $diagnostic', (r) => {
    expect(classify(r)).toBe(r.expected);
  });
});

describe('3. still trying: a delay says why', () => {
  it.each<Row>([
    row(
      'Postfix, refused',
      '4.4.1',
      'connect to mx.example.net[192.0.2.1]:25: Connection refused',
      null,
      'networkerror',
      'delayed',
    ),
    row(
      'Postfix, timed out',
      '4.4.1',
      'connect to mx.example.net[192.0.2.1]:25: Connection timed out',
      null,
      'networkerror',
      'delayed',
    ),
    row(
      'Postfix, greeting timeout',
      '4.4.2',
      'conversation with mx.example.net[192.0.2.1] timed out while receiving the initial server greeting',
      null,
      'networkerror',
      'delayed',
    ),
    row(
      'Postfix, DNS',
      '4.4.3',
      'Host or domain name not found. Name service error for name=example.net type=MX: Host not found, try again',
      null,
      'networkerror',
      'delayed',
    ),
    row('Exim', '4.0.0', 'Connection refused', null, 'networkerror', 'delayed'),
    row(
      'Exim, only the host named',
      '4.0.0',
      'host mx.example.net [192.0.2.1]',
      null,
      'networkerror',
      'delayed',
    ),
    row(
      'Exchange',
      '4.4.1',
      '441 4.4.1 Error encountered while communicating with primary target IP address: "Failed to connect. Winsock error code: 10060"',
      null,
      'networkerror',
      'delayed',
    ),
    row(
      'Sendmail',
      '4.4.1',
      'Deferred: Connection refused by mx.example.net.',
      null,
      'networkerror',
      'delayed',
    ),
    row(
      'Sendmail, timed out',
      '4.4.1',
      'Deferred: Connection timed out with mx.example.net.',
      null,
      'networkerror',
      'delayed',
    ),
    row('OpenSMTPD', '4.0.0', 'Network error on destination MXs', null, 'networkerror', 'delayed'),
    row(
      'mailbox full while retrying',
      '4.2.2',
      '452 4.2.2 <a@example.net>: Recipient address rejected: Mailbox full',
      'RCPT',
      'mailboxfull',
      'delayed',
    ),
    row(
      'greylisting while retrying',
      '4.7.1',
      '450 4.7.1 <a@example.net>: Recipient address rejected: Greylisted, try again later',
      'RCPT',
      'blocked',
      'delayed',
    ),
  ])('$who: $diagnostic', (r) => {
    expect(classify(r)).toBe(r.expected);
  });
});

describe('4. a message too large is mesgtoobig, whatever the status says', () => {
  it.each<Row>([
    row('Postfix smtpd', '5.3.4', '552 5.3.4 Message size exceeds fixed limit', 'DATA', 'mesgtoobig'),
    row(
      'Postfix SIZE check',
      '5.3.4',
      'message size 2000000 exceeds size limit 1000000 of server mx.example.net[192.0.2.1]',
      null,
      'mesgtoobig',
    ),
    row('Postfix cleanup', '5.3.4', 'message file too big', null, 'mesgtoobig'),
    row(
      'Exim receiver',
      '5.0.0',
      'SMTP error from remote mail server after MAIL FROM:<a@example.org> SIZE=2000000: 552 Message size exceeds maximum permitted',
      'MAIL',
      'mesgtoobig',
    ),
    row('Exim transport', '5.0.0', 'message is too big (transport limit = 1000)', null, 'mesgtoobig'),
    row(
      'Exim, locally submitted',
      null,
      'A message that you sent was longer than the maximum size allowed on this system.',
      null,
      'mesgtoobig',
    ),
    row('Exim, no status', null, 'message too big', null, 'mesgtoobig'),
    row(
      'Sendmail',
      '5.2.3',
      '552 5.2.3 Message size exceeds fixed maximum message size (1000000)',
      'MAIL',
      'mesgtoobig',
    ),
    row(
      'Sendmail, data',
      '5.3.4',
      '552 5.3.4 Message size exceeds fixed maximum message size (1000000)',
      'DATA',
      'mesgtoobig',
    ),
    row('transport limit 5.2.3', '5.2.3', '552 5.2.3 Message exceeds maximum size', 'DATA', 'mesgtoobig'),
    row('"size limit"', '5.0.0', '552 Message exceeds size limit', 'DATA', 'mesgtoobig'),
  ])('$who: $diagnostic', (r) => {
    expect(classify(r)).toBe(r.expected);
  });
});

describe("5. the other families in the same servers' words", () => {
  it.each<Row>([
    // Mailbox full.
    row(
      'Postfix local(8)',
      '5.2.2',
      'cannot update mailbox /var/mail/bob for user bob. error writing message: File too large',
      null,
      'mailboxfull',
      'failed',
      'X-POSTFIX',
    ),
    row(
      'Dovecot LMTP',
      '5.2.2',
      '552 5.2.2 <bob@example.net> Quota exceeded (mailbox for user is full)',
      'RCPT',
      'mailboxfull',
    ),
    row(
      'Exim appendfile',
      '5.0.0',
      'mailbox is full (MTA-imposed quota exceeded while writing to /var/mail/bob)',
      null,
      'mailboxfull',
    ),
    row('Sendmail', '5.2.2', '552 5.2.2 <bob@example.net>... Mailbox full', null, 'mailboxfull'),
    // Policy and refusals of the sender.
    row(
      'Exim ACL',
      '5.0.0',
      'SMTP error from remote mail server after MAIL FROM:<a@example.org>: 550 Administrative prohibition',
      'MAIL',
      'rejected',
    ),
    row(
      'Postfix sender access',
      '5.7.1',
      '554 5.7.1 <a@example.org>: Sender address rejected: Access denied',
      'MAIL',
      'rejected',
    ),
    row('policy words', '5.7.1', '550 5.7.1 Message rejected by local policy', 'DATA', 'policyviolation'),
    // Relaying denied.
    row('Postfix', '5.7.1', '554 5.7.1 <bob@elsewhere.example>: Relay access denied', 'RCPT', 'norelaying'),
    row('Exim', '5.0.0', '550 relay not permitted', 'RCPT', 'norelaying'),
    row('Sendmail', '5.7.1', '550 5.7.1 <bob@elsewhere.example>... Relaying denied', 'RCPT', 'norelaying'),
    row(
      'OpenSMTPD',
      '5.7.1',
      '550 5.7.1 Delivery not authorized, message refused: relaying denied',
      'RCPT',
      'norelaying',
    ),
    // The domain does not exist.
    row(
      'Postfix',
      '5.4.4',
      'Host or domain name not found. Name service error for name=nowhere.invalid type=A: Host not found',
      null,
      'hostunknown',
    ),
    row(
      'Sendmail',
      '5.1.2',
      '550 5.1.2 <bob@nowhere.invalid>... Host unknown (Name server: nowhere.invalid: host not found)',
      null,
      'hostunknown',
    ),
    row('Exim', '5.0.0', 'all relevant MX records point to non-existent hosts', null, 'hostunknown'),
    row('OpenSMTPD', '5.0.0', 'Domain does not exist', null, 'hostunknown'),
    row(
      'Exchange 2003',
      '5.4.0',
      'The destination server for this recipient could not be found in Domain Name Service (DNS).',
      null,
      'hostunknown',
    ),
    // A multi-line reply's line prefixes do not cut the provider's sentence in two.
    row(
      'Gmail via Postfix',
      '5.7.1',
      'said: 550-5.7.1 The user or domain that you are sending to (or from) has a 550-5.7.1 policy that prohibited the mail that you sent.',
      'DATA',
      'policyviolation',
    ),
    // Orderings that hold throughout.
    row(
      'greeting refused (Sendmail transcript)',
      '5.5.0',
      '554 IP=192.0.2.254 - A problem occurred. (BL)',
      'CONN',
      'blocked',
    ),
    row(
      'the recipient refuses this sender',
      null,
      '550 walter IS NOT ACCEPTING MAIL FROM THIS SENDER',
      'RCPT',
      'filtered',
    ),
    row(
      'members-only list',
      null,
      'The message was unable to be delivered to the list because you are not a list subscriber.',
      null,
      'rejected',
    ),
    row(
      "a sending service's status label",
      '5.7.1',
      "5.1.0 - Unknown address error 550-'5.7.1 <bounce@example.org>... Access denied'",
      null,
      'securityerror',
    ),
  ])('$who: $diagnostic', (r) => {
    expect(classify(r)).toBe(r.expected);
  });
});
