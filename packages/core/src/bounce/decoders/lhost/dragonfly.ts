import {
  bounce,
  findAddress,
  originalMessageId,
  type ReasonTable,
  reasonFrom,
  recipientFrom,
  safely,
  scanText,
  section,
} from './util';

/**
 * DragonFly Mail Agent (dma): "This is the DragonFly Mail Agent ... There was an error delivering
 * your mail to <address>." followed by the remote answer, then "Message headers follow." or
 * "Original message follows.". One recipient per notice. dma gives up after its queue lifetime
 * ("Could not deliver for the last N seconds. Giving up.") and reports that as a failure.
 */
const MARKER = /This is the DragonFly Mail Agent/i;
const START = /There was an error delivering your mail to (<[^>\n]{1,300}>|\S{1,300})\.?/i;
const END = /^(?:Message headers follow\.|Original message follows\.)/im;

const DMA_REASONS: ReasonTable = [
  [/Could not deliver for the last \d+ seconds\. Giving up/i, 'expired'],
  [/DNS lookup failure: host .{1,300} not found/i, 'hostunknown'],
];

export const DragonFly = safely('DragonFly', (m) => {
  const body = scanText(m.body);
  if (!MARKER.test(body.slice(0, 4000))) return null;
  const start = START.exec(body);
  const address = start ? findAddress(start[1]) : '';
  if (!address) return null;
  const diagnostic = section(body, START, END) ?? '';
  const recipient = recipientFrom(address, diagnostic, {
    action: 'failed',
    reason: reasonFrom(diagnostic, DMA_REASONS),
  });
  return bounce('DragonFly', [recipient], originalMessageId(m, END));
});
