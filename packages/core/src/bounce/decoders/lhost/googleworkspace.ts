import type { BounceMessage } from '../contract';
import {
  bounce,
  failedRecipientsHeader,
  findAddress,
  hasUsableDeliveryStatus,
  oneLine,
  originalMessageId,
  recipientFrom,
  safely,
  scanText,
  section,
} from './util';

/**
 * Gmail / Google Workspace's current notice ("** Address not found **", "** Message not delivered
 * **", "** Message blocked **" headline, an explanation, "The response (from the remote server)
 * was:" and the answer) when it arrives without a usable delivery-status part. The recipient is
 * the one the text names ("wasn't delivered to x@y"), else X-Failed-Recipients, else the
 * returned message's To:.
 */
const HEADLINE = /^\*\* [A-Z][^*\n]{2,60} \*\*\s*$/m;
const RESPONSE = /^The response(?: from the remote server)? was:\s*$/im;
const NAMED = /(?:wasn't delivered to|was not delivered to|to) (\S{1,256}@[^\s,]{1,255}?)\.?(?:\s|$)/i;

function isWorkspace(m: BounceMessage): boolean {
  return (
    /@(?:googlemail|gmail|google)\.com/i.test(m.from) &&
    HEADLINE.test(m.body.slice(0, 2000)) &&
    !hasUsableDeliveryStatus(m)
  );
}

function returnedTo(m: BounceMessage): string {
  const returned = m.returnedMessage ?? section(scanText(m.body), /^-{3} message\/rfc822 -{3}$/m) ?? '';
  return findAddress(/^To:\s*(.*)$/im.exec(returned.slice(0, 20_000))?.[1]);
}

export const GoogleWorkspace = safely('GoogleWorkspace', (m) => {
  if (!isWorkspace(m)) return null;
  const body = scanText(m.body);
  const intro = oneLine(body.slice(0, 2000).split(RESPONSE)[0] ?? '');
  const response = oneLine(section(body, RESPONSE, /^-{3} |^\s*$\n^\s*$/m) ?? '');
  const address = findAddress(NAMED.exec(intro)?.[1]) || returnedTo(m) || failedRecipientsHeader(m)[0] || '';
  if (!address) return null;
  const diagnostic = response || intro;
  const delayed = /^\*\* (?:Delivery delayed|Message delayed|Delivery incomplete) \*\*/im.test(
    body.slice(0, 2000),
  );
  const inReplyTo = /<([^<>\s]{1,500})>/.exec(m.header('in-reply-to'))?.[1];
  // Gmail refusing to relay for a misconfigured "Send mail as" alias: the sender was rejected.
  const reason = /'Send mail as'/i.test(intro) ? 'rejected' : undefined;
  return bounce(
    'GoogleWorkspace',
    [recipientFrom(address, diagnostic, { action: delayed ? 'delayed' : 'failed', reason })],
    originalMessageId(m) ?? inReplyTo,
  );
});
