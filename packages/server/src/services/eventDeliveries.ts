import type { DeliveryEvent } from '@sendwell/core';
import type { TemplateEventRow } from '../store/events';

/** Stored events → the analytics fold's input. Bounces we could not attribute to a send are skipped. */
export function* eventDeliveries(events: TemplateEventRow[]): Generator<DeliveryEvent> {
  for (const event of events) {
    if (!event.sendId) continue;
    const at = event.at.toISOString();
    if (event.type === 'send.submitted')
      yield { type: 'sent', sendId: event.sendId, at, recipients: event.recipients };
    // A person's answer (automatic ones are `auto-reply` events and never count).
    if (event.type === 'reply')
      yield { type: 'replied', sendId: event.sendId, at, from: event.recipient ?? '' };
    if (event.type === 'bounce') {
      yield {
        type: 'bounced',
        sendId: event.sendId,
        at,
        recipient: event.recipient ?? '',
        hard: (event.detail.hard as boolean | null) ?? null,
        delayed: event.detail.action === 'delayed',
      };
    }
  }
}
