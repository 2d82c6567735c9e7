import type { DeliveryCounters } from '../analytics/counters';

/**
 * Shapes on the wire of Sendwell's HTTP API that more than one front end reads. One definition, so
 * the Outlook pane, the Gmail add-on and the server cannot drift apart.
 */

/** `GET /api/templates/:id/analytics`. */
export interface TemplateAnalytics extends DeliveryCounters {
  templateId: string;
}

export type FeedEventType =
  | 'send.queued'
  | 'send.submitted'
  | 'send.failed'
  | 'bounce'
  | 'throttle.paused'
  | 'throttle.resumed';

/** One live-feed event: the SSE `data` of `GET /api/feed`, and the items of `/api/feed/recent`. */
export interface FeedEvent {
  /** The server's event id (also the SSE id), so a client can drop events replayed on reconnect. */
  id: number;
  type: FeedEventType;
  at: string;
  sendId: string | null;
  recipient: string | null;
  templateId: string | null;
  /**
   * Bounces: `hard`, `reason` (Sisimai name), `status`, `action`, `diagnostic`, `subject`; sends: `to`,
   * `subject`, `sendAt`, `error`; pauses: `until`, `reason`.
   */
  detail: FeedEventDetail;
}

export type FeedEventDetail = {
  hard?: boolean | null;
  reason?: string | null;
  status?: string | null;
  action?: string | null;
} & Record<string, unknown>;
