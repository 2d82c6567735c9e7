import { z } from 'zod';
import { isoTime } from './common';
import { CONNECTION_EVENT_TYPES } from './connections';

/** `/api/v1/feed` and `/api/v1/feed/stream`: the live feed's events (clients fold them per send). */

export const FEED_EVENT_TYPES = [
  'send.queued',
  'send.rescheduled',
  'send.submitted',
  'send.failed',
  'send.cancelled',
  'bounce',
  'throttle.paused',
  'throttle.resumed',
  'send.held',
  ...CONNECTION_EVENT_TYPES,
  // Issue 9: replies, unsubscribes, complaints, campaigns, suppression, engagement.
  'reply',
  'auto-reply',
  'unsubscribe',
  'complaint',
  'campaign.enrolled',
  'campaign.left',
  'campaign.finished',
  'campaign.paused',
  'campaign.resumed',
  'suppression.added',
  'suppression.lifted',
  'engagement.open',
  'engagement.click',
] as const;
export const feedEventTypeSchema = z.enum(FEED_EVENT_TYPES).meta({ id: 'FeedEventType' });

export const feedEventDetailSchema = z
  .object({
    hard: z.boolean().nullable().optional(),
    reason: z.string().nullable().optional(),
    status: z.string().nullable().optional(),
    action: z.string().nullable().optional(),
  })
  .catchall(z.unknown())
  .meta({
    id: 'FeedEventDetail',
    description:
      'Bounces: `hard`, `reason`, `status`, `action`, `diagnostic`, `subject`; sends: `to`, `subject`, `sendAt`, `error`, `channel`; a held-back send (`send.rescheduled`): `sendAt`, `previousSendAt`, `limitedBy`, `windowId`, `profileId`, `reason`; pauses: `until`, `reason`; `send.held`: `state`, `problem`; connection events: `mailboxId`, `provider`, `address`, `problem`, `released`.',
  });

export const feedEventSchema = z
  .object({
    id: z
      .number()
      .int()
      .meta({ description: 'The event id (also the SSE id), so a client can drop replayed events.' }),
    type: feedEventTypeSchema,
    at: isoTime,
    userId: z.string().optional().meta({ description: "Whose event it is; a teammate's in the team scope." }),
    sendId: z.string().nullable(),
    recipient: z.string().nullable(),
    templateId: z.string().nullable(),
    detail: feedEventDetailSchema,
  })
  .meta({ id: 'FeedEvent' });

export const feedPageSchema = z
  .object({ items: z.array(feedEventSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'FeedPage' });

/** `?scope=mine|team&bouncesOnly=true`: whose events (team = the reader's tenant) and whether only bounces. */
export const feedFilterSchema = z.object({
  scope: z.enum(['mine', 'team']).default('mine'),
  bouncesOnly: z
    .enum(['1', '0', 'true', 'false'])
    .optional()
    .transform((v) => v === '1' || v === 'true')
    .meta({ description: 'Only the events of sends that bounced (each such send with its whole life).' }),
});

export type FeedEventType = z.infer<typeof feedEventTypeSchema>;
export type FeedEventDetail = z.infer<typeof feedEventDetailSchema>;
export type FeedEvent = z.infer<typeof feedEventSchema>;
