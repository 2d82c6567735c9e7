/** Shapes of `/api/v1` the pane uses: core's wire types (`z.infer` of the schemas the server documents). */

import type {
  ChannelInfo,
  ConnectionsAnswer,
  ConnectStart,
  CreateSendAnswer,
  FeedEvent,
  Me as MeAnswer,
  OAuthProvider,
  QuotaInfo,
  SendRequestBody,
  TemplateAnalytics,
  TemplateInfo,
} from '@sendwell/core';

export type {
  ChannelInfo,
  ConnectionInfo,
  ConnectionsAnswer,
  ConnectStart,
  FeedEvent,
  QuotaInfo,
  SendRequestBody,
  TemplateAnalytics,
} from '@sendwell/core';

/** `POST /api/v1/sends`: the accepted sends (one per message) and whether the draft was sent before. */
export type SendsAnswer = CreateSendAnswer;
export type AcceptedSend = CreateSendAnswer['send'];

/** `GET /api/v1/me`: who the rep is (the feed's "mine" filter needs the id). */
export interface Me {
  user: Pick<MeAnswer['user'], 'id' | 'email' | 'name'>;
}

/** What the pane reads of a template (`GET /api/v1/templates` pages core's `TemplateInfo`). */
export type Template = Pick<TemplateInfo, 'id' | 'name' | 'subject' | 'body'>;

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
  /** `GET /api/v1/connections`: the rep's mailboxes, their state, and what they may connect. */
  getConnections(): Promise<ConnectionsAnswer>;
  /** `POST /api/v1/connections/{provider}/start`: the consent page to open for a (re)connect. */
  startConnect(provider: OAuthProvider): Promise<ConnectStart>;
  /** The team's events (each says whose it is), so the pane can filter mine / team without reconnecting. */
  subscribeFeed(handlers: FeedHandlers): Unsubscribe;
}
