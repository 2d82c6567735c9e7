import type { BounceMessage } from '../contract';
import {
  bounce,
  findAddress,
  oneLine,
  originalMessageId,
  recipientFrom,
  safely,
  scanText,
  section,
} from './util';

/**
 * Apache James' notice (used by Verizon's vtext.com SMS gateway, among others): "Error: <text>",
 * "Error message below:" with the reply, then "Message details:" listing "RCPT TO: address".
 * Verizon's MMS gateway (vzwpix.com) sends "Message could not be delivered to mobile." with the
 * error and the original's headers; its recipient is the original To:.
 */
const BELOW = /^Error message below:\s*$/m;
const DETAILS = /^Message details:\s*$/m;

function james(name: string, m: BounceMessage) {
  // BELOW's words are a necessary condition: a native substring search skips the regex scan.
  if (!m.body.includes('Error message below:')) return null;
  const body = scanText(m.body);
  if (!BELOW.test(body) || !DETAILS.test(body)) return null;
  const error = /^Error:\s*(.*)$/m.exec(body)?.[1] ?? '';
  const reply = section(body, BELOW, DETAILS) ?? '';
  const details = section(body, DETAILS) ?? '';
  const address = findAddress(/^\s*RCPT TO:\s*(.*)$/m.exec(details)?.[1]);
  if (!address) return null;
  // Verizon's gateway says "Invalid user address" only for a number it does not serve.
  const reason = name === 'Verizon' && /Invalid user address/i.test(error) ? 'userunknown' : undefined;
  return bounce(
    name,
    [recipientFrom(address, oneLine(`${error} ${reply}`), { action: 'failed', reason })],
    originalMessageId(m),
  );
}

function mms(m: BounceMessage) {
  // The marker's words are a necessary condition: a native substring search skips the regex scan.
  if (!m.body.includes('Message could not be delivered to mobile.')) return null;
  const body = scanText(m.body);
  if (!/^Message could not be delivered to mobile\./m.test(body)) return null;
  const original = section(body, /^Original Message:\s*$/m) ?? '';
  const address = findAddress(/^To:\s*(.*)$/m.exec(original)?.[1]);
  const error = /^Error:\s*(.*)$/m.exec(body)?.[1] ?? '';
  const reason = /No valid recipients/i.test(error) ? 'userunknown' : undefined;
  return address
    ? bounce('Verizon', [recipientFrom(address, error, { action: 'failed', reason })], originalMessageId(m))
    : null;
}

const VERIZON = /[@.](?:vtext|vzwpix)\.com\b/i;

export const Verizon = safely('Verizon', (m) =>
  VERIZON.test(m.from) ? (mms(m) ?? james('Verizon', m)) : null,
);
export const ApacheJames = safely('ApacheJames', (m) => james('ApacheJames', m));
