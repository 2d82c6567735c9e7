import type { Clock } from '@sendwell/core';
import type { FeedItem, GmailAddonDeps, GoogleAuthConfig } from '@sendwell/gmail';
import { publicEvent } from '../http/feed';
import type { Db } from '../store/db';
import { listEvents } from '../store/events';
import { listVisibleTemplates } from '../store/templates';
import { findUser, findUserByEmail } from '../store/users';
import { ApiError } from './errors';
import type { FeedHub } from './feedHub';
import { channelFor } from './identity';
import { quotaFor, templateAnalytics } from './readModels';
import { createSend } from './sends';

export interface GmailDepsOptions {
  db: Db;
  clock: Clock;
  hub: FeedHub;
  wakeSender(): void;
  addonUrl: string;
  auth: GoogleAuthConfig;
}

async function requireUser(db: Db, userId: string) {
  const user = await findUser(db, userId);
  if (!user) throw new ApiError(401, 'unknown-user', 'Not a Sendwell user.');
  return user;
}

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
      try {
        const d = await channelFor(o.db, await requireUser(o.db, userId), 'gmail');
        return {
          available: true,
          label: d.channel.label,
          address: d.channel.address,
          profileId: d.channel.profileId,
          forced: d.forced,
          explanation: d.explanation,
        };
      } catch (error) {
        if (error instanceof ApiError && error.status === 409)
          return { available: false, explanation: error.message };
        throw error;
      }
    },
    async quota(userId) {
      const q = await quotaFor(o.db, o.clock, await requireUser(o.db, userId), 'gmail');
      // Every Gmail profile has a daily message limit, so the null ("no such window") case does not arise here.
      return {
        profileId: q.profileId,
        usedMessages: q.used.messages,
        limitMessages: q.limits.messages ?? 0,
        remainingMessages: q.remaining.messages ?? 0,
        nextFreeAt: q.nextFreeAt ? q.nextFreeAt.toISOString() : null,
        pausedUntil: q.pausedUntil ? q.pausedUntil.toISOString() : null,
        queued: q.queued,
      };
    },
    async templates(userId) {
      const user = await requireUser(o.db, userId);
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
        // createSend validates with core's send-request schema: the add-on's addresses are checked as the API's are.
        const { sends } = await createSend({ db: o.db, clock: o.clock, hub: o.hub, wake: o.wakeSender }, user, {
          ...request,
          host: 'gmail',
        });
        const { send, explanation } = sends[0]!;
        return {
          outcome: 'queued',
          sendId: send.id,
          status: send.status,
          sendAt: send.sendAt.toISOString(),
          explanation,
        };
      } catch (error) {
        if (error instanceof ApiError)
          return { outcome: 'rejected', code: error.code, message: error.message };
        throw error;
      }
    },
    async recentFeed(userId, limit) {
      return (await listEvents(o.db, userId, 0, limit))
        .reverse()
        .map((e) => publicEvent(e) as unknown as FeedItem);
    },
  };
}
