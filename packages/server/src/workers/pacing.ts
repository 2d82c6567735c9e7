import { DAY_MS, planSend } from '@sendwell/core';
import { profileForLane } from '../channels/profiles';
import type { Db } from '../store/db';
import type { MailboxRow, SendRow } from '../store/rows';
import { deferSend, listActualReservations, markAttemptStarted } from '../store/sends';
import { findMailboxBatch } from '../store/teamSettings';
import { lockMailbox } from '../store/users';
import { pauseMove, type SendMove } from './reschedule';

const domainOf = (address: string) => address.slice(address.lastIndexOf('@') + 1).toLowerCase();

/** What one message costs in the throttle's windows: every recipient, and those outside the sender's domain. */
export function reservationFor(addresses: string[], senderAddress: string) {
  const senderDomain = domainOf(senderAddress);
  return {
    recipients: addresses.length,
    external: addresses.filter((a) => domainOf(a) !== senderDomain).length,
  };
}

export type Gate =
  | { go: true; send: SendRow }
  | { go: false; reason: 'mailbox-gone' }
  /** Held back: the send (and its reservation) moved to `move.sendAt`; the caller records the move. */
  | { go: false; reason: 'paused' | 'paced'; move: SendMove };

/**
 * The last check before a provider call, under the mailbox lock: a paused mailbox waits; otherwise
 * the send is re-planned against what actually left the mailbox (submitted sends, sends in flight,
 * mail sent outside Sendwell) with the same windows, pacing and batch (the profile's own, else the
 * team's) as at queue time. A send
 * that became due while the server was down is therefore spread out instead of going back to back.
 * When it may go, the attempt is counted and its reservation moves to now.
 */
export async function gateAttempt(db: Db, send: SendRow, now: Date): Promise<Gate> {
  return db.transaction(async (tx) => {
    const mailbox = await lockMailbox(tx, send.mailboxId);
    if (!mailbox) return { go: false, reason: 'mailbox-gone' };
    if (pausedNow(mailbox, now)) {
      const move = pausedMailboxMove(mailbox);
      await deferSend(tx, send.id, move.sendAt, move.reason);
      return { go: false, reason: 'paused', move };
    }
    const history = await listActualReservations(tx, mailbox.id, new Date(now.getTime() - DAY_MS), send.id);
    // The lane's own profile (an SMTP lane's limits) and the batch set for that profile, else the team's.
    const profile = profileForLane(mailbox);
    const plan = planSend({
      profile,
      history,
      request: reservationFor([...send.to, ...send.cc, ...send.bcc], mailbox.address),
      now,
      batch: await findMailboxBatch(tx, mailbox.id, profile.id),
    });
    // A rejection cannot happen for a send that was accepted at queue time; let the provider judge it.
    if (plan.outcome === 'slot' && plan.sendAt > now) {
      const move: SendMove = {
        sendAt: plan.sendAt,
        limitedBy: plan.limitedBy,
        windowId: plan.windowId ?? null,
        profileId: mailbox.profileId,
        reason: `Paced before sending: ${plan.reason}`,
      };
      await deferSend(tx, send.id, move.sendAt, move.reason);
      return { go: false, reason: 'paced', move };
    }
    return { go: true, send: await markAttemptStarted(tx, send.id, now) };
  });
}

/** Before the re-check: is the mailbox paused right now (no provider call at all, not even a lookup)? */
export function pausedNow(mailbox: MailboxRow, now: Date): boolean {
  return mailbox.pausedUntil !== null && mailbox.pausedUntil > now;
}

/** A send of a paused mailbox waits for the pause to end (call only when `pausedNow`). */
export function pausedMailboxMove(mailbox: MailboxRow): SendMove {
  return pauseMove(mailbox.profileId, mailbox.pausedUntil!, pauseNote(mailbox));
}

function pauseNote(mailbox: MailboxRow): string {
  const until = mailbox.pausedUntil?.toISOString() ?? 'later';
  return `Waiting: the provider paused this mailbox until ${until}${mailbox.pauseReason ? ` (${mailbox.pauseReason})` : ''}.`;
}
