import { randomUUID } from 'node:crypto';
import type { Clock, Host } from '@sendwell/core';
import { getProfile, planSend } from '@sendwell/core';
import type { Db } from '../store/db';
import { insertEvent } from '../store/events';
import type { SendRow, UserRow } from '../store/rows';
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

const DAY_MS = 24 * 60 * 60 * 1000;
const domainOf = (address: string) => address.slice(address.lastIndexOf('@') + 1).toLowerCase();

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
  if (existing)
    return { send: existing, explanation: 'Already queued with this idempotency key.', created: false };
  const decision = await channelFor(deps.db, user, request.host);
  if (request.templateId && !(await findTemplate(deps.db, user.tenantId, request.templateId))) {
    throw new ApiError(404, 'template-not-found', `No template ${request.templateId} in your team.`);
  }
  const recipients = [...request.to, ...request.cc, ...request.bcc].map((a) => a.toLowerCase());
  const senderDomain = domainOf(decision.channel.address);
  const external = recipients.filter((a) => domainOf(a) !== senderDomain).length;
  const result = await deps.db.transaction(async (tx) => {
    const again = await findSendByKey(tx, user.id, request.idempotencyKey);
    if (again) return { send: again, reason: 'Already queued with this idempotency key.', created: false };
    const mailbox = await lockMailbox(tx, decision.channel.id);
    if (!mailbox) throw new ApiError(409, 'no-native-mailbox', 'The mailbox for this channel is gone.');
    const now = deps.clock.now();
    const history = await listReservations(tx, mailbox.id, new Date(now.getTime() - DAY_MS));
    const plan = planSend({
      profile: getProfile(mailbox.profileId),
      history,
      request: { recipients: recipients.length, external },
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
        to: request.to.map((a) => a.toLowerCase()),
        cc: request.cc.map((a) => a.toLowerCase()),
        bcc: request.bcc.map((a) => a.toLowerCase()),
        subject: request.subject,
        body: request.body,
        sendAt: plan.sendAt,
      },
      { recipients: recipients.length, external },
    );
    const event = await insertEvent(tx, {
      userId: user.id,
      type: 'send.queued',
      sendId: id,
      templateId: request.templateId,
      recipient: null,
      detail: { sendAt: plan.sendAt.toISOString(), reason: plan.reason, to: send.to },
      at: now,
    });
    return { send, reason: plan.reason, created: true, event };
  });
  if ('event' in result && result.event) deps.hub.publish(result.event);
  if (result.created) deps.wake();
  return {
    send: result.send,
    explanation: `${decision.explanation} ${result.reason}`.trim(),
    created: result.created,
  };
}
