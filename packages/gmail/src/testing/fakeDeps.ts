import {
  type ConnectionInfo,
  getProfile,
  type OAuthProvider,
  personalise,
  quotaInfo,
  quotaSnapshot,
  sendRequestSchema,
} from '@sendwell/core';
import type { GoogleAuthConfig } from '../auth/verifyGoogleRequest';
import type {
  AcceptedSendView,
  AddonUser,
  CancelOutcome,
  ChannelView,
  DraftsPort,
  FeedItem,
  GmailAddonDeps,
  QuotaView,
  SavedDraft,
  SendOutcome,
  SendRequest,
  TemplateAnalyticsView,
  TemplateView,
} from '../deps';
import { emptyCampaignState, type FakeCampaignState, fakeCampaignDeps } from './fakeCampaigns';

/** One message the fake outbox accepted, as the server would queue it. */
interface FakeSend extends AcceptedSendView {
  userId: string;
  idempotencyKey: string;
  subject: string;
  body: string;
  cc: string[];
  bcc: string[];
  templateId: string | null;
}

/** A Sendwell user and the Google account (`sub`) bound to it. */
interface FakeUser extends AddonUser {
  subject: string;
}

/** In-memory stand-in for the server's services, for add-on tests and demos. */
export interface FakeAddonState {
  users: FakeUser[];
  /** The rep's Gmail connection (null: never connected). */
  connection: ConnectionInfo | null;
  /** Providers this Sendwell can connect. */
  connectable: OAuthProvider[];
  /** Every authorization URL handed out (each is a fresh OAuth state). */
  connectUrls: string[];
  channel: ChannelView;
  quota: QuotaView;
  templates: TemplateView[];
  feed: FeedItem[];
  /** The rep's saved Gmail drafts (what the Gmail UI saved), newest last. */
  drafts: SavedDraft[];
  /** Every message the add-on queued. */
  sends: FakeSend[];
  /** When set, createSend answers this rejection instead of queuing. */
  rejectSends: { code: string; message: string } | null;
  /** Campaigns, enrolments, suppressions, notices, recent templates, cancellations. */
  campaign: FakeCampaignState;
}

/** Today's budget of an unused Gmail Workspace mailbox, as core computes it for the server. */
export function emptyQuota(now = new Date('2026-03-02T10:00:00Z')): QuotaView {
  const profile = getProfile('gmail-workspace');
  const extras = { pausedUntil: null, pauseReason: null, queued: 0 };
  return quotaInfo(profile, quotaSnapshot(profile, [], now), extras, (at) => at.toISOString());
}

/** The `sub` createTestGoogle puts in a user ID token for this address unless told otherwise. */
export const testSubject = (email: string): string => `google-sub:${email}`;

/** A Gmail mailbox connected and sending. */
export function connectedGmail(address = 'rep@example.com'): ConnectionInfo {
  return {
    mailboxId: 'mbx-gmail',
    provider: 'gmail',
    address,
    state: 'connected',
    problem: null,
    since: '2026-03-01T09:00:00.000Z',
    heldSends: 0,
    bounceTracking: true,
  };
}

export function defaultFakeState(): FakeAddonState {
  return {
    users: [{ userId: 'u-gmail', email: 'rep@example.com', subject: testSubject('rep@example.com') }],
    connection: connectedGmail(),
    connectable: ['google'],
    connectUrls: [],
    channel: {
      available: true,
      label: 'Gmail',
      address: 'rep@example.com',
      profileId: 'gmail-workspace',
      forced: true,
      explanation: 'Sends from Gmail always go through your own Gmail mailbox.',
      override: null,
    },
    quota: emptyQuota(),
    templates: [
      {
        id: 't-intro',
        name: 'Intro',
        subject: 'Hello {{recipient.firstName}}',
        body: '<p>Hi {{recipient.firstName}}, quick intro.</p>',
      },
      {
        id: 't-plain',
        name: 'Plain',
        subject: 'Quick question',
        body: '<p>Do you have a minute this week?</p>',
      },
    ],
    feed: [],
    drafts: [],
    sends: [],
    rejectSends: null,
    campaign: emptyCampaignState(),
  };
}

const ZERO = {
  messages: 0,
  recipients: 0,
  messagesBounced: 0,
  recipientsBounced: 0,
  recipientsHardBounced: 0,
  recipientsSoftBounced: 0,
  recipientsDelayed: 0,
  messagesReplied: 0,
};

/** Analytics are derived from the fake feed so tests can drive them through events. */
function analyticsFrom(state: FakeAddonState, userId: string, templateId: string): TemplateAnalyticsView {
  const mine = state.feed.filter((item) => item.templateId === templateId);
  const bounces = mine.filter((item) => item.type === 'bounce');
  const failed = bounces.filter((b) => b.detail.action !== 'delayed');
  const team = {
    ...ZERO,
    messages: mine.filter((item) => item.type === 'send.submitted').length,
    recipients: mine.filter((item) => item.type === 'send.submitted').length,
    messagesBounced: failed.length,
    recipientsBounced: failed.length,
    recipientsHardBounced: failed.filter((b) => b.detail.hard === true).length,
    recipientsSoftBounced: failed.filter((b) => b.detail.hard === false).length,
    recipientsDelayed: bounces.length - failed.length,
  };
  return { templateId, team, mine: state.users.some((u) => u.userId === userId) ? team : ZERO };
}

/** Earlier sends of a draft key: its own key or its per-recipient keys, as the server finds them. */
const sendsFor = (state: FakeAddonState, userId: string, key: string) =>
  state.sends.filter(
    (s) => s.userId === userId && (s.idempotencyKey === key || s.idempotencyKey.startsWith(`${key}:`)),
  );

/** What POST /api/sends does: core's schema, core's personalise, one send per message, once per key. */
function queue(state: FakeAddonState, userId: string, input: SendRequest): SendOutcome {
  if (state.rejectSends) return { outcome: 'rejected', ...state.rejectSends };
  const parsed = sendRequestSchema.safeParse({ ...input, host: 'gmail' });
  if (!parsed.success)
    return {
      outcome: 'rejected',
      code: 'invalid-request',
      message: `Not sent: ${parsed.error.issues.map((i) => i.message).join('; ')}`,
    };
  const request = parsed.data;
  const earlier = sendsFor(state, userId, request.idempotencyKey);
  if (earlier.length) return { outcome: 'accepted', duplicate: true, sends: earlier };
  const names = request.displayNames;
  const result = personalise(
    {
      to: request.to.map((email) => ({ email, ...(names[email] ? { displayName: names[email] } : {}) })),
      cc: request.cc,
      bcc: request.bcc,
      subject: request.subject,
      body: request.body,
      format: 'html',
    },
    request.personalise,
  );
  if (result.outcome === 'refused')
    return { outcome: 'rejected', code: result.code, message: result.message };
  const sends = result.messages.map((message): FakeSend => {
    const send: FakeSend = {
      sendId: `send-${state.sends.length + 1}`,
      status: 'scheduled',
      // As the server plans it: not before the rep's "send at" (past or absent: now).
      sendAt: request.sendAt ?? null,
      explanation: state.channel.available ? state.channel.explanation : '',
      to: message.to,
      cc: message.cc,
      bcc: message.bcc,
      subject: message.subject,
      body: message.body,
      userId,
      templateId: request.templateId ?? null,
      idempotencyKey:
        request.personalise === 'each'
          ? `${request.idempotencyKey}:${message.to[0]}`
          : request.idempotencyKey,
    };
    state.sends.push(send);
    // As the server records it: the feed learns of every queued message.
    state.feed.push({
      id: state.feed.length + 1,
      type: 'send.queued',
      at: new Date().toISOString(),
      userId,
      sendId: send.sendId,
      recipient: null,
      templateId: send.templateId,
      detail: { sendAt: send.sendAt, to: send.to },
    });
    return send;
  });
  return { outcome: 'accepted', duplicate: false, sends };
}

/** POST /sends/{id}/cancel: only the sender's send still waiting; the feed learns of it. */
function cancel(state: FakeAddonState, userId: string, sendId: string): CancelOutcome {
  const send = state.sends.find((s) => s.sendId === sendId && s.userId === userId);
  if (!send)
    return { outcome: 'refused', code: 'send-not-found', message: `No send ${sendId} that you can see.` };
  if (send.status !== 'scheduled')
    return { outcome: 'refused', code: 'not-waiting', message: 'This send is no longer waiting.' };
  send.status = 'cancelled';
  state.feed.push({
    id: state.feed.length + 1,
    type: 'send.cancelled',
    at: new Date().toISOString(),
    userId,
    sendId,
    recipient: null,
    templateId: send.templateId,
    detail: { bySender: true },
  });
  return { outcome: 'cancelled', sendId };
}

/** The rep's drafts as the Gmail API serves them: newest save first, gone once removed. */
export function fakeDrafts(state: FakeAddonState): DraftsPort {
  return {
    recent: async () => [...state.drafts].reverse(),
    get: async (id) => state.drafts.find((d) => d.id === id) ?? null,
    remove: async (id) => {
      state.drafts = state.drafts.filter((d) => d.id !== id);
    },
  };
}

export function createFakeAddonDeps(
  auth: GoogleAuthConfig,
  addonUrl: string,
  state: FakeAddonState = defaultFakeState(),
): GmailAddonDeps & { state: FakeAddonState } {
  return {
    state,
    addonUrl,
    auth,
    async userByIdentity({ subject, email }) {
      const user = state.users.find((u) => u.subject === subject);
      if (user) return { outcome: 'user', user: { userId: user.userId, email: user.email } };
      // As the server: an address is never the key; someone else's address is refused, named.
      const taken = state.users.some((u) => u.email === email);
      return { outcome: 'refused', reason: taken ? 'email-taken' : 'no-account' };
    },
    connections: async () => ({
      connections: state.connection ? [state.connection] : [],
      connectable: state.connectable,
    }),
    async connectUrl() {
      const url = `https://accounts.google.test/o/oauth2/v2/auth?state=s${state.connectUrls.length + 1}`;
      state.connectUrls.push(url);
      return url;
    },
    channel: async () => state.channel,
    quota: async () => state.quota,
    templates: async () => state.templates,
    templateAnalytics: async (userId, templateId) => analyticsFrom(state, userId, templateId),
    createSend: async (userId, request) => queue(state, userId, request),
    sendsForDraft: async (userId, key) => sendsFor(state, userId, key),
    drafts: async () => fakeDrafts(state),
    recentFeed: async (_userId, limit) =>
      [...state.feed].sort((a, b) => b.at.localeCompare(a.at)).slice(0, limit),
    ...fakeCampaignDeps(state.campaign, () => state.templates),
    cancelSend: async (userId, sendId) => cancel(state, userId, sendId),
  };
}
