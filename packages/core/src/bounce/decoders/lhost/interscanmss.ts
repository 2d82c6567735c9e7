import {
  bounce,
  findAddress,
  MAX_RECIPIENTS,
  originalMessageId,
  recipientFrom,
  safely,
  scanText,
} from './util';

/**
 * Trend Micro InterScan MSS / Messaging Security Suite: either the SMTP exchange it failed on
 * ("Sent <<< RCPT TO:<address>" / "Received >>> 550 ..."), or "Unable to deliver message to
 * <address> (and other recipients in the same domain)." between rows of asterisks.
 */
const MARKER = /InterScan|^Sent <<< RCPT TO:/im;
const SENT = /^Sent <<< (RCPT TO|MAIL FROM|DATA)\b:?\s*(<[^>\n]{0,300}>)?/gm;
const UNABLE = /Unable to deliver message to (<[^>\n]{1,300}>)/g;
const END = /^\*+\s+End of message\s+\*+|^-{10,}\s*$/m;

export const InterScanMSS = safely('InterScanMSS', (m) => {
  const body = scanText(m.body);
  if (!MARKER.test(m.from) && !MARKER.test(body.slice(0, 4000))) return null;
  const end = END.exec(body);
  const text = end ? body.slice(0, end.index) : body.slice(0, 8000);
  const out = new Map<string, ReturnType<typeof recipientFrom>>();
  for (const hit of text.matchAll(SENT)) {
    const address = findAddress(hit[2]);
    if (!address || out.size >= MAX_RECIPIENTS) continue;
    const reply = /^Received >>> (.*)$/m.exec(text.slice((hit.index ?? 0) + hit[0].length))?.[1] ?? '';
    out.set(
      address,
      recipientFrom(address, reply, {
        action: 'failed',
        command: hit[1]?.startsWith('RCPT') ? 'RCPT' : hit[1]?.startsWith('MAIL') ? 'MAIL' : 'DATA',
      }),
    );
  }
  for (const hit of text.matchAll(UNABLE)) {
    const address = findAddress(hit[1]);
    if (address && !out.has(address) && out.size < MAX_RECIPIENTS) {
      const line = /^.*Unable to deliver message to.*$/m.exec(text.slice(hit.index ?? 0))?.[0] ?? '';
      // InterScan's own sentence: the domain's server refused the recipient(s).
      out.set(
        address,
        recipientFrom(address, line.replace(/^Reason:\s*/, ''), { action: 'failed', reason: 'userunknown' }),
      );
    }
  }
  return bounce('InterScanMSS', [...out.values()], originalMessageId(m, END));
});
