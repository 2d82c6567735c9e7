import type { DecodedRecipient } from '../contract';
import {
  bounce,
  findAddress,
  hasUsableDeliveryStatus,
  MAX_RECIPIENTS,
  oneLine,
  originalMessageId,
  recipientFrom,
  safely,
  scanText,
  section,
} from './util';

/**
 * Oracle (Sun, iPlanet) Communications Messaging Server when its delivery-status part is missing
 * or unusable: "This report relates to a message you sent with the following header fields:"
 * (which lists the original's Message-id), "Your message cannot be delivered to the following
 * recipients:", then per recipient "Recipient address:", "Original address:", "Reason:" and
 * "Diagnostic code: smtp;550 ...".
 */
const MARKER = /^This report relates to a message you sent with the following header fields:/m;
const START =
  /^Your message (?:cannot be delivered|has been delayed|is being delayed|has not yet been delivered) (?:to the following recipients|and is still pending for the following recipients):?\s*$/im;
const DELAYED = /^Your message (?:has been delayed|is being delayed|has not yet been delivered)/im;

function recipients(text: string, delayed: boolean): DecodedRecipient[] {
  const blocks = text.split(/^\s*Recipient address:\s*/im).slice(1, MAX_RECIPIENTS + 1);
  return blocks
    .map((block) => {
      const first = block.split('\n')[0] ?? '';
      const original = /^\s*Original address:\s*(.*)$/im.exec(block)?.[1];
      // "@relay:user@host" (a source route) or a dotless host is the MTA's internal form.
      const internal = first.includes(':') || !/@[^\s.]+\.[^\s]+/.test(first);
      const address = findAddress(internal && original ? original : first);
      const reason = /^\s*Reason:\s*(.*)$/im.exec(block)?.[1] ?? '';
      const code = /^\s*Diagnostic code:\s*(?:smtp;\s*)?(.*)$/im.exec(block)?.[1] ?? '';
      return recipientFrom(address, oneLine(code || reason), { action: delayed ? 'delayed' : 'failed' });
    })
    .filter((r) => r.address);
}

export const MessagingServer = safely('MessagingServer', (m) => {
  // MARKER's words are a necessary condition: a native substring search skips the regex scan.
  if (!m.body.includes('This report relates to a message you sent with the following header fields:'))
    return null;
  const body = scanText(m.body);
  if (!MARKER.test(body.slice(0, 2000)) || hasUsableDeliveryStatus(m)) return null;
  const listed = section(body, START, /^-{3} message\/|^\s*$\n^\s*$\n^\S/m) ?? '';
  const found = recipients(listed, DELAYED.test(body.slice(0, 4000)));
  const headerId = /^\s*Message-id:\s*<([^<>\s]{1,500})>/im.exec(body.slice(0, 2000))?.[1];
  return bounce('MessagingServer', found, headerId ?? originalMessageId(m));
});
