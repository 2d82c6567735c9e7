import type { BounceMessage, DecodedRecipient } from '../contract';
import { dsnFields } from './dsn-fields';
import {
  bounce,
  findAddress,
  findStatus,
  hasUsableDeliveryStatus,
  MAX_RECIPIENTS,
  oneLine,
  originalMessageId,
  type ReasonTable,
  reasonFrom,
  recipientFrom,
  safely,
  scanText,
  section,
} from './util';

/**
 * Sendmail's text notice when its delivery-status part is missing or unusable (a Final-Recipient
 * without a local part, or a bounce forwarded inline with "> " quoting): "----- The following
 * addresses had permanent fatal errors -----", `<address>` lines with "(reason: ...)" under them,
 * then "----- Transcript of session follows -----" with the SMTP exchange.
 */
const LIST =
  /^\s*-{5} The following addresses had (?:permanent fatal errors|transient non-fatal errors) -{5}\s*$/m;
const TRANSCRIPT = /^\s*-{5} Transcript of (?:the )?session follows -{5}\s*$/m;
const END = /^\s*-{5} .{0,40}(?:message|headers) follows? -{5}|^Reporting-MTA:|^--[^\s-]\S*$|^\s*$\n^\s*$/im;

/** Sentences of sendmail and its local delivery agent (mail.local), not of the remote server. */
const SENDMAIL_REASONS: ReasonTable = [
  [/Message could not be delivered for \d+ (?:days|hours)/i, 'expired'],
  [/mail\.local: unknown user:/i, 'userunknown'],
  [/mail\.local: .{0,80}(?:quota exceeded|mailbox full)/i, 'mailboxfull'],
];

/** A forwarded bounce quotes every line with "> "; read it as the original text. */
function unquote(body: string): string {
  return moreThanTenQuotedLines(body) ? body.replace(/^> ?/gm, '') : body;
}

/** Counts lines that start with `>` (the first line, then each `\n>`) without splitting the body. */
function moreThanTenQuotedLines(body: string): boolean {
  let quoted = body.startsWith('>') ? 1 : 0;
  for (let at = body.indexOf('\n>'); at >= 0 && quoted <= 10; at = body.indexOf('\n>', at + 2)) quoted++;
  return quoted > 10;
}

/** The delivery-status fields: the MIME part, else a block quoted or left inline in the body. */
function statusText(m: BounceMessage, body: string): string | null {
  return m.deliveryStatus ?? section(body, /^(?=Reporting-MTA:)/m);
}

/** A list line: `<address>`, a bare address, or a bare local part (resolved via Final-Recipient). */
function listAddress(line: string, dsn: string | null): string {
  const token = /^\s*<?([^\s<>()]{1,300})>?\s*$/.exec(line)?.[1];
  if (!token) return '';
  if (token.includes('@')) return findAddress(token);
  const finals = [
    ...(dsn ?? '').matchAll(/^Final-Recipient:[ \t]*(?:rfc822;)?[ \t]*<?([^\s<>;]+@[^\s<>;]+)/gim),
  ].map((f) => f[1] ?? '');
  const wanted = token.toLowerCase();
  return findAddress(finals.find((f) => f.toLowerCase().startsWith(`${wanted}@`)) ?? finals[0]);
}

function recipients(m: BounceMessage, body: string): DecodedRecipient[] {
  const transient = /had transient non-fatal errors/i.test(body);
  const dsnText = statusText(m, body);
  const list = section(body, LIST, TRANSCRIPT) ?? '';
  const transcript = oneLine(section(body, TRANSCRIPT, END) ?? '');
  const out: DecodedRecipient[] = [];
  let current: { address: string; reason: string } | null = null;
  const flush = () => {
    if (!current) return;
    const text = current.reason || transcript;
    // The report's own Status wins; the transcript's last reply is the next best.
    const dsn = dsnFields(dsnText, current.address);
    const status = dsn.status ?? findStatus(transcript) ?? findStatus(text);
    const reason = reasonFrom(transcript, SENDMAIL_REASONS);
    // The last command sendmail sent (">>> RCPT To:<x>") is the one the reply refused.
    const sent = [...transcript.matchAll(/>>> (RCPT|MAIL|DATA|EHLO|HELO)\b/gi)].pop()?.[1]?.toUpperCase();
    out.push(
      recipientFrom(current.address, text, {
        action: transient ? 'delayed' : 'failed',
        status,
        reason,
        command: sent,
      }),
    );
  };
  for (const line of list.split('\n')) {
    const address = listAddress(line, dsnText);
    if (address && out.length < MAX_RECIPIENTS) {
      flush();
      current = { address, reason: '' };
    } else if (current) {
      const reason = /\(reason:\s*(.*?)\)?\s*$/.exec(line)?.[1];
      if (reason) current.reason = reason;
    }
  }
  flush();
  return out;
}

export const Sendmail = safely('Sendmail', (m) => {
  if (hasUsableDeliveryStatus(m)) return null;
  // LIST's words are a necessary condition (unquoting only drops `> ` before them): checking them
  // first skips splitting the whole body into lines.
  if (!m.body.includes('- The following addresses had ')) return null;
  const body = unquote(scanText(m.body));
  if (!LIST.test(body.slice(0, 8000)) || !TRANSCRIPT.test(body)) return null;
  return bounce('Sendmail', recipients(m, body), originalMessageId(m, END));
});
