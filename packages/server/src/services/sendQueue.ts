import type { Clock, ListSendsQuery, RescheduleAnswer, SendDetail, SendPage } from '@sendwell/core';
import { recordAudit } from '../store/audit';
import type { Db } from '../store/db';
import { insertEvent } from '../store/events';
import type { EventRow, SendRow, UserRow } from '../store/rows';
import {
  findListedSend,
  type ListedSend,
  listBounceDetails,
  listSendPage,
  lockSend,
  markCancelled,
  moveWaitingSend,
} from '../store/sendQueue';
import { lockMailbox } from '../store/users';
import { ApiError } from './errors';
import type { FeedHub } from './feedHub';
import { planSlot, recipientCounts } from './sends';
import { detailOf, summaryOf } from './sendViews';

/** The outbox as people see and change it: list, detail, cancel and reschedule a waiting send. */

export interface SendQueueDeps {
  db: Db;
  clock: Clock;
  hub: FeedHub;
  /** Wakes the sender worker (a reschedule may bring a send forward). */
  wake(): void;
}

/** A rescheduled time this far in the past is a mistake (a wrong zone?), not "now". */
export const PAST_TOLERANCE_MS = 60_000;
/** Reservations look a day back; a month ahead is as far as a queued send may wait. */
export const MAX_AHEAD_MS = 30 * 24 * 60 * 60 * 1000;

const encodeCursor = (s: ListedSend) =>
  Buffer.from(JSON.stringify([s.createdKey, s.id])).toString('base64url');

function decodeCursor(cursor: string | undefined): { createdKey: string; id: string } | null {
  if (!cursor) return null;
  try {
    const [createdKey, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof createdKey === 'string' && typeof id === 'string' && !Number.isNaN(Date.parse(createdKey)))
      return { createdKey, id };
  } catch {
    // falls through to the refusal
  }
  throw new ApiError(400, 'invalid-cursor', 'This cursor is not one we gave out: start again without it.');
}

/** `scope=team` is for team admins (within their own team); everyone else sees their own sends. */
export async function listSends(db: Db, user: UserRow, query: ListSendsQuery): Promise<SendPage> {
  if (query.scope === 'team' && user.role !== 'admin')
    throw new ApiError(403, 'admin-only', "Only a team admin can see the team's sends.");
  const rows = await listSendPage(db, {
    tenantId: user.tenantId,
    userId: query.scope === 'team' ? null : user.id,
    search: query.q || undefined,
    status: query.status,
    after: decodeCursor(query.cursor),
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  return {
    items: page.map(summaryOf),
    nextCursor: rows.length > query.limit ? encodeCursor(page.at(-1)!) : null,
  };
}

/** The send if the user may see it: their own, or (for a team admin) a teammate's. Else 404. */
async function visibleSend(db: Db, user: UserRow, id: string) {
  const send = await findListedSend(db, id);
  const mine = send?.userId === user.id;
  const teammates = send?.tenantId === user.tenantId && user.role === 'admin';
  if (!send || !(mine || teammates))
    throw new ApiError(404, 'send-not-found', `No send ${id} that you can see.`);
  return send;
}

export async function getSend(db: Db, user: UserRow, id: string): Promise<SendDetail> {
  const send = await visibleSend(db, user, id);
  return detailOf(send, await listBounceDetails(db, send.id));
}

/** Only a send that has not reached the provider can be stopped or moved; the 409 says where it is. */
function refuseUnlessWaiting(send: SendRow, what: 'cancel' | 'reschedule'): void {
  if (send.status === 'scheduled' || send.status === 'retry') return;
  const where: Record<Exclude<SendRow['status'], 'scheduled' | 'retry'>, string> = {
    sending: 'it is being handed to the provider right now',
    submitted: 'it was already sent',
    failed: 'it already failed and will not be sent',
    cancelled: 'it was already cancelled',
  };
  throw new ApiError(409, 'send-not-waiting', `Cannot ${what} this send: ${where[send.status]}.`);
}

/**
 * Cancels a waiting send: it is never claimed afterwards and its budget slot is freed. The sender
 * or a team admin of the sender's team may; an admin cancelling a teammate's send is audited.
 */
export async function cancelSend(deps: SendQueueDeps, user: UserRow, id: string): Promise<SendDetail> {
  const seen = await visibleSend(deps.db, user, id);
  const bySender = seen.userId === user.id;
  const now = deps.clock.now();
  const event = await deps.db.transaction(async (tx): Promise<EventRow> => {
    const send = await lockSend(tx, id);
    if (!send) throw new ApiError(404, 'send-not-found', `No send ${id} that you can see.`);
    refuseUnlessWaiting(send, 'cancel');
    const why = bySender ? 'Cancelled by the sender.' : `Cancelled by ${user.name}, a team admin.`;
    await markCancelled(tx, id, why);
    if (!bySender)
      await recordAudit(tx, {
        tenantId: user.tenantId,
        actorId: user.id,
        action: 'send.cancelled',
        target: id,
        before: { status: send.status, sendAt: send.sendAt.toISOString(), sender: send.userId },
        after: { status: 'cancelled' },
        at: now,
      });
    return insertEvent(tx, {
      userId: send.userId,
      type: 'send.cancelled',
      sendId: id,
      templateId: send.templateId,
      recipient: null,
      detail: {
        bySender,
        byId: user.id,
        byName: user.name,
        previousSendAt: send.sendAt.toISOString(),
        to: send.to,
        subject: send.subject,
      },
      at: now,
    });
  });
  deps.hub.publish(event);
  return getSend(deps.db, user, id);
}

/** Checks the requested time: not in the past (beyond a minute's clock skew), not over a month ahead. */
function requestedTime(clock: Clock, sendAt: string): Date {
  const requested = new Date(sendAt);
  const now = clock.now().getTime();
  if (requested.getTime() < now - PAST_TOLERANCE_MS)
    throw new ApiError(
      422,
      'send-at-in-past',
      'Not rescheduled: that time has passed. Pick a time from now on.',
    );
  if (requested.getTime() > now + MAX_AHEAD_MS)
    throw new ApiError(
      422,
      'send-at-too-far',
      'Not rescheduled: a send can wait at most 30 days. Pick an earlier time.',
    );
  return new Date(Math.max(requested.getTime(), now));
}

/**
 * Moves the sender's own waiting send to the time asked for, through the throttle planner under the
 * mailbox lock: a time the lane's limits (or a pause, or the batch) cannot honour moves later, and
 * the answer says when it will really go and why.
 */
export async function rescheduleSend(
  deps: SendQueueDeps,
  user: UserRow,
  id: string,
  sendAt: string,
): Promise<RescheduleAnswer> {
  const seen = await visibleSend(deps.db, user, id);
  if (seen.userId !== user.id)
    throw new ApiError(
      403,
      'sender-only',
      'Only the sender can reschedule a send; a team admin can cancel it.',
    );
  const from = requestedTime(deps.clock, sendAt);
  const outcome = await deps.db.transaction(async (tx) => {
    const mailbox = await lockMailbox(tx, seen.mailboxId);
    const send = await lockSend(tx, id);
    if (!mailbox || !send) throw new ApiError(404, 'send-not-found', `No send ${id} that you can see.`);
    refuseUnlessWaiting(send, 'reschedule');
    const counts = recipientCounts(send.from, [...send.to, ...send.cc, ...send.bcc]);
    const { plan, profile } = await planSlot(tx, {
      mailbox,
      counts,
      from,
      exceptSendId: id,
    });
    if (plan.outcome === 'rejected') throw new ApiError(422, plan.code, plan.message);
    await moveWaitingSend(tx, id, plan.sendAt);
    const moved = plan.sendAt.getTime() > from.getTime();
    const explanation = moved
      ? `Later than you asked. ${plan.reason}`
      : `Goes at the time you asked: within ${profile.name}'s limits.`;
    const event = await insertEvent(tx, {
      userId: send.userId,
      type: 'send.rescheduled',
      sendId: id,
      templateId: send.templateId,
      recipient: null,
      detail: {
        sendAt: plan.sendAt.toISOString(),
        previousSendAt: send.sendAt.toISOString(),
        requestedAt: from.toISOString(),
        limitedBy: moved ? plan.limitedBy : 'none',
        windowId: plan.windowId ?? null,
        profileId: mailbox.profileId,
        reason: explanation,
        by: 'sender',
      },
      at: deps.clock.now(),
    });
    return { sendAt: plan.sendAt, limitedBy: moved ? plan.limitedBy : 'none', moved, explanation, event };
  });
  deps.hub.publish(outcome.event);
  deps.wake();
  return {
    send: await getSend(deps.db, user, id),
    requestedAt: from.toISOString(),
    sendAt: outcome.sendAt.toISOString(),
    moved: outcome.moved,
    limitedBy: outcome.limitedBy,
    explanation: outcome.explanation,
  };
}
