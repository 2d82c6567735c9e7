/** Shapes of the Sendwell HTTP API the pane uses (docs/contracts.md, "Server HTTP API"). */

import type { ChannelInfo, FeedEvent, QuotaInfo, SendRequestBody, TemplateAnalytics } from '@sendwell/core';

export type { ChannelInfo, FeedEvent, QuotaInfo, SendRequestBody, TemplateAnalytics } from '@sendwell/core';

/** `GET /api/me`: who the rep is (the feed's "mine" filter needs the id). */
export interface Me {
  user: { id: string; email: string; name: string };
}

export interface Template {
  id: string;
  name: string;
  subject: string;
  /** HTML with `{{recipient.firstName}}`-style fields. */
  body: string;
}

/** One accepted send: one per outgoing message (N for "one email each"). */
export interface SendAccepted {
  id: string;
  status: string;
  sendAt: string | null;
  channel?: unknown;
  explanation?: string;
  /** The message's recipients (for "one email each", the one person it was merged for). */
  to?: string[];
}

/**
 * `POST /api/sends`: `sends` holds one accepted send per outgoing message, `send` the first;
 * `duplicate` is true when this draft's idempotency key was used before (nothing new was sent).
 */
export interface SendsAnswer {
  send: SendAccepted;
  sends: SendAccepted[];
  duplicate: boolean;
}

/** The server's error JSON, `{"error":{"code","message"}}`, or one we make for network failures. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type Unsubscribe = () => void;

export interface FeedHandlers {
  onEvent(event: FeedEvent): void;
  onStatus?(status: 'connecting' | 'open' | 'error'): void;
}

/** Everything the pane asks of the server. Components get this port; tests give them a fake. */
export interface SendwellApi {
  getMe(): Promise<Me>;
  getChannel(): Promise<ChannelInfo>;
  getQuota(): Promise<QuotaInfo>;
  listTemplates(): Promise<Template[]>;
  getTemplateAnalytics(templateId: string): Promise<TemplateAnalytics>;
  createSend(request: SendRequestBody): Promise<SendsAnswer>;
  /** The team's events (each says whose it is), so the pane can filter mine / team without reconnecting. */
  subscribeFeed(handlers: FeedHandlers): Unsubscribe;
}
