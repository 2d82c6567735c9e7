import type { BounceMessage, DecodedRecipient } from '../contract';
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
 * Exchange Server 2007+ and Exchange Online (Office 365) NDRs when no usable delivery-status part
 * comes with them: "Delivery has failed to these recipients or groups:" (or "... or distribution
 * lists:"), a human explanation, then "Diagnostic information for administrators:", "Generating
 * server: host", and per recipient its address line followed by the error ("#550 5.1.1
 * RESOLVER.ADR.RecipNotFound; not found ##", "Remote Server returned '550 5.1.10 ...'", or a
 * dated "Server at X returned '...'" retry log), up to "Original message headers:".
 */
const MARKER =
  /Delivery (?:has failed|is delayed) to these recipients or (?:groups|distribution lists):|Diagnostic information for administrators:/i;
/** Exchange's delay notice: it is still retrying. */
const DELAYED =
  /Delivery is delayed to these recipients or groups:|hasn't been delivered yet|couldn't be delivered yet|will keep trying|will continue to try/i;
const DIAGNOSTIC = /^Diagnostic information for administrators:\s*$/im;
const END = /^Original message headers:\s*$|^-{3} message\/rfc822 -{3}$/im;
const ADDRESS_LINE = /^<?([^\s<>()@]{1,256}@[^\s<>()@]{1,255}?)>?(?:\s*\(.*\))?\s*$/;

function isExchange2007(m: BounceMessage): boolean {
  return MARKER.test(m.body.slice(0, 8000)) && !hasUsableDeliveryStatus(m);
}

function recipients(diagnostics: string, delayed: boolean): DecodedRecipient[] {
  const out: { address: string; lines: string[] }[] = [];
  for (const raw of diagnostics.split('\n')) {
    const line = raw.trim();
    if (!line || /^Generating server:/i.test(line)) continue;
    const hit = ADDRESS_LINE.exec(line);
    if (hit && out.length < MAX_RECIPIENTS) out.push({ address: findAddress(hit[1]), lines: [] });
    else out[out.length - 1]?.lines.push(line);
  }
  return out.map(({ address, lines }) => {
    const text = oneLine(lines.join(' ').replace(/##.*$/, '').replace(/^#/, ''));
    return recipientFrom(address, text, { action: delayed ? 'delayed' : 'failed' });
  });
}

export const Exchange2007 = safely('Exchange2007', (m) => {
  if (!isExchange2007(m)) return null;
  const body = scanText(m.body);
  const diagnostics = section(body, DIAGNOSTIC, END) ?? '';
  const delayed = DELAYED.test(`${m.subject}\n${body.slice(0, 4000)}`);
  return bounce('Exchange2007', recipients(diagnostics, delayed), originalMessageId(m, END));
});
