/**
 * What the lab's "remote MX" (remote.ts) answers, per recipient local part. Each row copies the
 * wording a real provider documents or is widely seen sending, so the sending MTA quotes it in its
 * notice exactly as it would in the wild. The expected reason/status/hard describe the notice the
 * sending MTA writes after such an answer (labels decided from the scenario, never from the engine).
 */

/** When the remote answers: at RCPT TO, right after DATA, or after the final dot (end of data). */
export type ReplyStage = 'rcpt' | 'data' | 'end-of-data';

export interface ReplyRow {
  /** The recipient's local part that triggers the reply (the table's key). */
  local: string;
  /** The recipient's domain: one per provider, all routed to remote.ts by the lab MTA. */
  domain: string;
  stage: ReplyStage;
  code: number;
  /** The reply's text lines (without the code); several lines make a multi-line reply. */
  lines: string[];
  /** Sisimai reason of the final notice; for a 4xx reply the delay warning's cause. */
  reason: string;
  /** Whose wording this is (for the expectation's scenario). */
  wording: string;
  /** The reason is a judgement call a careful reader could make otherwise. */
  ambiguous?: boolean;
}

const GMAIL_ID = '00721157ae682-4b8d3ef1a9csi1234567qkb.123 - gsmtp';

export const REPLIES: readonly ReplyRow[] = [
  {
    local: 'gmail-nosuchuser',
    domain: 'gmail.test',
    stage: 'rcpt',
    code: 550,
    lines: [
      '5.1.1 The email account that you tried to reach does not exist. Please try',
      "5.1.1 double-checking the recipient's email address for typos or",
      '5.1.1 unnecessary spaces. For more information, go to',
      `5.1.1  https://support.google.com/mail/?p=NoSuchUser ${GMAIL_ID}`,
    ],
    reason: 'userunknown',
    wording: 'Gmail 550 5.1.1 NoSuchUser',
  },
  {
    local: 'gmail-disabled',
    domain: 'gmail.test',
    stage: 'rcpt',
    code: 550,
    lines: [
      '5.2.1 The email account that you tried to reach is disabled. For more',
      `5.2.1 information, go to https://support.google.com/mail/?p=DisabledUser ${GMAIL_ID}`,
    ],
    reason: 'suspend',
    wording: 'Gmail 550 5.2.1 DisabledUser',
  },
  {
    local: 'gmail-overquota',
    domain: 'gmail.test',
    stage: 'rcpt',
    code: 552,
    lines: [
      '5.2.2 The email account that you tried to reach is over quota. Please direct',
      '5.2.2 the recipient to',
      `5.2.2  https://support.google.com/mail/?p=OverQuotaPerm ${GMAIL_ID}`,
    ],
    reason: 'mailboxfull',
    wording: 'Gmail 552 5.2.2 OverQuotaPerm',
  },
  {
    local: 'gmail-outofstorage',
    domain: 'gmail.test',
    stage: 'rcpt',
    code: 452,
    lines: [
      "4.2.2 The recipient's inbox is out of storage space. Please direct the",
      '4.2.2 recipient to',
      `4.2.2  https://support.google.com/mail/?p=OverQuotaTemp ${GMAIL_ID}`,
    ],
    reason: 'mailboxfull',
    wording: 'Gmail 452 4.2.2 OverQuotaTemp',
  },
  {
    local: 'gmail-spam',
    domain: 'gmail.test',
    stage: 'end-of-data',
    code: 550,
    lines: [
      '5.7.1 [192.0.2.25      12] Our system has detected that this message is',
      '5.7.1 likely unsolicited mail. To reduce the amount of spam sent to Gmail,',
      '5.7.1 this message has been blocked. For more information, go to',
      `5.7.1  https://support.google.com/mail/?p=UnsolicitedMessageError ${GMAIL_ID}`,
    ],
    reason: 'spamdetected',
    wording: 'Gmail 550 5.7.1 UnsolicitedMessageError',
  },
  {
    local: 'gmail-policy',
    domain: 'gmail.test',
    stage: 'end-of-data',
    code: 550,
    lines: [
      '5.7.1 [192.0.2.25] The user or domain that you are sending to (or from) has a',
      '5.7.1 policy that prohibited the mail that you sent. Please contact your',
      '5.7.1 domain administrator for further details. For more information, go to',
      `5.7.1  https://support.google.com/a/answer/172179 ${GMAIL_ID}`,
    ],
    reason: 'policyviolation',
    wording: 'Gmail 550 5.7.1 domain policy',
  },
  {
    local: 'gmail-unauthenticated',
    domain: 'gmail.test',
    stage: 'end-of-data',
    code: 550,
    lines: [
      '5.7.26 This mail has been blocked because the sender is unauthenticated.',
      '5.7.26 Gmail requires all senders to authenticate with either SPF or DKIM.',
      '5.7.26 ',
      '5.7.26  Authentication results:',
      '5.7.26  DKIM = did not pass',
      '5.7.26  SPF [sender.test] with ip: [192.0.2.25] = did not pass',
      '5.7.26 ',
      '5.7.26  For instructions on setting up authentication, go to',
      `5.7.26  https://support.google.com/mail/answer/81126#authentication ${GMAIL_ID}`,
    ],
    reason: 'authfailure',
    wording: 'Gmail 550 5.7.26 unauthenticated sender',
  },
  {
    local: 'gmail-ratelimited',
    domain: 'gmail.test',
    stage: 'rcpt',
    code: 421,
    lines: [
      '4.7.0 [192.0.2.25      15] Our system has detected an unusual rate of',
      '4.7.0 unsolicited mail originating from your IP address. To protect our',
      '4.7.0 users from spam, mail sent from your IP address has been temporarily',
      '4.7.0 rate limited. For more information, go to',
      `4.7.0  https://support.google.com/mail/?p=UnsolicitedRateLimitError ${GMAIL_ID}`,
    ],
    reason: 'blocked',
    wording: 'Gmail 421 4.7.0 UnsolicitedRateLimitError',
  },
  {
    local: 'ms-notfound',
    domain: 'outlook.test',
    stage: 'rcpt',
    code: 550,
    lines: ['5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'],
    reason: 'userunknown',
    wording: 'Microsoft 365 550 5.1.10 RecipientNotFound',
  },
  {
    local: 'ms-dbeb',
    domain: 'outlook.test',
    stage: 'rcpt',
    code: 550,
    lines: [
      '5.4.1 Recipient address rejected: Access denied. For more information see https://aka.ms/EXOSmtpErrors [AM4PEPF00027A6C.eurprd04.prod.outlook.com 2026-12-05T03:10:00.000Z 08DCF1A2B3C4D5E6]',
    ],
    reason: 'userunknown',
    wording: 'Microsoft 365 550 5.4.1 directory-based edge blocking (recipient not in directory)',
    ambiguous: true,
  },
  {
    local: 'ms-blocklisted',
    domain: 'outlook.test',
    stage: 'rcpt',
    code: 550,
    lines: [
      '5.7.1 Service unavailable, Client host [192.0.2.25] blocked using Spamhaus. To request removal from this list see https://www.spamhaus.org/query/ip/192.0.2.25 (AS3130). [BN1NAM02FT032.eop-nam02.prod.protection.outlook.com 2026-12-05T03:10:00.000Z 08DCF1A2B3C4D5E7]',
    ],
    reason: 'blocked',
    wording: 'Microsoft 365 550 5.7.1 blocked using Spamhaus (AS3130)',
  },
  {
    local: 'ms-bannedip',
    domain: 'outlook.test',
    stage: 'rcpt',
    code: 550,
    lines: [
      '5.7.606 Access denied, banned sending IP [192.0.2.25]. To request removal from this list please visit https://sender.office.com/ and follow the directions. For more information please go to  http://go.microsoft.com/fwlink/?LinkID=526655 AS(1430) [DB5EUR03FT011.eop-EUR03.prod.protection.outlook.com 2026-12-05T03:10:00.000Z 08DCF1A2B3C4D5E8]',
    ],
    reason: 'blocked',
    wording: 'Microsoft 365 550 5.7.606 banned sending IP',
  },
  {
    local: 'ms-quota',
    domain: 'outlook.test',
    stage: 'end-of-data',
    code: 554,
    lines: [
      '5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException.MapiExceptionShutoffQuotaExceeded; Failed to process message due to a permanent exception with message [BeginDiagnosticData]Cannot open mailbox. 16.55847:4C0A0000',
    ],
    reason: 'mailboxfull',
    wording: 'Microsoft 365 554 5.2.2 QuotaExceededException',
  },
  {
    local: 'ms-toobig',
    domain: 'outlook.test',
    stage: 'end-of-data',
    code: 552,
    lines: ['5.3.4 Message size exceeds fixed maximum message size'],
    reason: 'mesgtoobig',
    wording: 'Microsoft 365 552 5.3.4 message size',
  },
  {
    local: 'ms-relay',
    domain: 'outlook.test',
    stage: 'rcpt',
    code: 550,
    lines: ['5.7.64 TenantAttribution; Relay Access Denied SMTP; Relay Access Denied'],
    reason: 'norelaying',
    wording: 'Microsoft 365 550 5.7.64 TenantAttribution relay access denied',
  },
  {
    local: 'yahoo-nouser',
    domain: 'yahoo.test',
    stage: 'rcpt',
    code: 554,
    lines: [
      "delivery error: dd This user doesn't have a yahoo.test account (yahoo-nouser@yahoo.test) [0] - mta1123.mail.gq1.yahoo.test",
    ],
    reason: 'userunknown',
    wording: "Yahoo 554 delivery error: dd This user doesn't have an account",
  },
  {
    local: 'yahoo-deferred',
    domain: 'yahoo.test',
    stage: 'rcpt',
    code: 421,
    lines: [
      '4.7.0 [TSS04] Messages from 192.0.2.25 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes',
    ],
    reason: 'blocked',
    wording: 'Yahoo 421 4.7.0 [TSS04] temporarily deferred',
    // Complaints about the sending IP: Sisimai's "badreputation" (IP reputation) fits as well.
    ambiguous: true,
  },
  {
    local: 'corp-spam',
    domain: 'corp.test',
    stage: 'end-of-data',
    code: 554,
    lines: ['5.7.1 Message rejected as spam by Content Filtering.'],
    reason: 'spamdetected',
    wording: 'Exchange 554 5.7.1 rejected as spam by Content Filtering',
  },
  {
    local: 'corp-virus',
    domain: 'corp.test',
    stage: 'end-of-data',
    code: 554,
    lines: ['5.7.0 Reject, id=12345-06 - INFECTED: Eicar-Signature'],
    reason: 'virusdetected',
    wording: 'amavisd-new 554 5.7.0 INFECTED',
  },
  {
    local: 'corp-moved',
    domain: 'corp.test',
    stage: 'rcpt',
    code: 551,
    lines: ['5.1.6 User not local; please try <corp-moved@newcorp.test>'],
    reason: 'hasmoved',
    wording: 'RFC 5321 551 User not local; please try',
  },
];

/** The row for a recipient address, by local part (case-insensitive), or undefined: accept it. */
export function replyFor(address: string): ReplyRow | undefined {
  const local = address.slice(0, address.lastIndexOf('@')).toLowerCase();
  return REPLIES.find((row) => row.local === local);
}

/** The reply as it goes on the wire: `550-…` continuation lines then `550 …`, CRLF-terminated. */
export function wireReply(code: number, lines: readonly string[]): string {
  return lines.map((line, i) => `${code}${i < lines.length - 1 ? '-' : ' '}${line}\r\n`).join('');
}

/** Whether a reply code is transient (4xx): the lab MTA keeps retrying until its queue lifetime ends. */
export const isTransient = (code: number): boolean => code >= 400 && code < 500;
