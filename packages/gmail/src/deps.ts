import type { Clock, FeedEvent, Logger, ProfileId, TemplateAnalytics } from '@sendwell/core';
import type { GoogleAuthConfig } from './auth/verifyGoogleRequest';

/** The Sendwell user behind a verified Google identity. */
export interface AddonUser {
  userId: string;
  email: string;
}

/** The channel a Gmail send will use (GET /api/channel?host=gmail). */
export type ChannelView =
  | {
      available: true;
      label: string;
      address: string;
      profileId: ProfileId;
      forced: boolean;
      explanation: string;
    }
  | { available: false; explanation: string };

/** Today's budget for the mailbox (GET /api/quota?host=gmail), reduced to what the card shows. */
export interface QuotaView {
  profileId: ProfileId;
  usedMessages: number;
  limitMessages: number;
  remainingMessages: number;
  nextFreeAt: string | null;
  pausedUntil: string | null;
  queued: number;
}

export interface TemplateView {
  id: string;
  name: string;
  subject: string;
  /** HTML with `{{recipient.firstName}}`-style merge fields. */
  body: string;
}

/** `GET /api/templates/:id/analytics` (one shape for every front end). */
export type TemplateAnalyticsView = TemplateAnalytics;

export interface SendRequest {
  to: string[];
  cc?: string[];
  bcc?: string[];
  subject: string;
  body: string;
  templateId?: string;
  idempotencyKey: string;
}

/** What the server answered to a queued send; `rejected` carries the server's error code and text. */
export type SendOutcome =
  | { outcome: 'queued'; sendId: string; status: string; sendAt: string | null; explanation: string }
  | { outcome: 'rejected'; code: string; message: string };

/** One live-feed event (core's `FeedEvent`, the SSE `data` of GET /api/feed); ids are optional for cards. */
export type FeedItem = Pick<FeedEvent, 'type' | 'at' | 'detail'> &
  Partial<Pick<FeedEvent, 'id' | 'sendId' | 'recipient' | 'templateId'>>;

/**
 * Everything the add-on needs from the rest of Sendwell, as plain async functions the server
 * implements over its services. The add-on never touches storage itself.
 */
export interface GmailAddonDeps {
  /** The public URL of the add-on endpoint (`<base>/gmail/addon`): card buttons call back here. */
  addonUrl: string;
  /** How to verify Google's ID tokens on every request. */
  auth: GoogleAuthConfig;
  /** Map the verified Google account to a Sendwell user; null = not a Sendwell user. */
  userByEmail(email: string): Promise<AddonUser | null>;
  channel(userId: string): Promise<ChannelView>;
  quota(userId: string): Promise<QuotaView>;
  templates(userId: string): Promise<TemplateView[]>;
  templateAnalytics(userId: string, templateId: string): Promise<TemplateAnalyticsView>;
  /** Queue a send through the user's Gmail (host 'gmail'), as POST /api/sends does. */
  createSend(userId: string, request: SendRequest): Promise<SendOutcome>;
  /** Newest first. */
  recentFeed(userId: string, limit: number): Promise<FeedItem[]>;
  clock?: Clock;
  /** Failures are logged with the route only, never the event (it carries tokens). */
  logger?: Logger;
}
