import type { Clock } from '@sendwell/core';
import { resolveChannel } from '@sendwell/core';
import {
  type AcceptedSendView,
  channelViewOf,
  type DraftsPort,
  type FeedItem,
  type GmailAddonDeps,
  type GoogleAuthConfig,
} from '@sendwell/gmail';
import { publicEvent } from '../http/feed';
import type { Db } from '../store/db';
import { listEvents } from '../store/events';
import type { MailboxRow, SendRow } from '../store/rows';
import { listSendsForDraft } from '../store/sends';
import { listVisibleTemplates } from '../store/templates';
import { findMailbox, findUser, findUserByEmail } from '../store/users';
import { ApiError } from './errors';
import type { FeedHub } from './feedHub';
import { channelFor, senderIdentity } from './identity';
import { quotaFor, templateAnalytics } from './readModels';
import { createSend } from './sends';

export interface GmailDepsOptions {
  db: Db;
  clock: Clock;
  hub: FeedHub;
  wakeSender(): void;
  addonUrl: string;
  auth: GoogleAuthConfig;
  /** The rep's Gmail drafts through their own grant on this mailbox (users.drafts); none: Send refuses. */
  draftsFor?: (mailbox: MailboxRow) => DraftsPort;
}

async function requireUser(db: Db, userId: string) {
  const user = await findUser(db, userId);
  if (!user) throw new ApiError(401, 'unknown-user', 'Not a Sendwell user.');
  return user;
}

const sendView = (send: SendRow, explanation: string): AcceptedSendView => ({
  sendId: send.id,
  status: send.status,
  sendAt: send.sendAt.toISOString(),
  explanation,
  to: send.to,
});

/** The Gmail add-on's view of Sendwell: the same services the HTTP API uses, as plain functions. */
export function gmailAddonDeps(o: GmailDepsOptions): GmailAddonDeps {
  return {
    addonUrl: o.addonUrl,
    auth: o.auth,
    clock: o.clock,
    async userByEmail(email) {
      const user = await findUserByEmail(o.db, email);
      return user ? { userId: user.id, email: user.email } : null;
    },
    async channel(userId) {
      const user = await requireUser(o.db, userId);
      return channelViewOf(resolveChannel('gmail', await senderIdentity(o.db, user)));
    },
    async quota(userId) {
      const q = await quotaFor(o.db, o.clock, await requireUser(o.db, userId), 'gmail');
      // The wire shape (GET /api/quota): times as ISO strings.
      return {
        ...q,
        nextFreeAt: q.nextFreeAt ? q.nextFreeAt.toISOString() : null,
        pausedUntil: q.pausedUntil ? q.pausedUntil.toISOString() : null,
      };
    },
    async templates(userId) {
      const user = await requireUser(o.db, userId);
      // The rep's personal templates and the team's, as GET /api/templates lists them.
      return (await listVisibleTemplates(o.db, user)).map((t) => ({
        id: t.id,
        name: t.name,
        subject: t.subject,
        body: t.body,
      }));
    },
    async templateAnalytics(userId, templateId) {
      return templateAnalytics(o.db, await requireUser(o.db, userId), templateId);
    },
    async createSend(userId, request) {
      try {
        const user = await requireUser(o.db, userId);
        const outcome = await createSend({ db: o.db, clock: o.clock, hub: o.hub, wake: o.wakeSender }, user, {
          ...request,
          host: 'gmail',
        });
        return {
          outcome: 'accepted',
          duplicate: outcome.duplicate,
          sends: outcome.sends.map(({ send, explanation }) => sendView(send, explanation)),
        };
      } catch (error) {
        if (error instanceof ApiError)
          return { outcome: 'rejected', code: error.code, message: error.message };
        throw error;
      }
    },
    async sendsForDraft(userId, idempotencyKey) {
      const sends = await listSendsForDraft(o.db, userId, idempotencyKey);
      return sends.map((send) => sendView(send, ''));
    },
    async drafts(userId) {
      const decision = await channelFor(o.db, await requireUser(o.db, userId), 'gmail');
      const mailbox = await findMailbox(o.db, decision.channel.id);
      if (!mailbox) throw new ApiError(409, 'no-native-mailbox', 'The Gmail mailbox is gone.');
      if (!o.draftsFor)
        throw new ApiError(503, 'drafts-unavailable', 'Sendwell cannot read Gmail drafts here.');
      return o.draftsFor(mailbox);
    },
    async recentFeed(userId, limit) {
      return (await listEvents(o.db, userId, 0, limit))
        .reverse()
        .map((e) => publicEvent(e) as unknown as FeedItem);
    },
  };
}
