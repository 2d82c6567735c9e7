import type {
  ChannelOverride,
  Clock,
  ConnectionsAnswer,
  EnrolAnswer,
  EnrolPerson,
  FeedEvent,
  Logger,
  MergeRecipient,
  PersonStatus,
  ProfileId,
  QuotaInfo,
  SendRequestBody,
  TemplateAnalytics,
} from '@sendwell/core';
import type { GoogleAuthConfig } from './auth/verifyGoogleRequest';

/** The Sendwell user behind a verified Google identity. */
export interface AddonUser {
  userId: string;
  email: string;
}

/** The verified user ID token's person: Google's immutable `sub` is the key, never the email. */
export interface GoogleUserIdentity {
  subject: string;
  email: string;
  /** The Workspace domain (`hd`); null for a consumer Google account. */
  hostedDomain: string | null;
  name?: string;
}

/**
 * Who the verified Google account is to Sendwell: a user (found by `sub`, or created on first use
 * for a domain this Sendwell serves), or why not (as data; the card words it).
 */
export type IdentityAnswer =
  | { outcome: 'user'; user: AddonUser }
  | { outcome: 'refused'; reason: 'no-account' | 'domain-not-allowed' | 'email-taken' };

/** The channel a Gmail send will use (GET /api/channel?host=gmail). */
export type ChannelView =
  | {
      available: true;
      label: string;
      address: string;
      profileId: ProfileId;
      forced: boolean;
      explanation: string;
      /** core's structured override (the default channel a Gmail send bypasses), or null: no note. */
      override: ChannelOverride | null;
    }
  | { available: false; reason: 'no-native-mailbox' | 'no-default-channel'; explanation: string };

/** Today's budget for the mailbox: GET /api/quota?host=gmail, the one wire shape (times as ISO strings). */
export type QuotaView = QuotaInfo;

export interface TemplateView {
  id: string;
  name: string;
  subject: string;
  /** HTML with `{{recipient.firstName}}`-style merge fields. */
  body: string;
}

/** `GET /api/templates/:id/analytics` (one shape for every front end). */
export type TemplateAnalyticsView = TemplateAnalytics;

/** A send request from the add-on: core's one send-request body; the host is always Gmail. */
export type SendRequest = Omit<SendRequestBody, 'host'>;

/** One message the outbox accepted (N of them for "one email each"). */
export interface AcceptedSendView {
  sendId: string;
  status: string;
  sendAt: string | null;
  explanation: string;
  to: string[];
}

/**
 * What the server answered (POST /api/sends): the accepted sends, `duplicate` when this draft's key
 * was used before (nothing new was sent), or a refusal with the server's code and human message.
 */
export type SendOutcome =
  | { outcome: 'accepted'; duplicate: boolean; sends: AcceptedSendView[] }
  | { outcome: 'rejected'; code: string; message: string };

/** A draft as Gmail saved it, read with the rep's grant: what "Send with Sendwell" sends. */
export interface SavedDraft {
  id: string;
  threadId: string;
  to: MergeRecipient[];
  cc: MergeRecipient[];
  bcc: MergeRecipient[];
  subject: string;
  /** The HTML body (a plain-text draft is escaped into HTML). */
  html: string;
  /** When Gmail last saved it (ISO 8601). */
  savedAt: string;
}

/** The rep's saved drafts in their Gmail (users.drafts), through their own grant. */
export interface DraftsPort {
  /** The newest saved drafts, newest first. */
  recent(): Promise<SavedDraft[]>;
  /** null when the draft is gone (sent or discarded). */
  get(id: string): Promise<SavedDraft | null>;
  /** Removes the draft once Sendwell has queued it; a draft already gone is fine. */
  remove(id: string): Promise<void>;
}

/** One live-feed event: core's `FeedEvent`, the SSE `data` of GET /api/feed. */
export type FeedItem = FeedEvent;

/** A refusal from the server, with its code and human message (shown as is). */
export type Refused = { outcome: 'refused'; code: string; message: string };

/** `POST /api/v1/sends/{id}/cancel`. */
export type CancelOutcome = { outcome: 'cancelled'; sendId: string } | Refused;

/** An active campaign the rep may enrol people into (`GET /api/v1/campaigns?status=active`). */
export interface CampaignChoice {
  id: string;
  name: string;
}

/** `POST /api/v1/campaigns/{id}/enrolments` (source `gmail`): the answer per row, or why not at all. */
export type EnrolOutcome = { outcome: 'enrolled'; answer: EnrolAnswer } | Refused;

/** `GET /api/v1/people/{email}` and `POST /api/v1/people/{email}/remove`. */
export type PersonOutcome = { outcome: 'person'; person: PersonStatus } | Refused;

/** `POST /api/v1/suppressions` (reason `manual`): the person as they stand afterwards. */
export type SuppressOutcome = { outcome: 'suppressed'; person: PersonStatus } | Refused;

/**
 * The message open in Gmail, when it is a bounce notice (read with the rep's grant, core
 * `parseBounce`): one entry per failed or delayed recipient it names, with the send it belongs to.
 */
export interface NoticeView {
  recipients: NoticeRecipient[];
}

export interface NoticeRecipient {
  email: string;
  /** null: the notice does not say (the voice words "unknown"). */
  hard: boolean | null;
  action: string | null;
  /** The engine's reason (`userunknown`, `mailboxfull`, …): the voice words it. */
  reason: string | null;
  status: string | null;
  diagnostic: string | null;
  /** Our send it answers; null when it could not be tied to one (unattributed). */
  send: { sendId: string; subject: string; sentAt: string | null } | null;
  /** The person's campaigns and suppression in the rep's team. */
  person: PersonStatus;
}

/**
 * Everything the add-on needs from the rest of Sendwell, as plain async functions the server
 * implements over its services. The add-on never touches storage itself.
 */
export interface GmailAddonDeps {
  /** The public URL of the add-on endpoint (`<base>/gmail/addon`): card buttons call back here. */
  addonUrl: string;
  /** How to verify Google's ID tokens on every request. */
  auth: GoogleAuthConfig;
  /** The Sendwell user bound to this Google `sub` (`identities('google', 'google', sub)`), or why not. */
  userByIdentity(identity: GoogleUserIdentity): Promise<IdentityAnswer>;
  /** The user's mailbox connections (GET /api/connections). */
  connections(userId: string): Promise<ConnectionsAnswer>;
  /** A fresh Google authorization URL for this user (POST /api/connections/google/start). */
  connectUrl(userId: string): Promise<string>;
  channel(userId: string): Promise<ChannelView>;
  quota(userId: string): Promise<QuotaView>;
  templates(userId: string): Promise<TemplateView[]>;
  templateAnalytics(userId: string, templateId: string): Promise<TemplateAnalyticsView>;
  /** Queue a send through the user's Gmail (host 'gmail'), as POST /api/sends does. */
  createSend(userId: string, request: SendRequest): Promise<SendOutcome>;
  /** The sends already made from a draft's idempotency key (its own or `<key>:<address>`), oldest first. */
  sendsForDraft(userId: string, idempotencyKey: string): Promise<AcceptedSendView[]>;
  /** The rep's Gmail drafts through their grant; throws when they have no Gmail mailbox. */
  drafts(userId: string): Promise<DraftsPort>;
  /** Newest first. */
  recentFeed(userId: string, limit: number): Promise<FeedItem[]>;
  /** Templates whose name or subject contain `query` (case-insensitive): GET /api/v1/templates?q=. */
  searchTemplates(userId: string, query: string): Promise<TemplateView[]>;
  /** The rep's last distinct templates by their sends, newest first: GET /api/v1/templates/recent. */
  recentTemplates(userId: string): Promise<TemplateView[]>;
  /** Cancel a send still waiting in the outbox (the rep's own). */
  cancelSend(userId: string, sendId: string): Promise<CancelOutcome>;
  /** Active campaigns of the rep's team. */
  campaigns(userId: string): Promise<CampaignChoice[]>;
  enrol(userId: string, campaignId: string, people: EnrolPerson[]): Promise<EnrolOutcome>;
  personStatus(userId: string, email: string): Promise<PersonOutcome>;
  /** Takes the person out of one campaign, or of all the rep's active ones (no campaignId). */
  removePerson(userId: string, email: string, campaignId?: string): Promise<PersonOutcome>;
  /** Suppresses the address for the team (reason `manual`). */
  suppress(userId: string, email: string): Promise<SuppressOutcome>;
  /** The Gmail message open in the reader, when it is a bounce notice; null otherwise. */
  bounceNotice(userId: string, messageId: string): Promise<NoticeView | null>;
  clock?: Clock;
  /** Failures are logged with the route only, never the event (it carries tokens). */
  logger?: Logger;
}
