import type { DecodedRecipient } from '../contract';
import {
  bounce,
  findAddress,
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
 * Ipswitch IMail Server: "Undeliverable Mail" from the postmaster, one `Reason sentence: address`
 * line per recipient (e.g. "Unknown user: x@y", "User mailbox exceeds allowed size: x@y",
 * "Delivery failed 20 attempts: x@y"), or "undeliverable to x@y" followed by the remote answer
 * ("Body of message generated response:"), then "Original message follows.".
 */
const END = /^Original message follows\.?/im;
const REASON_LINE = /^([A-Z][^:\n]{3,80}):\s*(\S{1,256}@\S{1,255})\s*$/;
const UNDELIVERABLE = /^undeliverable to\s+(\S{1,256}@\S{1,255})\s*$/im;

const IMAIL_REASONS: ReasonTable = [
  [/^Unknown user:|^Invalid final delivery userid:/i, 'userunknown'],
  [/^User mailbox exceeds allowed size:/i, 'mailboxfull'],
  [/^Delivery failed \d+ attempts:/i, 'expired'],
  [/^Host unknown:/i, 'hostunknown'],
];

function recipients(text: string): DecodedRecipient[] {
  const out: DecodedRecipient[] = [];
  const undeliverable = UNDELIVERABLE.exec(text);
  if (undeliverable) {
    const rest = oneLine(text.slice(undeliverable.index + undeliverable[0].length)).replace(
      /\b[245]\d\d-/g,
      '',
    );
    out.push(recipientFrom(findAddress(undeliverable[1]), rest, { action: 'failed' }));
    return out;
  }
  for (const line of text.split('\n').slice(0, 500)) {
    const m = REASON_LINE.exec(line.trim());
    if (!m) continue;
    // "Delivery failed N attempts" is IMail giving up after retrying: a failure, not a delay.
    out.push(
      recipientFrom(findAddress(m[2]), line.trim(), {
        action: 'failed',
        reason: reasonFrom(line.trim(), IMAIL_REASONS),
      }),
    );
  }
  return out;
}

export const IMailServer = safely('IMailServer', (m) => {
  if (!/^Undeliverable Mail\s*$/i.test(m.subject)) return null;
  const body = scanText(m.body);
  const text = section(body, /^/, END) ?? body;
  return bounce('IMailServer', recipients(text), originalMessageId(m, END));
});
