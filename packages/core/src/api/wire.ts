import type { z } from 'zod';
import type { batchInfoSchema, channelInfoSchema, quotaInfoSchema, quotaWindowInfoSchema } from './v1/quota';

/**
 * Shapes on the wire of Sendwell's HTTP API that more than one front end reads. Each is defined once,
 * as a zod schema in `./v1` (which also generates `/api/v1/openapi.json`); these are its types, so
 * the Outlook pane, the Gmail add-on, the web app and the server cannot drift apart.
 */

export type { AnalyticsCounts, TemplateAnalytics } from './v1/analytics';
export type { FeedEvent, FeedEventDetail, FeedEventType } from './v1/feed';

/** `GET /api/v1/channel?host=…`: the channel a send from that host uses. */
export type ChannelInfo = z.infer<typeof channelInfoSchema>;

/** One rolling window of the mailbox's profile: the provider's ceiling, our target and what is used. */
export type QuotaWindowInfo = z.infer<typeof quotaWindowInfoSchema>;

/** The batch setting as the planner applies it: requested, effective, and why it was clamped. */
export type BatchInfo = z.infer<typeof batchInfoSchema>;

type QuotaWire = z.infer<typeof quotaInfoSchema>;
/**
 * `GET /api/v1/quota?host=…`: today's budget of the mailbox. `When` is `string` on the wire (ISO 8601);
 * the server builds it with `Date`s and turns them into those strings at the edge.
 */
export type QuotaInfo<When = string> = Omit<QuotaWire, 'nextFreeAt' | 'pausedUntil'> & {
  nextFreeAt: When | null;
  pausedUntil: When | null;
};
