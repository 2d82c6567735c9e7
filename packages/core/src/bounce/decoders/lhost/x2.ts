import type { DecodedRecipient } from '../contract';
import { recipientsOf } from './qmail';
import {
  bounce,
  findAddress,
  MAX_RECIPIENTS,
  originalMessageId,
  recipientFrom,
  safely,
  scanText,
  section,
} from './util';

/**
 * "X2": a qmail-derived provider template ("Message from example.com. Unable to deliver message to
 * the following address(es).", then `<address>:` and the error, then "--- Original message
 * follows."). Same recipient layout as qmail, different markers.
 */
const MARKER = /^Unable to deliver message to the following address\(es\)\.?/im;
const END = /^--- Original message follows\./im;

/**
 * The same provider's newer "NOTICE: Delivery Failure." layout: "Delivery failed: address", the
 * qmail-style sentence ("... failed after I sent the message."), "Remote host said[Response
 * Message]: 554 ...", and "STEP: DATA SEND" naming the SMTP step.
 */
const NOTICE = /^NOTICE: Delivery Failure\.\s*$/m;
const FAILED = /^Delivery failed:\s*(\S{1,300})\s*$/gm;

function notice(body: string): DecodedRecipient[] {
  const out: DecodedRecipient[] = [];
  for (const hit of body.matchAll(FAILED)) {
    if (out.length >= MAX_RECIPIENTS) break;
    const rest = body.slice((hit.index ?? 0) + hit[0].length);
    const block = rest.split(/^Delivery failed:|^\s*$\n^\s*$/m)[0] ?? '';
    const step = /^STEP:\s*(\w+)/m.exec(block)?.[1]?.toUpperCase();
    out.push(
      recipientFrom(findAddress(hit[1]), block.replace(/^STEP:.*$/m, ''), {
        action: 'failed',
        command: step,
      }),
    );
  }
  return out;
}

export const X2 = safely('X2', (m) => {
  const body = scanText(m.body);
  const head = body.slice(0, 4000);
  if (NOTICE.test(head)) return bounce('X2', notice(body), originalMessageId(m));
  if (!MARKER.test(head)) return null;
  return bounce('X2', recipientsOf(section(body, MARKER, END) ?? ''), originalMessageId(m, END));
});
