import type { DecodedRecipient } from '../contract';
import {
  bounce,
  findAddress,
  isMailerDaemon,
  MAX_RECIPIENTS,
  originalMessageId,
  recipientFrom,
  safely,
  scanText,
} from './util';

/**
 * Zoho Mail: `address Invalid Address, ERROR_CODE :550, ERROR_CODE :5.1.1 text` lines after the
 * Exim-like opening; the delay warning lists `[Status: Error, Address: <address>, ResponseCode
 * 421, , text]` and "Message will be retried". The returned headers follow without a separator.
 */
const FAILED_LINE = /^(\S{1,256}@\S{1,255})\s+(?:Invalid Address|Error),\s*(ERROR_CODE.*)$/;
const DELAY_LINE = /^\[Status: \w+, Address: <([^<>\s]{1,300})>, ResponseCode (\d{3})?,[^,]*,\s*(.*)\]\s*$/;

function recipients(body: string): DecodedRecipient[] {
  const delayed = /Message will be retried|THIS IS A WARNING MESSAGE ONLY/i.test(body);
  const out: DecodedRecipient[] = [];
  for (const line of body.split('\n').slice(0, 2000)) {
    if (out.length >= MAX_RECIPIENTS) break;
    const failed = FAILED_LINE.exec(line.trim());
    if (failed) {
      const text = (failed[2] ?? '').replace(/ERROR_CODE :/g, '').replace(/,\s*,/g, ',');
      // Zoho's "Host not reachable" comes after its retries ran out: expired.
      const reason = /Host not reachable/i.test(text) ? 'expired' : undefined;
      out.push(
        recipientFrom(findAddress(failed[1]), text, { action: delayed ? 'delayed' : 'failed', reason }),
      );
      continue;
    }
    const delay = DELAY_LINE.exec(line.trim());
    if (delay)
      out.push(
        recipientFrom(findAddress(delay[1]), `${delay[2] ?? ''} ${delay[3]}`, {
          action: 'delayed',
          reason: 'expired',
        }),
      );
  }
  return out;
}

export const Zoho = safely('Zoho', (m) => {
  if (!isMailerDaemon(m.from) || !/@(?:\S+\.)?zoho(?:mail)?\.(?:com|eu|in|jp)\b/i.test(m.from)) return null;
  const body = scanText(m.body);
  return bounce('Zoho', recipients(body), originalMessageId(m, /^Received:/m));
});
