import type { AnalyticsCounts } from '../api/wire';

/** Events that move a template's or campaign step's counters. */
export type DeliveryEvent =
  | { type: 'sent'; sendId: string; at: string /** To + Cc + Bcc of the message. */; recipients: number }
  | {
      type: 'bounced';
      sendId: string;
      at: string;
      recipient: string;
      hard: boolean | null;
      delayed: boolean;
    }
  /** A person answered the message (auto-replies and out-of-office are never sent as this event). */
  | { type: 'replied'; sendId: string; at: string; from: string };

export const emptyCounts = (): AnalyticsCounts => ({
  messages: 0,
  recipients: 0,
  messagesBounced: 0,
  recipientsBounced: 0,
  recipientsHardBounced: 0,
  recipientsSoftBounced: 0,
  recipientsDelayed: 0,
  messagesReplied: 0,
});

/** What we know of one recipient of one message: failed (hard, soft, unknown) or only delayed. */
type RecipientFate = { failed: true; hard: boolean | null } | { failed: false };

/**
 * Fold events into counts, messages and recipients apart: one message to two recipients with one
 * bounce is "1 message · 2 recipients · 1 recipient bounced", never "1 sent · 1 bounced". Each
 * recipient counts once however many notices arrive (a delay then a failure is one failure; a
 * rescanned notice is not counted twice); a hard verdict wins over an unclassified or soft one.
 * A message with replies counts once in `messagesReplied`, however many replies it got.
 */
export function countDeliveries(events: Iterable<DeliveryEvent>): AnalyticsCounts {
  const counts = emptyCounts();
  const sent = new Map<string, number>();
  const fates = new Map<string, Map<string, RecipientFate>>();
  const replied = new Set<string>();
  for (const event of events) {
    if (event.type === 'sent') {
      sent.set(event.sendId, event.recipients);
      continue;
    }
    if (event.type === 'replied') {
      replied.add(event.sendId); // one per message, however many people answer or how often
      continue;
    }
    const perSend = fates.get(event.sendId) ?? new Map<string, RecipientFate>();
    fates.set(event.sendId, perSend);
    const key = event.recipient.toLowerCase();
    perSend.set(key, merge(perSend.get(key), event));
  }
  for (const recipients of sent.values()) {
    counts.messages++;
    counts.recipients += recipients;
  }
  for (const perSend of fates.values()) {
    let anyFailed = false;
    for (const fate of perSend.values()) {
      if (!fate.failed) {
        counts.recipientsDelayed++;
        continue;
      }
      anyFailed = true;
      counts.recipientsBounced++;
      if (fate.hard === true) counts.recipientsHardBounced++;
      if (fate.hard === false) counts.recipientsSoftBounced++;
    }
    if (anyFailed) counts.messagesBounced++;
  }
  counts.messagesReplied = replied.size;
  return counts;
}

function merge(
  known: RecipientFate | undefined,
  event: Extract<DeliveryEvent, { type: 'bounced' }>,
): RecipientFate {
  if (event.delayed) return known ?? { failed: false };
  if (known?.failed && (known.hard === true || event.hard === null)) return known;
  return { failed: true, hard: event.hard };
}
