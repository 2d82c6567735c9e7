import type { Clock, ConnectionsAnswer, Logger } from '@sendwell/core';
import { MailboxAuthError, resolveChannel } from '@sendwell/core';
import {
  type AcceptedSendView,
  channelViewOf,
  type DraftsPort,
  type FeedItem,
  type GmailAddonDeps,
  type GoogleAuthConfig,
  type GoogleUserIdentity,
  type IdentityAnswer,
} from '@sendwell/gmail';
import { type SignInPolicy, signInUser, type VerifiedPerson } from '../auth/signIn';
import { connectionInfo } from '../connections/grant';
import type { ConnectionService } from '../connections/service';
import { publicEvent } from '../http/v1/feed';
import { findConnection, listConnections } from '../store/connections';
import type { Db } from '../store/db';
import { listEvents } from '../store/events';
import { findUserByIdentity, GOOGLE_IDENTITY_TENANT } from '../store/identities';
import type { MailboxRow, SendRow, UserRow } from '../store/rows';
import { listSendsForDraft } from '../store/sends';
import { listVisibleTemplates } from '../store/templates';
import { findMailbox, findUser, findUserByEmail } from '../store/users';
import { ApiError } from './errors';
import type { FeedHub } from './feedHub';
import { gmailCampaignDeps } from './gmailCampaignDeps';
import type { MessageReader } from './gmailNotice';
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
  /**
   * Which Workspace domains may sign in: the user is found by Google `sub` and created on first use
   * (JIT). Without a policy only users already bound to their `sub` are found (no one is created).
   */
  policy?: SignInPolicy;
  /**
   * The connection service: the card's connection state, the authorization URL, and a lost grant
   * noticed while reading drafts. Without it (tests of other paths) the add-on sees the stored
   * mailboxes as they are and offers no connect link.
   */
  connections?: Pick<ConnectionService, 'list' | 'start' | 'markLost'>;
  /**
   * The rep's Gmail mailbox port, to read the message open in Gmail (the contextual card for bounce
   * notices). Without it every opened message gets the home card.
   */
  messagesFor?: (mailbox: MailboxRow) => MessageReader;
  logger?: Logger;
}

const REFUSAL: Record<string, Extract<IdentityAnswer, { outcome: 'refused' }>['reason']> = {
  'domain-not-allowed': 'domain-not-allowed',
  'email-taken': 'email-taken',
};

/**
 * The Sendwell user bound to this Google account: `identities('google', 'google', sub)`. Never by
 * email: a token for Ava's address with another `sub` is not Ava (it is refused, named).
 */
async function userByIdentity(o: GmailDepsOptions, identity: GoogleUserIdentity): Promise<IdentityAnswer> {
  const person: VerifiedPerson = {
    key: { provider: 'google', tenantId: GOOGLE_IDENTITY_TENANT, subject: identity.subject },
    email: identity.email,
    name: identity.name ?? identity.email,
    hostedDomain: identity.hostedDomain,
  };
  if (o.policy) {
    const outcome = await signInUser(o.db, o.policy, person);
    if (outcome.outcome === 'user')
      return { outcome: 'user', user: { userId: outcome.user.id, email: outcome.user.email } };
    return { outcome: 'refused', reason: REFUSAL[outcome.code] ?? 'no-account' };
  }
  const user = await findUserByIdentity(o.db, person.key);
  if (user) return { outcome: 'user', user: { userId: user.id, email: user.email } };
  const taken = await findUserByEmail(o.db, identity.email);
  return { outcome: 'refused', reason: taken ? 'email-taken' : 'no-account' };
}

/** The stored mailboxes as they are, for a composition without the connection service. */
async function storedConnections(db: Db, userId: string): Promise<ConnectionsAnswer> {
  const rows = await listConnections(db, userId);
  return { connections: await Promise.all(rows.map((row) => connectionInfo(db, row))), connectable: [] };
}

/**
 * Drafts are read with the rep's grant: when Google refuses it, the connection is marked lost (once;
 * markLost is idempotent) before the add-on hears of it, so its card shows the reconnect banner.
 */
function reportingLostGrant(
  drafts: DraftsPort,
  mailboxId: string,
  connections: GmailDepsOptions['connections'],
): DraftsPort {
  const guard = async <T>(read: () => Promise<T>): Promise<T> => {
    try {
      return await read();
    } catch (error) {
      if (error instanceof MailboxAuthError) await connections?.markLost(mailboxId, error.problem);
      throw error;
    }
  };
  return {
    recent: () => guard(() => drafts.recent()),
    get: (id) => guard(() => drafts.get(id)),
    remove: (id) => guard(() => drafts.remove(id)),
  };
}

export async function requireUser(db: Db, userId: string) {
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

/** The rep's Gmail mailbox (the channel a Gmail send is forced onto). */
export async function gmailMailbox(db: Db, user: UserRow): Promise<MailboxRow> {
  const decision = await channelFor(db, user, 'gmail');
  const mailbox = await findMailbox(db, decision.channel.id);
  if (!mailbox) throw new ApiError(409, 'no-native-mailbox', 'The Gmail mailbox is gone.');
  return mailbox;
}

/** The Gmail add-on's view of Sendwell: the same services the HTTP API uses, as plain functions. */
export function gmailAddonDeps(o: GmailDepsOptions): GmailAddonDeps {
  return {
    addonUrl: o.addonUrl,
    auth: o.auth,
    clock: o.clock,
    userByIdentity: (identity) => userByIdentity(o, identity),
    async connections(userId) {
      const user = await requireUser(o.db, userId);
      return o.connections ? o.connections.list(user) : storedConnections(o.db, user.id);
    },
    async connectUrl(userId) {
      const user = await requireUser(o.db, userId);
      if (!o.connections)
        throw new ApiError(503, 'connect-unavailable', 'Sendwell cannot connect mailboxes here.');
      return (await o.connections.start(user, 'google')).authorizationUrl;
    },
    async channel(userId) {
      const user = await requireUser(o.db, userId);
      return channelViewOf(resolveChannel('gmail', await senderIdentity(o.db, user)));
    },
    async quota(userId) {
      const q = await quotaFor(o.db, o.clock, await requireUser(o.db, userId), 'gmail');
      // The wire shape (GET /api/v1/quota): times as ISO strings.
      return {
        ...q,
        nextFreeAt: q.nextFreeAt ? q.nextFreeAt.toISOString() : null,
        pausedUntil: q.pausedUntil ? q.pausedUntil.toISOString() : null,
      };
    },
    async templates(userId) {
      const user = await requireUser(o.db, userId);
      // The rep's personal templates and the team's, as GET /api/v1/templates lists them.
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
      const mailbox = await gmailMailbox(o.db, await requireUser(o.db, userId));
      if (!o.draftsFor)
        throw new ApiError(503, 'drafts-unavailable', 'Sendwell cannot read Gmail drafts here.');
      // A grant already known lost is not tried again: the card says to reconnect.
      const connection = await findConnection(o.db, mailbox.id);
      if (connection?.state === 'needs-reconnect')
        throw new MailboxAuthError(connection.problem ?? 'grant-revoked', 'Gmail needs reconnecting.');
      return reportingLostGrant(o.draftsFor(mailbox), mailbox.id, o.connections);
    },
    async recentFeed(userId, limit) {
      return (await listEvents(o.db, userId, 0, limit))
        .reverse()
        .map((e) => publicEvent(e) as unknown as FeedItem);
    },
    ...gmailCampaignDeps(o),
  };
}
