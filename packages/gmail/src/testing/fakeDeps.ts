import type { GoogleAuthConfig } from '../auth/verifyGoogleRequest';
import type {
  AddonUser,
  ChannelView,
  FeedItem,
  GmailAddonDeps,
  QuotaView,
  SendOutcome,
  SendRequest,
  TemplateView,
} from '../deps';

/** In-memory stand-in for the server's services, for add-on tests and demos. */
export interface FakeAddonState {
  users: AddonUser[];
  channel: ChannelView;
  quota: QuotaView;
  templates: TemplateView[];
  feed: FeedItem[];
  /** Every send the add-on queued, with the user it was for. */
  sends: (SendRequest & { userId: string; sendId: string })[];
  /** When set, createSend answers this rejection instead of queuing. */
  rejectSends: { code: string; message: string } | null;
}

export function defaultFakeState(): FakeAddonState {
  return {
    users: [{ userId: 'u-gmail', email: 'rep@example.com' }],
    channel: {
      available: true,
      label: 'Gmail',
      address: 'rep@example.com',
      profileId: 'gmail-workspace',
      forced: true,
      explanation: 'Sent through Gmail — your mailbox.',
    },
    quota: {
      profileId: 'gmail-workspace',
      usedMessages: 0,
      limitMessages: 2000,
      remainingMessages: 2000,
      nextFreeAt: null,
      pausedUntil: null,
      queued: 0,
    },
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
    sends: [],
    rejectSends: null,
  };
}

/** Analytics are derived from the fake feed so tests can drive them through events. */
function analyticsFrom(state: FakeAddonState, templateId: string) {
  const mine = state.feed.filter((item) => item.templateId === templateId);
  const bounces = mine.filter((item) => item.type === 'bounce');
  return {
    templateId,
    sent: mine.filter((item) => item.type === 'send.submitted').length,
    bounced: bounces.length,
    hardBounced: bounces.filter((b) => b.detail.hard === true).length,
    softBounced: bounces.filter((b) => b.detail.hard === false).length,
    delayed: bounces.filter((b) => b.detail.action === 'delayed').length,
  };
}

function queue(state: FakeAddonState, userId: string, request: SendRequest): SendOutcome {
  if (state.rejectSends) return { outcome: 'rejected', ...state.rejectSends };
  const existing = state.sends.find(
    (s) => s.userId === userId && s.idempotencyKey === request.idempotencyKey,
  );
  if (existing)
    return {
      outcome: 'queued',
      sendId: existing.sendId,
      status: 'queued',
      sendAt: null,
      explanation: state.channel.available ? state.channel.explanation : '',
    };
  const sendId = `send-${state.sends.length + 1}`;
  state.sends.push({ ...request, userId, sendId });
  return {
    outcome: 'queued',
    sendId,
    status: 'queued',
    sendAt: null,
    explanation: state.channel.available ? state.channel.explanation : '',
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
    userByEmail: async (email) => state.users.find((u) => u.email === email) ?? null,
    channel: async () => state.channel,
    quota: async () => state.quota,
    templates: async () => state.templates,
    templateAnalytics: async (_userId, templateId) => analyticsFrom(state, templateId),
    createSend: async (userId, request) => queue(state, userId, request),
    recentFeed: async (_userId, limit) =>
      [...state.feed].sort((a, b) => b.at.localeCompare(a.at)).slice(0, limit),
  };
}
