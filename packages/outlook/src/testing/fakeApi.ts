import {
  ApiError,
  type ChannelInfo,
  type FeedEvent,
  type FeedHandlers,
  type QuotaInfo,
  type SendAccepted,
  type SendRequest,
  type SendwellApi,
  type Template,
  type TemplateAnalytics,
} from '../api/types';

/** A working in-memory Sendwell server for component tests. */
export class FakeApi implements SendwellApi {
  channel: ChannelInfo | ApiError = {
    channel: {
      kind: 'exchange',
      label: 'Exchange Online — your mailbox',
      address: 'rep@contoso.test',
      profileId: 'exchange-online',
    },
    forced: true,
    explanation: 'Sent through Exchange Online — your mailbox.',
  };
  quota: QuotaInfo = {
    profileId: 'exchange-online',
    used: { messages: 3, recipients: 12, external: 10 },
    limits: { messages: null, recipients: 9000, external: null },
    remaining: { messages: null, recipients: 8988, external: null },
    windows: [{ id: 'per-minute', label: '30 messages a minute', metric: 'messages', used: 0, target: 27 }],
    nextFreeAt: null,
    pausedUntil: null,
    queued: 0,
  };
  templates: Template[] = [];
  analytics = new Map<string, TemplateAnalytics>();
  readonly sends: SendRequest[] = [];
  sendAnswer: (request: SendRequest) => SendAccepted | ApiError = (request) => ({
    id: `send-${this.sends.length}`,
    status: 'queued',
    sendAt: null,
    explanation: `Through Exchange Online for ${request.to.join(', ')}`,
  });
  analyticsRequests = 0;
  private feedHandlers = new Set<FeedHandlers>();

  async getChannel() {
    if (this.channel instanceof ApiError) throw this.channel;
    return this.channel;
  }
  async getQuota() {
    return this.quota;
  }
  async listTemplates() {
    return this.templates;
  }
  async getTemplateAnalytics(templateId: string) {
    this.analyticsRequests++;
    const found = this.analytics.get(templateId);
    if (!found) throw new ApiError('not-found', `No template ${templateId}`, 404);
    return found;
  }
  async createSend(request: SendRequest) {
    this.sends.push(request);
    const answer = this.sendAnswer(request);
    if (answer instanceof ApiError) throw answer;
    return answer;
  }
  subscribeFeed(handlers: FeedHandlers) {
    this.feedHandlers.add(handlers);
    handlers.onStatus?.('open');
    return () => {
      this.feedHandlers.delete(handlers);
    };
  }

  /** What the server would push down the SSE stream. */
  emit(event: FeedEvent) {
    for (const handlers of this.feedHandlers) handlers.onEvent(event);
  }
  get subscribers() {
    return this.feedHandlers.size;
  }
}
