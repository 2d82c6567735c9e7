/** Shapes of the Sendwell HTTP API the pane uses (docs/contracts.md, "Server HTTP API"). */

import type { FeedEventType, TemplateAnalytics } from '@sendwell/core';

export type { FeedEventType, TemplateAnalytics } from '@sendwell/core';

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

export interface SendRequest {
  host: 'outlook';
  to: string[];
  cc?: string[];
  bcc?: string[];
  subject: string;
  body: string;
  templateId?: string;
  idempotencyKey: string;
}

export interface SendAccepted {
  id: string;
  status: string;
  sendAt: string | null;
  channel?: unknown;
  explanation?: string;
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
  createSend(request: SendRequest): Promise<SendAccepted>;
  subscribeFeed(handlers: FeedHandlers): Unsubscribe;
}
