import {
  ApiError,
  type ChannelInfo,
  type FeedEvent,
  type FeedHandlers,
  type QuotaInfo,
  type SendAccepted,
  type SendRequestBody,
  type SendsAnswer,
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
  /** Every request posted, duplicates included. */
  readonly sends: SendRequestBody[] = [];
  /** The first answer per idempotency key: a repeat is answered `duplicate: true`, as the server does. */
  private readonly accepted = new Map<string, SendAccepted[]>();
  private nextSendId = 0;
  /** One accepted send per outgoing message: one per To recipient for "one email each". */
  sendAnswer: (request: SendRequestBody) => SendAccepted[] | ApiError = (request) => {
    const messages = request.personalise === 'each' ? request.to.map((to) => [to]) : [request.to];
    return messages.map((to) => ({
      id: `send-${++this.nextSendId}`,
      status: 'queued',
      sendAt: null,
      explanation: `Through Exchange Online for ${to.join(', ')}`,
      to,
    }));
  };
  analyticsRequests = 0;
  /** Every call the pane made, by method name, in order. */
  readonly calls: string[] = [];
  private feedHandlers = new Set<FeedHandlers>();

  async getChannel() {
    this.calls.push('getChannel');
    if (this.channel instanceof ApiError) throw this.channel;
    return this.channel;
  }
  async getQuota() {
    this.calls.push('getQuota');
    return this.quota;
  }
  async listTemplates() {
    this.calls.push('listTemplates');
    return this.templates;
  }
  async getTemplateAnalytics(templateId: string) {
    this.calls.push('getTemplateAnalytics');
    this.analyticsRequests++;
    const found = this.analytics.get(templateId);
    if (!found) throw new ApiError('not-found', `No template ${templateId}`, 404);
    return found;
  }
  async createSend(request: SendRequestBody): Promise<SendsAnswer> {
    this.calls.push('createSend');
    this.sends.push(request);
    const earlier = this.accepted.get(request.idempotencyKey);
    if (earlier) return { send: earlier[0]!, sends: earlier, duplicate: true };
    const answer = this.sendAnswer(request);
    if (answer instanceof ApiError) throw answer;
    this.accepted.set(request.idempotencyKey, answer);
    return { send: answer[0]!, sends: answer, duplicate: false };
  }
  subscribeFeed(handlers: FeedHandlers) {
    this.calls.push('subscribeFeed');
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
