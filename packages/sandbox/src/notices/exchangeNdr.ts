import { multipartPart, renderMessage, textPart, verbatimPart } from '../mime/build';
import { encodeWord, rfc5322Date } from '../mime/headers';
import { domainOf, localPart, type NoticeInput, type NoticeRecipient, originalHeaderBlock } from './types';

/**
 * Exchange Online's non-delivery report ("Undeliverable: …") and delay notice ("Delivery delayed: …")
 * as a multipart/report: human text and HTML, a message/delivery-status part, then the original's
 * headers. The wording follows EXO's NDRs (office-addin.md §5.2); the HTML is a trimmed version of
 * EXO's table layout. The "MicrosoftExchange329e71ec…" postmaster local part is EXO's fixed one.
 */
const POSTMASTER_LOCAL = 'MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e';
const GENERATING_SERVER = 'SA1PR12MB8417.namprd12.prod.outlook.com';

interface ExchangeWording {
  summary: (address: string) => string;
  action: 'failed' | 'delayed';
  status: string;
  remoteResponse: (address: string) => string;
}

const WORDING: Record<Exclude<NoticeRecipient['fate'], 'sending-limit'>, ExchangeWording> = {
  'hard-bounce': {
    summary: (a) => `${localPart(a)} wasn't found at ${domainOf(a)}.`,
    action: 'failed',
    status: '5.1.10',
    remoteResponse: () =>
      '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup',
  },
  'soft-bounce': {
    summary: (a) => `${localPart(a)}'s mailbox is full.`,
    action: 'failed',
    status: '5.2.2',
    remoteResponse: () =>
      '554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException.MapiExceptionShutoffQuotaExceeded; Failed to process message due to a permanent exception',
  },
  delay: {
    summary: () => "This message hasn't been delivered yet. Delivery will continue to be attempted.",
    action: 'delayed',
    status: '4.4.7',
    remoteResponse: () => '400 4.4.7 Message delayed',
  },
};

function wordingFor(r: NoticeRecipient): ExchangeWording {
  return WORDING[r.fate === 'sending-limit' ? 'hard-bounce' : r.fate];
}

function failureText(input: NoticeInput): string {
  const blocks = input.recipients.map(
    (r) => `Your message to ${r.address} couldn't be delivered.\n\n${wordingFor(r).summary(r.address)}`,
  );
  const diag = input.recipients.map(
    (r) => `${r.address}\nRemote Server returned '${wordingFor(r).remoteResponse(r.address)}'`,
  );
  return (
    `${blocks.join('\n\n')}\n\nDiagnostic information for administrators:\n\nGenerating server: ${GENERATING_SERVER}\n\n` +
    `${diag.join('\n\n')}\n\nOriginal message headers:\n\n${originalHeaderBlock(input.originalHeaders)}\n`
  );
}

function delayText(input: NoticeInput): string {
  const list = input.recipients.map((r) => r.address).join('\n');
  return (
    `Delivery is delayed to these recipients or groups:\n\n${list}\n\nSubject: ${input.originalSubject}\n\n` +
    `${WORDING.delay.summary('')}\n\nThe server will keep trying to deliver this message for the next 1 days, 19 hours and 53 minutes. ` +
    "You'll be notified if the message can't be delivered by that time.\n\n" +
    `Diagnostic information for administrators:\n\nGenerating server: ${GENERATING_SERVER}\n\n` +
    `Receiving server: mx.${domainOf(input.recipients[0]?.address ?? '')}\n\n${list}\nRemote Server returned '400 4.4.7 Message delayed'\n`
  );
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function htmlOf(text: string): string {
  const paragraphs = text
    .split('\n\n')
    .map((p) => `<p style="font-family:'Segoe UI',sans-serif">${escapeHtml(p).replace(/\n/g, '<br>\n')}</p>`);
  return `<html>\n<head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>\n<body>\n${paragraphs.join('\n')}\n</body>\n</html>`;
}

function deliveryStatus(input: NoticeInput): string {
  const perMessage = [
    `Reporting-MTA: dns;${GENERATING_SERVER}`,
    `Received-From-MTA: dns;${GENERATING_SERVER}`,
    `Arrival-Date: ${rfc5322Date(input.sentAt)}`,
  ];
  const perRecipient = input.recipients.map((r) => {
    const w = wordingFor(r);
    const lines = [
      `Final-Recipient: rfc822;${r.address}`,
      `Action: ${w.action}`,
      `Status: ${w.status}`,
      `Diagnostic-Code: smtp;${w.remoteResponse(r.address)}`,
    ];
    if (w.action === 'delayed')
      lines.push(`Will-Retry-Until: ${rfc5322Date(new Date(input.sentAt.getTime() + 2 * 24 * 3600_000))}`);
    lines.push(`X-Display-Name: ${r.address}`);
    return lines.join('\n');
  });
  return `${[perMessage.join('\n'), ...perRecipient].join('\n\n')}\n`;
}

/** Builds the raw RFC 822 text of an Exchange Online NDR or delay notice. */
export function buildExchangeNdr(input: NoticeInput): string {
  const delay = input.kind === 'delay';
  const text = delay ? delayText(input) : failureText(input);
  const outer = `_000_${input.seed}${GENERATING_SERVER.split('.')[0]}_`;
  const alt = `_002_${input.seed}${GENERATING_SERVER.split('.')[0]}_`;
  const root = multipartPart('multipart/report; report-type=delivery-status', outer, [
    multipartPart('multipart/alternative', alt, [
      textPart('text/plain', text),
      textPart('text/html', htmlOf(text)),
    ]),
    verbatimPart('message/delivery-status', deliveryStatus(input)),
    verbatimPart('text/rfc822-headers', `${originalHeaderBlock(input.originalHeaders)}\n`),
  ]);
  const subject = `${delay ? 'Delivery delayed' : 'Undeliverable'}: ${input.originalSubject}`;
  const top = [
    { name: 'From', value: `Microsoft Outlook <${POSTMASTER_LOCAL}@${domainOf(input.sender)}>` },
    { name: 'To', value: `<${input.sender}>` },
    { name: 'Date', value: rfc5322Date(input.at) },
    { name: 'Subject', value: encodeWord(subject) },
    { name: 'Thread-Topic', value: encodeWord(input.originalSubject) },
    { name: 'Message-ID', value: `<${input.seed}@${GENERATING_SERVER}>` },
    { name: 'In-Reply-To', value: input.originalMessageId },
    { name: 'References', value: input.originalMessageId },
    { name: 'Content-Language', value: 'en-US' },
    { name: 'X-MS-Has-Attach', value: '' },
    { name: 'X-MS-Exchange-Message-Is-Ndr', value: '' },
    { name: 'Auto-Submitted', value: 'auto-replied' },
    { name: 'X-MS-Exchange-Organization-SCL', value: '-1' },
  ];
  return renderMessage(top, root);
}
