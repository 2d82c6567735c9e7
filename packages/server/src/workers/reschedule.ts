import type { LimitedBy, ProfileId } from '@sendwell/core';
import type { FeedHub } from '../services/feedHub';
import type { Db } from '../store/db';
import type { SendRow } from '../store/rows';
import { recordEvent } from './recordEvent';

/** Why the worker moved a send: the planner's rule, or `retry` after the provider did not take it. */
export interface SendMove {
  sendAt: Date;
  limitedBy: LimitedBy | 'retry';
  windowId: string | null;
  profileId: ProfileId | null;
  /** English, for logs and old clients; the front ends word `limitedBy` in the rep's language. */
  reason: string;
}

/** Waits for a provider pause to end (a 429, a quota notice): worded as the provider's pause. */
export const pauseMove = (profileId: ProfileId, until: Date, reason: string): SendMove => ({
  sendAt: until,
  limitedBy: 'pause',
  windowId: null,
  profileId,
  reason,
});

/** Tries again later, after the provider did not take it or its Sent items could not be checked. */
export const retryMove = (sendAt: Date, reason: string): SendMove => ({
  sendAt,
  limitedBy: 'retry',
  windowId: null,
  profileId: null,
  reason,
});

type MovedSend = Pick<SendRow, 'id' | 'userId' | 'templateId'> & { previousSendAt: Date };

/**
 * Records `send.rescheduled` for a send the worker held back, once per move, after the move is
 * stored (the feed never shows what the store does not have). Its feed row and status line then
 * show the new time. Nothing is recorded when the time did not change.
 */
export async function recordMove(
  db: Db,
  hub: FeedHub,
  send: MovedSend,
  move: SendMove,
  at: Date,
): Promise<boolean> {
  if (move.sendAt.getTime() === send.previousSendAt.getTime()) return false;
  await recordEvent(db, hub, {
    userId: send.userId,
    type: 'send.rescheduled',
    sendId: send.id,
    templateId: send.templateId,
    recipient: null,
    detail: {
      sendAt: move.sendAt.toISOString(),
      previousSendAt: send.previousSendAt.toISOString(),
      limitedBy: move.limitedBy,
      windowId: move.windowId,
      profileId: move.profileId,
      reason: move.reason,
    },
    at,
  });
  return true;
}
