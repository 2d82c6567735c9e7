import { getProfile, quotaInfo, quotaSnapshot } from '@sendwell/core';
import {
  type AcceptedSend,
  ApiError,
  type ChannelInfo,
  type ConnectionInfo,
  type ConnectionsAnswer,
  type ConnectStart,
  type EnrolPerson,
  type FeedEvent,
  type FeedHandlers,
  type Me,
  type QuotaInfo,
  type SendRequestBody,
  type SendsAnswer,
  type SendwellApi,
  type Template,
  type TemplateAnalytics,
} from '../api/types';
import { FakeCampaigns } from './fakeCampaigns';

/** What the server answers for a mailbox with this much sent in the last 24 h: core's own quota read model. */
export function quotaAfter(
  sends: { at: string; recipients: number }[],
  now = new Date('2026-03-02T09:00:00Z'),
  extras: { pausedUntil?: string; pauseReason?: string; queued?: number } = {},
): QuotaInfo {
  const profile = getProfile('exchange-online');
  const history = sends.map((send) => ({ at: new Date(send.at), recipients: send.recipients, external: 0 }));
  const pausedUntil = extras.pausedUntil ? new Date(extras.pausedUntil) : null;
  const snapshot = quotaSnapshot(profile, history, now, { pausedUntil });
  const more = { pausedUntil, pauseReason: extras.pauseReason ?? null, queued: extras.queued ?? 0 };
  return quotaInfo(profile, snapshot, more, (at) => at.toISOString());
}

/** One accepted send as the server answers it, due now unless said otherwise. */
export function acceptedSend(partial: Partial<AcceptedSend> & Pick<AcceptedSend, 'id'>): AcceptedSend {
  return {
    status: 'scheduled',
    sendAt: '2026-03-02T09:00:00.000Z',
    mailboxId: 'mbx-rep',
    channel: { kind: 'exchange', label: 'Exchange Online — your mailbox' },
    explanation: 'Sends through Exchange Online — your mailbox.',
    to: [],
    ...partial,
  };
}

/** A connection as `GET /api/v1/connections` lists it: Ava's Exchange Online mailbox, connected. */
export function connectionInfo(partial: Partial<ConnectionInfo> = {}): ConnectionInfo {
  return {
    mailboxId: 'mbx-rep',
    provider: 'exchange',
    address: 'rep@contoso.test',
    state: 'connected',
    problem: null,
    since: '2026-03-01T09:00:00.000Z',
    heldSends: 0,
    bounceTracking: true,
    ...partial,
  };
}

/** A working in-memory Sendwell server for component tests. */
export class FakeApi implements SendwellApi {
  me: Me = { user: { id: 'u-rae', email: 'rep@contoso.test', name: 'Rae Rep' } };
  channel: ChannelInfo | ApiError = {
    channel: {
      kind: 'exchange',
      label: 'Exchange Online — your mailbox',
      address: 'rep@contoso.test',
      profileId: 'exchange-online',
    },
    forced: true,
    explanation: 'Sent through Exchange Online — your mailbox.',
    override: null,
  };
  quota: QuotaInfo = quotaAfter([{ at: '2026-03-02T08:00:00Z', recipients: 12 }]);
  templates: Template[] = [];
  analytics = new Map<string, TemplateAnalytics>();
  /** Every request posted, duplicates included. */
  readonly sends: SendRequestBody[] = [];
  /** The first answer per idempotency key: a repeat is answered `duplicate: true`, as the server does. */
  private readonly accepted = new Map<string, AcceptedSend[]>();
  private nextSendId = 0;
  /** One accepted send per outgoing message: one per To recipient for "one email each". */
  sendAnswer: (request: SendRequestBody) => AcceptedSend[] | ApiError = (request) => {
    const messages = request.personalise === 'each' ? request.to.map((to) => [to]) : [request.to];
    return messages.map((to) => acceptedSend({ id: `send-${++this.nextSendId}`, to }));
  };
  connections: ConnectionsAnswer | ApiError = { connections: [connectionInfo()], connectable: ['microsoft'] };
  /** What `POST /api/v1/connections/microsoft/start` answers. */
  connectStart: ConnectStart | ApiError = {
    authorizationUrl: 'https://login.example.test/authorize?state=s1',
    expiresAt: '2026-03-02T09:10:00.000Z',
  };
  analyticsRequests = 0;
  /** Every call the pane made, by method name, in order. */
  readonly calls: string[] = [];
  private feedHandlers = new Set<FeedHandlers>();

  async getMe() {
    this.calls.push('getMe');
    return this.me;
  }
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
  async getConnections() {
    this.calls.push('getConnections');
    if (this.connections instanceof ApiError) throw this.connections;
    return structuredClone(this.connections);
  }
  async startConnect(provider: string) {
    this.calls.push(`startConnect:${provider}`);
    if (this.connectStart instanceof ApiError) throw this.connectStart;
    return this.connectStart;
  }
  /** The rep's templates by their sends, newest first (what `GET /templates/recent` answers). */
  recent: Template[] = [];
  /** Every search asked, in order. */
  readonly searches: string[] = [];
  async searchTemplates(q: string) {
    this.calls.push('searchTemplates');
    this.searches.push(q);
    const needle = q.trim().toLowerCase();
    return this.templates.filter((t) => `${t.name}\n${t.subject}`.toLowerCase().includes(needle));
  }
  async recentTemplates() {
    this.calls.push('recentTemplates');
    return [...this.recent];
  }
  /** Sends cancelled, by id; `cancelAnswer` makes the next cancel fail instead. */
  readonly cancelled: string[] = [];
  cancelAnswer: ApiError | null = null;
  async cancelSend(sendId: string) {
    this.calls.push('cancelSend');
    if (this.cancelAnswer) throw this.cancelAnswer;
    this.cancelled.push(sendId);
  }
  readonly campaignServer = new FakeCampaigns();
  async listCampaigns() {
    this.calls.push('listCampaigns');
    return structuredClone(this.campaignServer.campaigns);
  }
  async enrol(campaignId: string, people: EnrolPerson[]) {
    this.calls.push('enrol');
    return this.campaignServer.enrol(campaignId, people);
  }
  async getPerson(email: string) {
    this.calls.push('getPerson');
    return this.campaignServer.person(email);
  }
  async removePerson(email: string, campaignId: string) {
    this.calls.push('removePerson');
    return this.campaignServer.remove(email, campaignId);
  }
  subscribeFeed(handlers: FeedHandlers) {
    this.calls.push('subscribeFeed');
    this.feedHandlers.add(handlers);
    handlers.onStatus?.('open');
    return () => {
      this.feedHandlers.delete(handlers);
    };
  }

  private nextEventId = 1000;
  /** What the server would push down the SSE stream (ids and empty fields filled in as it does). */
  emit(event: Partial<FeedEvent> & Pick<FeedEvent, 'type' | 'at'>): FeedEvent {
    const full: FeedEvent = {
      id: ++this.nextEventId,
      userId: this.me.user.id,
      sendId: null,
      recipient: null,
      templateId: null,
      detail: {},
      ...event,
    };
    for (const handlers of this.feedHandlers) handlers.onEvent(full);
    return full;
  }
  get subscribers() {
    return this.feedHandlers.size;
  }
}
