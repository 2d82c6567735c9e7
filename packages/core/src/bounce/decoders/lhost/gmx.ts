import type { BounceMessage, DecodedRecipient } from '../contract';
import {
  bounce,
  findAddress,
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
 * GMX / mail.com and 1&1 (EinsUndEins, kundenserver.de): an Exim-like opening, then each failed
 * address on its own line (`"address":`, `<address>`, `address:` or bare), the error lines under
 * it ("SMTP error from remote server after RCPT command:", "host: ...", the reply; or "Reason:" /
 * "For the following reason:" and a sentence), then "--- The header of the original message is
 * following. ---".
 */
const START = /The following address(?:\(es\)|es)?\s+failed:\s*\n/i;
const END = /^--- The header of the original message is following\. ---/im;
const HEAD =
  /^(?:"([^"\s]{1,256}@[^"\s]{1,255})"|<([^<>\s]{1,256}@[^<>\s]{1,255})>|([^<>"\s:]{1,256}@[^<>"\s:]{1,255})):?$/;
const LABEL = /^(?:Reason:|For the following reason:)$/i;

const GMX_REASONS: ReasonTable = [
  [/delivery retry timeout exceeded/i, 'expired'],
  [/Mail size limit exceeded/i, 'mesgtoobig'],
];

function recipients(errors: string): DecodedRecipient[] {
  const out: { address: string; lines: string[] }[] = [];
  for (const raw of errors.split('\n')) {
    const line = raw.trim();
    const head = HEAD.exec(line);
    if (head && out.length < MAX_RECIPIENTS)
      out.push({ address: findAddress(`<${head[1] ?? head[2] ?? head[3]}>`), lines: [] });
    else if (line && !LABEL.test(line)) out[out.length - 1]?.lines.push(line);
  }
  return out.map((r) =>
    recipientFrom(r.address, r.lines.join(' '), {
      action: 'failed',
      reason: reasonFrom(r.lines.join(' '), GMX_REASONS),
    }),
  );
}

function decodeLayout(name: string, m: BounceMessage) {
  // END needs the literal `. ---` (no letters, so the `i` flag changes nothing): without it the
  // whole-body scan cannot match.
  if (!m.body.includes('. ---')) return null;
  const body = scanText(m.body);
  if (!END.test(body)) return null;
  return bounce(name, recipients(section(body, START, END) ?? ''), originalMessageId(m, END));
}

const ONE_AND_ONE = /kundenserver|1and1|1und1|ionos/i;

export const EinsUndEins = safely('EinsUndEins', (m) =>
  ONE_AND_ONE.test(m.from) ? decodeLayout('EinsUndEins', m) : null,
);
export const GMX = safely('GMX', (m) => decodeLayout('GMX', m));
