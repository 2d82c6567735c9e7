import type { DecodedRecipient } from '../contract';
import { dsnFields } from './dsn-fields';
import {
  bounce,
  findAddress,
  findStatus,
  MAX_RECIPIENTS,
  originalMessageId,
  type ReasonTable,
  reasonFrom,
  recipientFrom,
  safely,
  scanText,
  section,
} from './util';

/**
 * OpenSMTPD: "This is the MAILER-DAEMON, please DO NOT REPLY to this e-mail. An error has occurred
 * while attempting to deliver a message for the following list of recipients:", one
 * `address: error` line per recipient, then "Below is a copy of the original message:". Newer
 * versions add a delivery-status part; its Status fills in when the line has no code. A delay
 * notice ("A message is delayed for more than N ...", "only a temporary failure report") is `delayed`.
 */
const MARKER = /This is the MAILER-DAEMON, please DO NOT REPLY to this e-?mail\./i;
const START = /(?:the following list of|for the following\s+list of)\s+recipients:\s*$/im;
const END = /^\s*Below is a copy of the original message:?\s*$/im;
const LINE = /^(\S{1,256}@[^\s:]{1,255}):\s*(.*)$/;
const NOTE = /^\s*Please note that this is only a temporary failure report\./im;

const SMTPD_REASONS: ReasonTable = [
  [/^Envelope expired/i, 'expired'],
  [/^Network error on destination MXs/i, 'networkerror'],
  [/^Domain does not exist/i, 'hostunknown'],
  [/^No MX found for domain/i, 'notaccept'],
  [/^Loop detected/i, 'systemerror'],
];

export const OpenSMTPD = safely('OpenSMTPD', (m) => {
  const body = scanText(m.body);
  if (!MARKER.test(body.slice(0, 2000))) return null;
  const delayed = /notification: (?:delayed|warning)|A message is delayed|temporary failure report/i.test(
    `${m.subject}\n${body.slice(0, 3000)}`,
  );
  const recipients: DecodedRecipient[] = [];
  const list = section(body, START, END) ?? '';
  const note = NOTE.exec(list);
  for (const line of (note ? list.slice(0, note.index) : list).split('\n')) {
    const hit = LINE.exec(line.trim());
    if (!hit || recipients.length >= MAX_RECIPIENTS) continue;
    const address = findAddress(hit[1]);
    const text = hit[2] ?? '';
    const dsn = dsnFields(m.deliveryStatus, address);
    recipients.push(
      recipientFrom(address, text, {
        // OpenSMTPD 6.8 words its expiry notice as a delay; "Envelope expired" means it gave up.
        action: delayed && !/^Envelope expired/i.test(text) ? 'delayed' : 'failed',
        reason: reasonFrom(text, SMTPD_REASONS),
        status: findStatus(text) ? undefined : dsn.status,
      }),
    );
  }
  return bounce('OpenSMTPD', recipients, originalMessageId(m, END));
});
