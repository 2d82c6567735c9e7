/** Shapes of the Sendwell HTTP API the pane uses (docs/contracts.md, "Server HTTP API"). */

import type { FeedEventType, SendRequestBody, TemplateAnalytics } from '@sendwell/core';

export type { FeedEventType, SendRequestBody, TemplateAnalytics } from '@sendwell/core';

export interface ChannelInfo {
  channel: { kind: string; label: string; address: string; profileId: string };
  forced: boolean;
  explanation: string;
}

/** One of the provider's rolling windows, as core's `quotaSnapshot` reports it. */
export interface QuotaWindow {
  id: string;
  /** The provider's limit in words, e.g. "30 messages a minute". */
  label: string;
  metric: string;
  used: number;
  /** Sendwell's own ceiling inside the provider's limit. */
  target: number;
}

export interface QuotaInfo {
  profileId: string;
  /** Rolling 24 h counts: messages, recipients, external. */
  used: Record<string, number>;
  /** Daily targets per count; null where the provider sets no daily limit. */
  limits: Record<string, number | null>;
  remaining: Record<string, number | null>;
  windows?: QuotaWindow[];
  nextFreeAt: string | null;
  pausedUntil: string | null;
  pauseReason?: string | null;
  queued: number;
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

/**
 * The pane's reading of a feed event (core's `FeedEvent` is what the server sends). Deliberately
 * looser: the pane renders whatever arrives, even from an older or newer server.
 */
export interface FeedEvent {
  /** The server's event id (also the SSE id); lets the pane drop events replayed on reconnect. */
  id?: string | number;
  type: FeedEventType | (string & {});
  at: string;
  sendId?: string | null;
  recipient?: string | null;
  templateId?: string | null;
  detail?: unknown;
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
  getChannel(): Promise<ChannelInfo>;
  getQuota(): Promise<QuotaInfo>;
  listTemplates(): Promise<Template[]>;
  getTemplateAnalytics(templateId: string): Promise<TemplateAnalytics>;
  createSend(request: SendRequestBody): Promise<SendsAnswer>;
  subscribeFeed(handlers: FeedHandlers): Unsubscribe;
}
