import type { Clock } from '@sendwell/core';
import type { FeedHub } from '../services/feedHub';
import type { Db } from '../store/db';
import type { MailboxRow } from '../store/rows';
import { deferWaitingSends } from '../store/sends';
import { endElapsedPauses, pauseMailbox } from '../store/users';
import { recordEvent } from './recordEvent';
import { pauseMove, recordMove } from './reschedule';

export interface PauseDeps {
  db: Db;
  clock: Clock;
  hub: FeedHub;
}

/**
 * How long a sending-quota notice found by the scanner pauses the mailbox: 24 hours. The notice
 * does not say when sending comes back. Google says a user over the Gmail limit "can't send new
 * messages for up to 24 hours" (consumer accounts: 1 to 24 h), and Exchange Online's recipient
 * rate limit is a rolling 24 h window, so the mailbox stays blocked until enough of the last day
 * ages out. Trying earlier only earns more quota bounces, and repeated overruns can get the account
 * restricted, so we wait the provider's longest documented lock.
 */
export const QUOTA_NOTICE_PAUSE_MS = 24 * 60 * 60 * 1000;

/**
 * The one way a mailbox is paused (a provider 429 in the sender, a quota notice in the scanner):
 * the mailbox row holds the pause, the sender stops claiming its sends, and the feed says so —
 * including the new time of each waiting send the pause pushed back.
 */
export async function pauseForProvider(
  deps: PauseDeps,
  mailbox: Pick<MailboxRow, 'id' | 'userId' | 'profileId'>,
  until: Date,
  reason: string,
  about: { sendId: string | null; templateId: string | null } = { sendId: null, templateId: null },
): Promise<void> {
  await pauseMailbox(deps.db, mailbox.id, until, reason);
  await recordEvent(deps.db, deps.hub, {
    userId: mailbox.userId,
    type: 'throttle.paused',
    sendId: about.sendId,
    templateId: about.templateId,
    recipient: null,
    detail: { until: until.toISOString(), reason },
    at: deps.clock.now(),
  });
  const why = `Waiting: the provider paused this mailbox until ${until.toISOString()} (${reason}).`;
  const move = pauseMove(mailbox.profileId, until, why);
  for (const send of await deferWaitingSends(deps.db, mailbox.id, until, why))
    await recordMove(deps.db, deps.hub, send, move, deps.clock.now());
}

/** Records `throttle.resumed` once for every pause that has run out, and lifts it. */
export async function resumeEndedPauses(deps: PauseDeps): Promise<number> {
  const now = deps.clock.now();
  const ended = await endElapsedPauses(deps.db, now);
  for (const { mailbox, pausedUntil, reason } of ended) {
    await recordEvent(deps.db, deps.hub, {
      userId: mailbox.userId,
      type: 'throttle.resumed',
      sendId: null,
      templateId: null,
      recipient: null,
      detail: { pausedUntil: pausedUntil.toISOString(), reason },
      at: now,
    });
  }
  return ended.length;
}
