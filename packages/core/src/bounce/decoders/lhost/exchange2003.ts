import type { BounceMessage, DecodedRecipient } from '../contract';
import {
  bounce,
  findAddress,
  MAX_RECIPIENTS,
  oneLine,
  originalMessageId,
  recipientFrom,
  safely,
  scanText,
  section,
} from './util';

/**
 * Exchange Server 5.5/2000/2003 NDR: "Your message ... did not reach the following recipient(s):"
 * (or "The following recipient(s) could not be reached:"), then `address on <date>` lines each
 * followed by indented error lines ending in an `MSEXCH:` diagnostic with an X.400-style code in
 * parentheses. Those codes are Exchange's own; the ones with a known meaning set the reason.
 */
const START =
  /did not reach the following recipient\(s\):|The following recipient\(s\) could not be reached:|Did not reach the following recipient:(?=[ \t]*\S+@)/i;
const END = /^-{5,}|^Received: |^Content-Type: message\/rfc822/m;
const HEAD = /^\s*(\S{1,256}@\S{1,255}) on .{5,80}$/;
/** Some servers put the one recipient on the marker line itself, with no date. */
const INLINE = /Did not reach the following recipient:[ \t]*(\S{1,256}@\S{1,255})[ \t]*$/im;

/** MSEXCH codes whose meaning is fixed: the recipient does not exist. */
const CODE_REASONS: Record<string, 'userunknown'> = { '000C05A6': 'userunknown', '000C0595': 'userunknown' };

function isExchange2003(m: BounceMessage): boolean {
  const head = m.body.slice(0, 6000);
  if (!START.test(head)) return false;
  const exchangy =
    /Exchange|Internet Mail Service/i.test(m.header('x-mailer')) || m.headers.has('x-ms-embedded-report');
  return /^Undeliverable:/i.test(m.subject) || /\bMSEXCH:/.test(head) || exchangy;
}

function recipients(errors: string): DecodedRecipient[] {
  const out: DecodedRecipient[] = [];
  let current: { address: string; lines: string[] } | null = null;
  const flush = () => {
    if (!current) return;
    // Drop the "MTS-ID" line and its wrapped tail (a line starting with ";") before joining.
    const kept = current.lines.filter((l) => !/^The MTS-ID of the original message is:|^;/.test(l));
    const text = oneLine(kept.join(' '));
    const code = /\(([0-9A-F]{8})\)/.exec(text)?.[1];
    const reason = code ? CODE_REASONS[code] : undefined;
    out.push(recipientFrom(current.address, text, { action: 'failed', reason }));
  };
  for (const line of errors.split('\n')) {
    const head = HEAD.exec(line);
    if (head && out.length < MAX_RECIPIENTS) {
      flush();
      current = { address: findAddress(head[1]), lines: [] };
    } else if (current && line.trim()) current.lines.push(line.trim());
  }
  flush();
  return out;
}

export const Exchange2003 = safely('Exchange2003', (m) => {
  if (!isExchange2003(m)) return null;
  const body = scanText(m.body);
  const errors = section(body, START, END) ?? '';
  const found = recipients(errors);
  const inline = INLINE.exec(body.slice(0, 6000));
  if (!found.length && inline)
    found.push(recipientFrom(findAddress(inline[1]), oneLine(errors), { action: 'failed' }));
  return bounce('Exchange2003', found, originalMessageId(m, END));
});
