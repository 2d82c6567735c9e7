import type { DecodedRecipient } from '../contract';
import { bounce, findAddress, originalMessageId, recipientFrom, safely, scanText, section, MAX_RECIPIENTS } from './util';

/**
 * GMX / mail.com (and 1&1's sibling template): an Exim-like opening, then each failed address on
 * its own line as `"address":` or `<address>`, the error lines under it ("SMTP error from remote
 * server after RCPT command:", "host: ...", the reply; or "Reason:" and a sentence), and
 * "--- The header of the original message is following. ---" at the end.
 */
const START = /The following address(?:es)?\s+failed:\s*\n/i;
const END = /^--- The header of the original message is following\. ---/im;
const HEAD = /^(?:"([^"\s]{1,256}@[^"\s]{1,255})":?|<([^<>\s]{1,256}@[^<>\s]{1,255})>:?)\s*$/;

function recipients(errors: string): DecodedRecipient[] {
  const out: { address: string; lines: string[] }[] = [];
  for (const line of errors.split('\n')) {
    const head = HEAD.exec(line.trim());
    if (head && out.length < MAX_RECIPIENTS) out.push({ address: findAddress(`<${head[1] ?? head[2]}>`), lines: [] });
    else if (out.length && line.trim() && !/^Reason:$/i.test(line.trim())) out[out.length - 1].lines.push(line.trim());
  }
  return out.map((r) => recipientFrom(r.address, r.lines.join(' '), { action: 'failed' }));
}

export const GMX = safely('GMX', (m) => {
  const body = scanText(m.body);
  if (!END.test(body)) return null;
  return bounce('GMX', recipients(section(body, START, END) ?? ''), originalMessageId(m, END));
});
