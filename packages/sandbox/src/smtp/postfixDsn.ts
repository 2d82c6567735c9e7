import { type BuiltPart, multipartPart, renderMessage, textPart, verbatimPart } from '../mime/build';
import { rfc5322Date } from '../mime/headers';
import { domainOf, type NoticeInput, type NoticeRecipient, originalHeaderBlock } from '../notices/types';

/** The host name the sandbox's SMTP server reports as (Postfix's `myhostname`). */
export const SANDBOX_SMTP_HOST = 'sandbox-smtp.sendwell.test';

/** What the SMTP envelope asked of the report (RFC 3461): ENVID and RET from MAIL FROM. */
export interface PostfixDsnOptions {
  envid: string | null;
  /** HDRS: only the original's headers come back; FULL or unset: the whole message (Postfix's default). */
  ret: 'FULL' | 'HDRS' | null;
  /** The original as it was submitted, for RET=FULL. */
  originalRaw: string;
}

interface PostfixWording {
  action: 'failed' | 'delayed';
  status: string;
  /** The line Postfix writes about the recipient in the human part and as the Diagnostic-Code. */
  reply: (address: string) => string;
  diagnosticType: 'smtp' | 'X-Postfix';
}

// What the remote MTAs of the sandbox's rule domains answer, as Postfix's smtp(8) reports them.
const WORDING: Record<Exclude<NoticeRecipient['fate'], 'sending-limit'>, PostfixWording> = {
  'hard-bounce': {
    action: 'failed',
    status: '5.1.1',
    reply: (a) => `550 5.1.1 <${a}>: Recipient address rejected: User unknown in virtual mailbox table`,
    diagnosticType: 'smtp',
  },
  'soft-bounce': {
    action: 'failed',
    status: '5.2.2',
    reply: (a) => `552 5.2.2 <${a}>: Mailbox full`,
    diagnosticType: 'smtp',
  },
  delay: {
    action: 'delayed',
    status: '4.4.1',
    reply: (a) => `connect to mx.${domainOf(a)}[192.0.2.30]:25: Connection timed out`,
    diagnosticType: 'X-Postfix',
  },
};

const wordingFor = (r: NoticeRecipient) => WORDING[r.fate === 'sending-limit' ? 'hard-bounce' : r.fate];
const remoteHost = (address: string) => `mx.${domainOf(address)}[192.0.2.10]`;

const FAILURE_INTRO = `I'm sorry to have to inform you that your message could not
be delivered to one or more recipients. It's attached below.`;

const DELAY_INTRO = `####################################################################
# THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #
####################################################################

Your message could not be delivered for 4.0 hours.
It will be retried until it is 5.0 days old.`;

function humanText(input: NoticeInput): string {
  const lines = input.recipients.map((r) => {
    const w = wordingFor(r);
    if (w.diagnosticType === 'X-Postfix') return `<${r.address}>: ${w.reply(r.address)}`;
    return `<${r.address}>: host ${remoteHost(r.address)} said:\n    ${w.reply(r.address)} (in reply to RCPT TO command)`;
  });
  return `This is the mail system at host ${SANDBOX_SMTP_HOST}.

${input.kind === 'delay' ? DELAY_INTRO : FAILURE_INTRO}

For further assistance, please send mail to postmaster.

If you do so, please include this problem report. You can
delete your own text from the attached returned message.

                   The mail system

${lines.join('\n\n')}
`;
}

function deliveryStatus(input: NoticeInput, options: PostfixDsnOptions, queueId: string): string {
  const perMessage = [
    `Reporting-MTA: dns; ${SANDBOX_SMTP_HOST}`,
    `X-Postfix-Queue-ID: ${queueId}`,
    `X-Postfix-Sender: rfc822; ${input.sender}`,
    ...(options.envid ? [`Original-Envelope-Id: ${options.envid}`] : []),
    `Arrival-Date: ${rfc5322Date(input.sentAt)}`,
  ];
  const perRecipient = input.recipients.map((r) => {
    const w = wordingFor(r);
    const lines = [
      `Final-Recipient: rfc822; ${r.address}`,
      `Original-Recipient: rfc822;${r.address}`,
      `Action: ${w.action}`,
      `Status: ${w.status}`,
    ];
    if (w.diagnosticType === 'smtp') lines.push(`Remote-MTA: dns; mx.${domainOf(r.address)}`);
    lines.push(`Diagnostic-Code: ${w.diagnosticType}; ${w.reply(r.address)}`);
    // Postfix's maximal_queue_lifetime: 5 days after arrival.
    if (w.action === 'delayed')
      lines.push(`Will-Retry-Until: ${rfc5322Date(new Date(input.sentAt.getTime() + 5 * 24 * 3600_000))}`);
    return lines.join('\n');
  });
  return `${[perMessage.join('\n'), ...perRecipient].join('\n\n')}\n`;
}

/** RET=HDRS: the headers alone (text/rfc822-headers); otherwise the whole original (message/rfc822). */
function returnedPart(input: NoticeInput, options: PostfixDsnOptions, kind: 'failure' | 'delay'): BuiltPart {
  const description = kind === 'delay' ? 'Delayed Message' : 'Undelivered Message';
  if (options.ret === 'HDRS')
    return verbatimPart('text/rfc822-headers', `${originalHeaderBlock(input.originalHeaders)}\n`, [
      { name: 'Content-Description', value: `${description} Headers` },
    ]);
  return verbatimPart('message/rfc822', options.originalRaw, [
    { name: 'Content-Description', value: description },
  ]);
}

/**
 * A delivery status notification laid out as Postfix's bounce(8) writes one (RFC 3464): the "mail
 * system at host" text, a message/delivery-status part with Postfix's X- fields and
 * `Original-Envelope-Id` when ENVID was given, then the original (headers only for RET=HDRS).
 */
export function buildPostfixDsn(input: NoticeInput, options: PostfixDsnOptions): string {
  const queueId = input.seed.slice(0, 10).toUpperCase();
  const boundary = `${queueId}.${Math.floor(input.at.getTime() / 1000)}/${SANDBOX_SMTP_HOST}`;
  const delay = input.kind === 'delay';
  const root = multipartPart('multipart/report; report-type=delivery-status', boundary, [
    textPart('text/plain', humanText(input), [{ name: 'Content-Description', value: 'Notification' }]),
    verbatimPart('message/delivery-status', deliveryStatus(input, options, queueId), [
      { name: 'Content-Description', value: 'Delivery report' },
    ]),
    returnedPart(input, options, input.kind),
  ]);
  const top = [
    { name: 'Return-Path', value: '<>' },
    { name: 'From', value: `MAILER-DAEMON@${SANDBOX_SMTP_HOST} (Mail Delivery System)` },
    { name: 'To', value: input.sender },
    { name: 'Date', value: rfc5322Date(input.at) },
    {
      name: 'Subject',
      value: delay ? 'Delayed Mail (still being retried)' : 'Undelivered Mail Returned to Sender',
    },
    { name: 'Message-Id', value: `<${input.seed}.${queueId}@${SANDBOX_SMTP_HOST}>` },
    { name: 'Auto-Submitted', value: 'auto-replied' },
  ];
  return renderMessage(top, root);
}
