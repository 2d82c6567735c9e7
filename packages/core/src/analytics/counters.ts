/** Events that move a template's or campaign step's counters. */
export type DeliveryEvent =
  | { type: 'sent'; sendId: string; at: string }
  | {
      type: 'bounced';
      sendId: string;
      at: string;
      recipient: string;
      hard: boolean | null;
      delayed: boolean;
    };

export interface DeliveryCounters {
  sent: number;
  /** Emails with at least one failed (not merely delayed) recipient. */
  bounced: number;
  hardBounced: number;
  softBounced: number;
  delayed: number;
}

export const emptyCounters = (): DeliveryCounters => ({
  sent: 0,
  bounced: 0,
  hardBounced: 0,
  softBounced: 0,
  delayed: 0,
});

/**
 * Fold events into counters. A send counts as bounced once, however many notices arrive for it (a
 * delay notice followed by a failure is one bounce, and a retried scan must not double count).
 */
export function countDeliveries(events: Iterable<DeliveryEvent>): DeliveryCounters {
  const counters = emptyCounters();
  const sent = new Set<string>();
  const failed = new Map<string, boolean | null>();
  const delayed = new Set<string>();
  for (const event of events) {
    if (event.type === 'sent') sent.add(event.sendId);
    else if (event.delayed) delayed.add(event.sendId);
    else if (!failed.has(event.sendId) || event.hard) failed.set(event.sendId, event.hard);
  }
  counters.sent = sent.size;
  counters.bounced = failed.size;
  for (const hard of failed.values()) {
    if (hard) counters.hardBounced++;
    else counters.softBounced++;
  }
  counters.delayed = [...delayed].filter((id) => !failed.has(id)).length;
  return counters;
}
