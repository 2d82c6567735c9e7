/** Shapes of `/api/v1` the pane uses: core's wire types (`z.infer` of the schemas the server documents). */

import type {
  Campaign,
  ChannelInfo,
  ConnectionsAnswer,
  ConnectStart,
  CreateSendAnswer,
  EnrolAnswer,
  EnrolPerson,
  FeedEvent,
  Me as MeAnswer,
  OAuthProvider,
  PersonStatus,
  QuotaInfo,
  SendRequestBody,
  TemplateAnalytics,
  TemplateInfo,
} from '@sendwell/core';

export type {
  Campaign,
  ChannelInfo,
  ConnectionInfo,
  ConnectionsAnswer,
  ConnectStart,
  EnrolAnswer,
  EnrolPerson,
  FeedEvent,
  PersonStatus,
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
  /** `GET /api/v1/templates?q=`: templates whose name or subject contains `q` (all pages). */
  searchTemplates(q: string): Promise<Template[]>;
  /** `GET /api/v1/templates/recent`: the rep's last distinct templates by their sends, newest first. */
  recentTemplates(): Promise<Template[]>;
  /** `POST /api/v1/sends/{id}/cancel`: a send still waiting in the outbox does not go out. */
  cancelSend(sendId: string): Promise<void>;
  /** `GET /api/v1/campaigns?scope=mine`: the rep's campaigns (all pages); the pane enrols into active ones. */
  listCampaigns(): Promise<Campaign[]>;
  /** `POST /api/v1/campaigns/{id}/enrolments` with source `outlook`: who joined, and each refused row with why. */
  enrol(campaignId: string, people: EnrolPerson[]): Promise<EnrolAnswer>;
  /** `GET /api/v1/people/{email}`: the person's campaigns in the team and any suppression. */
  getPerson(email: string): Promise<PersonStatus>;
  /** `POST /api/v1/people/{email}/remove`: out of that campaign; answers the person after. */
  removePerson(email: string, campaignId: string): Promise<PersonStatus>;
}
