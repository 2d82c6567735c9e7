import { multipartPart, renderMessage, textPart, verbatimPart } from '../mime/build';
import { rfc5322Date } from '../mime/headers';
import { domainOf, type NoticeInput, type NoticeRecipient, originalHeaderBlock } from './types';

/**
 * Gmail's "Mail Delivery Subsystem" DSN, laid out as Gmail sends them (gmail-addon.md §4.1): a
 * multipart/report with human text (text + HTML), a message/delivery-status part and the original's
 * headers. Wording follows Gmail's notices; the HTML is simplified (no inline icon image).
 */
interface GmailWording {
  title: string;
  sentence: (address: string) => string;
  response: (address: string) => string;
  action: 'failed' | 'delayed';
  status: string;
  diagnostic: (address: string) => string;
}

const WORDING: Record<NoticeRecipient['fate'], GmailWording> = {
  'hard-bounce': {
    title: 'Address not found',
    sentence: (a) =>
      `Your message wasn't delivered to ${a} because the address couldn't be found, or is unable to receive mail.`,
    response: () =>
      "550 5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces. For more information, go to https://support.google.com/mail/?p=NoSuchUser",
    action: 'failed',
    status: '5.1.1',
    diagnostic: () =>
      [
        'smtp; 550-5.1.1 The email account that you tried to reach does not exist. Please try',
        " 550-5.1.1 double-checking the recipient's email address for typos or",
        ' 550-5.1.1 unnecessary spaces. For more information, go to',
        ' 550 5.1.1  https://support.google.com/mail/?p=NoSuchUser a1b2c3d4e5f6-5.1.1 - gsmtp',
      ].join('\n'),
  },
  'soft-bounce': {
    title: 'Message not delivered',
    sentence: (a) => `There was a problem delivering your message to ${a}. See the technical details below.`,
    response: () =>
      "452 4.2.2 The recipient's inbox is out of storage space. Please direct the recipient to https://support.google.com/mail/?p=OverQuotaTemp",
    action: 'failed',
    status: '4.2.2',
    diagnostic: () =>
      [
        "smtp; 452-4.2.2 The recipient's inbox is out of storage space. Please direct the",
        ' 452-4.2.2 recipient to',
        ' 452 4.2.2  https://support.google.com/mail/?p=OverQuotaTemp f7e6d5c4b3a2-4.2.2 - gsmtp',
      ].join('\n'),
  },
  // Assumed: Gmail's delay notices carry the last transient error; a connect timeout (4.4.1) is typical.
  delay: {
    title: 'Delivery incomplete',
    sentence: (a) =>
      `There was a temporary problem delivering your message to ${a}. Gmail will retry for 46 more hours. You'll be notified if the delivery fails permanently.`,
    response: (a) =>
      `The recipient server did not accept our requests to connect. Learn more at https://support.google.com/mail/answer/7720 [mx.${domainOf(a)}. 192.0.2.30: timed out]`,
    action: 'delayed',
    status: '4.4.1',
    diagnostic: (a) =>
      `smtp; The recipient server did not accept our requests to connect. Learn more at https://support.google.com/mail/answer/7720\n [mx.${domainOf(a)}. 192.0.2.30: timed out]`,
  },
  // The "200 OK, then bounced" quirk after the daily sending limit (gmail-addon.md §3.4, §4.1).
  'sending-limit': {
    title: 'Message blocked',
    sentence: (a) =>
      `Your message to ${a} has been blocked. See technical details below for more information.`,
    response: () => 'You have reached a limit for sending mail. Your message was not sent.',
    action: 'failed',
    status: '5.4.5',
    diagnostic: () =>
      'smtp; 550 5.4.5 Daily user sending limit exceeded. For more information on Gmail\n 550 5.4.5 sending limits go to\n 550 5.4.5  https://support.google.com/a/answer/166852 - gsmtp',
  },
};

function humanText(recipients: NoticeRecipient[]): string {
  return recipients
    .map((r) => {
      const w = WORDING[r.fate];
      return `\n** ${w.title} **\n\n${w.sentence(r.address)}\n\nThe response was:\n\n${w.response(r.address)}\n`;
    })
    .join('\n');
}

function humanHtml(recipients: NoticeRecipient[]): string {
  const blocks = recipients.map((r) => {
    const w = WORDING[r.fate];
    return (
      `<table><tr><td style="font-size:24px">${w.title}</td></tr><tr><td>${w.sentence(r.address)}</td></tr>` +
      `<tr><td>The response was:<p style="font-family:monospace">${w.response(r.address)}</p></td></tr></table>`
    );
  });
  return `<html><head></head><body>${blocks.join('\n')}</body></html>`;
}

function deliveryStatus(input: NoticeInput): string {
  const arrival = rfc5322Date(input.sentAt);
  const perMessage = [
    'Reporting-MTA: dns; googlemail.com',
    `Received-From-MTA: dns; ${input.sender}`,
    `Arrival-Date: ${arrival}`,
    `X-Original-Message-ID: ${input.originalMessageId}`,
  ];
  const perRecipient = input.recipients.map((r) => {
    const w = WORDING[r.fate];
    const lines = [`Final-Recipient: rfc822; ${r.address}`, `Action: ${w.action}`, `Status: ${w.status}`];
    if (r.fate !== 'sending-limit')
      lines.push(
        `Remote-MTA: dns; mx.${domainOf(r.address)}. (192.0.2.10, the server for the domain ${domainOf(r.address)}.)`,
      );
    lines.push(`Diagnostic-Code: ${w.diagnostic(r.address)}`, `Last-Attempt-Date: ${rfc5322Date(input.at)}`);
    if (w.action === 'delayed')
      lines.push(`Will-Retry-Until: ${rfc5322Date(new Date(input.sentAt.getTime() + 48 * 3600_000))}`);
    return lines.join('\n');
  });
  return `${[perMessage.join('\n'), ...perRecipient].join('\n\n')}\n`;
}

/** Builds the raw RFC 822 text of a Gmail DSN for one original message. */
export function buildGmailDsn(input: NoticeInput): string {
  const outer = `000000000000${input.seed.slice(0, 12).padEnd(12, '0')}`;
  const alt = `000000000000${input.seed.slice(-12).padStart(12, '0')}a`;
  const failedAddresses = input.recipients
    .filter((r) => WORDING[r.fate].action === 'failed')
    .map((r) => r.address);
  const human = multipartPart('multipart/alternative', alt, [
    textPart('text/plain', humanText(input.recipients)),
    textPart('text/html', humanHtml(input.recipients)),
  ]);
  const root = multipartPart('multipart/report; report-type=delivery-status', outer, [
    human,
    verbatimPart('message/delivery-status', deliveryStatus(input)),
    verbatimPart('text/rfc822-headers', `${originalHeaderBlock(input.originalHeaders)}\n`),
  ]);
  const top = [
    { name: 'Delivered-To', value: input.sender },
    { name: 'Return-Path', value: '<>' },
    ...(failedAddresses.length ? [{ name: 'X-Failed-Recipients', value: failedAddresses.join(', ') }] : []),
    { name: 'Auto-Submitted', value: 'auto-replied' },
    { name: 'Message-ID', value: `<${input.seed}.050a0220.1f2e.0000.GMR@mx.google.com>` },
    { name: 'Date', value: rfc5322Date(input.at) },
    { name: 'From', value: 'Mail Delivery Subsystem <mailer-daemon@googlemail.com>' },
    { name: 'To', value: input.sender },
    {
      name: 'Subject',
      value: `Delivery Status Notification (${input.kind === 'delay' ? 'Delay' : 'Failure'})`,
    },
    { name: 'References', value: input.originalMessageId },
    { name: 'In-Reply-To', value: input.originalMessageId },
  ];
  return renderMessage(top, root);
}
