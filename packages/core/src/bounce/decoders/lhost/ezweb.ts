import type { BounceReason } from '../../types';
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
} from './util';

/**
 * au by KDDI EZweb (ezweb.ne.jp) "Mail System Error - Returned Mail": Japanese and English
 * sentences, then `<address>` (optionally `: reply`) or "Recipient: <address>" lines, sometimes
 * an SMTP exchange (`>>> RCPT TO:<...>` / `<<< 550 ...`). EZweb's own sentences name the cause:
 * "The user(s) account is disabled." (suspend) and "Your message was not delivered within N days"
 * (EZweb gave up retrying: expired).
 */
const END = /^-{10,}\s*$|^Received: /m;
const ADDRESS_LINE = /^\s*(?:Recipient:\s*)?<([^<>\s]{1,256}@[^<>\s]{1,255})>:?\s*(.*)$/;

const SENTENCE_REASONS: [RegExp, BounceReason][] = [
  [/The user\(s\) account is disabled/i, 'suspend'],
  [/was not delivered within \d+ days/i, 'expired'],
];

function isEZweb(m: BounceMessage): boolean {
  return /@ezweb\.ne\.jp/i.test(m.from) && /Mail System Error - Returned Mail/i.test(m.subject);
}

function recipients(text: string): DecodedRecipient[] {
  const reason = SENTENCE_REASONS.find(([re]) => re.test(text))?.[1];
  const sentences = oneLine(
    text
      .split('\n')
      .filter((l) => /^[\x20-\x7e]+$/.test(l) && !ADDRESS_LINE.test(l))
      .join(' '),
  );
  const found = new Map<string, string[]>();
  let current: string[] | null = null;
  for (const line of text.split('\n')) {
    const hit = ADDRESS_LINE.exec(line);
    if (hit && found.size < MAX_RECIPIENTS) {
      const address = findAddress(`<${hit[1]}>`);
      current = found.get(address) ?? [];
      if (hit[2]) current.push(hit[2]);
      found.set(address, current);
    } else if (current && /^\s*(?:>>>|<<<)/.test(line)) current.push(line.trim());
  }
  return [...found].map(([address, lines]) => {
    const command = /^>>> (RCPT|MAIL|DATA)/i
      .exec(lines.find((l) => l.startsWith('>>>')) ?? '')?.[1]
      ?.toUpperCase();
    // With no SMTP exchange, "rejected by a remote mail server" is EZweb's own domain filter.
    const filtered =
      !lines.length && /Each of the following recipients was rejected/i.test(sentences)
        ? 'filtered'
        : undefined;
    return recipientFrom(address, lines.length ? lines.join(' ') : sentences, {
      action: 'failed',
      reason: reason ?? filtered,
      command,
    });
  });
}

export const EZweb = safely('EZweb', (m) => {
  if (!isEZweb(m)) return null;
  const body = scanText(m.body);
  const end = END.exec(body);
  return bounce('EZweb', recipients(end ? body.slice(0, end.index) : body), originalMessageId(m, END));
});
