import { randomUUID } from 'node:crypto';
import type { Clock, Host } from '@sendwell/core';
import { DAY_MS, getProfile, planSend } from '@sendwell/core';
import type { Db } from '../store/db';
import { insertEvent } from '../store/events';
import type { EventRow, SendRow, UserRow } from '../store/rows';
import { findSendByKey, insertScheduledSend, listReservations } from '../store/sends';
import { findTemplate } from '../store/templates';
import { lockMailbox } from '../store/users';
import { ApiError } from './errors';
import type { FeedHub } from './feedHub';
import { channelFor } from './identity';

export interface SendRequest {
  host: Host;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  body: string;
  templateId: string | null;
  idempotencyKey: string;
}

export interface SendDeps {
  db: Db;
  clock: Clock;
  hub: FeedHub;
  /** Wakes the sender worker when a send is due now. */
  wake(): void;
}

const domainOf = (address: string) => address.slice(address.lastIndexOf('@') + 1).toLowerCase();

type Queued =
  | { created: false; send: SendRow; reason: string }
  | { created: true; send: SendRow; reason: string; event: EventRow };

const ALREADY = 'Already queued with this idempotency key.';
const lower = (addresses: string[]) => addresses.map((a) => a.toLowerCase());

/**
 * Queues one compose send: resolves the forced channel, reserves a throttle slot atomically (the
 * mailbox row is locked, so concurrent requests from two devices can never overspend one budget),
 * and records the outbox row. The same idempotency key returns the same send.
 */
export async function createSend(
  deps: SendDeps,
  user: UserRow,
  request: SendRequest,
): Promise<{ send: SendRow; explanation: string; created: boolean }> {
  const existing = await findSendByKey(deps.db, user.id, request.idempotencyKey);
  if (existing) return { send: existing, explanation: ALREADY, created: false };
  const decision = await channelFor(deps.db, user, request.host);
  if (request.templateId && !(await findTemplate(deps.db, user.tenantId, request.templateId))) {
    throw new ApiError(404, 'template-not-found', `No template ${request.templateId} in your team.`);
  }
  const queued = await deps.db.transaction((tx) =>
    reserveAndQueue(tx, deps.clock, user, request, decision.channel.id),
  );
  if (queued.created) {
    deps.hub.publish(queued.event);
    deps.wake();
  }
  return {
    send: queued.send,
    explanation: `${decision.explanation} ${queued.reason}`.trim(),
    created: queued.created,
  };
}

/** Inside the transaction: lock the mailbox, plan the slot against its reservations, insert. */
async function reserveAndQueue(
  tx: Db,
  clock: Clock,
  user: UserRow,
  request: SendRequest,
  mailboxId: string,
): Promise<Queued> {
  const again = await findSendByKey(tx, user.id, request.idempotencyKey);
  if (again) return { created: false, send: again, reason: ALREADY };
  const mailbox = await lockMailbox(tx, mailboxId);
  if (!mailbox) throw new ApiError(409, 'no-native-mailbox', 'The mailbox for this channel is gone.');
  const [to, cc, bcc] = [lower(request.to), lower(request.cc), lower(request.bcc)];
  const senderDomain = domainOf(mailbox.address);
  const counts = {
    recipients: to.length + cc.length + bcc.length,
    external: [...to, ...cc, ...bcc].filter((a) => domainOf(a) !== senderDomain).length,
  };
  const now = clock.now();
  const history = await listReservations(tx, mailbox.id, new Date(now.getTime() - DAY_MS));
  const plan = planSend({
    profile: getProfile(mailbox.profileId),
    history,
    request: counts,
    now,
    pausedUntil: mailbox.pausedUntil,
  });
  if (plan.outcome === 'rejected') throw new ApiError(422, plan.code, plan.message);
  const id = randomUUID();
  const send = await insertScheduledSend(
    tx,
    {
      id,
      userId: user.id,
      mailboxId: mailbox.id,
      host: request.host,
      templateId: request.templateId,
      idempotencyKey: request.idempotencyKey,
      messageId: `${id}@sendwell.local`,
      from: mailbox.address,
      to,
      cc,
      bcc,
      subject: request.subject,
      body: request.body,
      sendAt: plan.sendAt,
    },
    counts,
  );
  const event = await insertEvent(tx, {
    userId: user.id,
    type: 'send.queued',
    sendId: id,
    templateId: request.templateId,
    recipient: null,
    detail: { sendAt: plan.sendAt.toISOString(), reason: plan.reason, to },
    at: now,
  });
  return { created: true, send, reason: plan.reason, event };
}
