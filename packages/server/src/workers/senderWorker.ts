import {
  type Clock,
  type ConnectionState,
  type Logger,
  MailboxAuthError,
  type MailboxPort,
  type OutgoingMessage,
  type RejectedRecipient,
  type SubmitResult,
} from '@sendwell/core';
import { heldExplanation, insertHeldEvent, loseConnection } from '../connections/connectionLife';
import type { FeedHub } from '../services/feedHub';
import { findConnection } from '../store/connections';
import type { Db } from '../store/db';
import type { MailboxRow, SendRow } from '../store/rows';
import { markCancelled } from '../store/sendQueue';
import {
  claimDueSends,
  deferSend,
  holdSend,
  markFailed,
  markSubmitted,
  recordCheckFailure,
  refundAttempt,
  rescheduleSend,
} from '../store/sends';
import { gateAttempt, pausedMailboxMove, pausedNow } from './pacing';
import { pauseForProvider, resumeEndedPauses } from './pauses';
import { atomically, recordEvent } from './recordEvent';
import { recordRejectedRecipients } from './rejectedRecipients';
import { pauseMove, recordMove, retryMove, type SendMove } from './reschedule';
import { stillWanted } from './sendGate';

export interface SenderDeps {
  db: Db;
  clock: Clock;
  hub: FeedHub;
  logger: Logger;
  mailboxFor(mailbox: MailboxRow): MailboxPort;
  /** How long a claimed send stays ours before another worker may take it over. */
  leaseMs?: number;
  /** Provider submissions a send may use before it fails for good (lookups and 429s do not count). */
  maxAttempts?: number;
  /**
   * What the composition root adds to a message at send time: the one-click unsubscribe URL for
   * campaign emails, and tracked links/pixel when the team turned tracking on.
   */
  decorate?(send: SendRow, message: OutgoingMessage): Promise<OutgoingMessage>;
}

const DEFAULT_MAX_ATTEMPTS = 5;
/** Why a send interrupted mid-handover to an SMTP server is failed rather than sent again. */
export const SMTP_UNCERTAIN =
  'Sendwell stopped while handing this email to your SMTP server, so it may or may not have gone out. It was not sent again, to avoid a second copy: check with your SMTP provider, then send it again if needed.';
const backoffMs = (attempt: number) => Math.min(15 * 60_000, 5_000 * 2 ** (attempt - 1));
const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The outbox sender: lifts pauses that ran out, claims due sends and submits them through the
 * mailbox's native channel. A send that may have reached the provider before is first reconciled
 * with Sent items, so a crash between "provider accepted" and "we recorded it" never sends twice.
 */
export async function sendDueOnce(deps: SenderDeps): Promise<number> {
  await resumeEndedPauses(deps);
  const claimed = await claimDueSends(deps.db, deps.clock.now(), deps.leaseMs ?? 120_000);
  for (const send of claimed) await deliver(deps, send);
  return claimed.length;
}

async function deliver(deps: SenderDeps, send: SendRow): Promise<void> {
  const connection = await findConnection(deps.db, send.mailboxId);
  if (!connection) return failed(deps, send, 'The mailbox this send was queued for has been removed.');
  // Not connected since the claim (a disconnect, a loss seen by another worker): it waits, untouched.
  if (connection.state !== 'connected') return held(deps, send, connection.state, false);
  const mailboxRow = connection.mailbox;
  // A pause set by an earlier send of this round: wait without calling the provider at all.
  if (pausedNow(mailboxRow, deps.clock.now())) {
    const move = pausedMailboxMove(mailboxRow);
    await deferSend(deps.db, send.id, move.sendAt, move.reason);
    return moved(deps, send, move);
  }
  // SMTP has no Sent folder to check: an attempt that may have reached the server is not repeated.
  if (mailboxRow.provider === 'smtp' && send.reclaimedInFlight) return failed(deps, send, SMTP_UNCERTAIN);
  const mailbox = deps.mailboxFor(mailboxRow);
  if (send.attempts > 0 && mailboxRow.provider !== 'smtp') {
    const found = await reconcile(deps, mailbox, send);
    if (found === 'unknown') return;
    if (found) return submitted(deps, send);
  }
  const wanted = await stillWanted(deps.db, send, deps.clock.now());
  if (!wanted.go && 'holdUntil' in wanted) {
    await deferSend(deps.db, send.id, wanted.holdUntil, wanted.why);
    return moved(deps, send, retryMove(wanted.holdUntil, wanted.why));
  }
  if (!wanted.go) return cancelled(deps, send, wanted.why);
  const gate = await gateAttempt(deps.db, send, deps.clock.now());
  if (!gate.go) {
    if (gate.reason === 'mailbox-gone')
      return failed(deps, send, 'The mailbox this send was queued for has been removed.');
    return moved(deps, send, gate.move);
  }
  await attempt(deps, mailbox, mailboxRow, gate.send);
}

/** The send (as claimed, with the time it had) was held back: the feed shows its new time. */
async function moved(deps: SenderDeps, send: SendRow, move: SendMove): Promise<void> {
  await recordMove(deps.db, deps.hub, { ...send, previousSendAt: send.sendAt }, move, deps.clock.now());
}

/** Was this send already accepted by the provider? 'unknown' when the lookup itself failed. */
async function reconcile(
  deps: SenderDeps,
  mailbox: MailboxPort,
  send: SendRow,
): Promise<boolean | 'unknown'> {
  try {
    return await mailbox.findSent(send.id);
  } catch (error) {
    if (error instanceof MailboxAuthError) {
      await held(deps, send, error, false);
      return 'unknown';
    }
    const detail = `Could not check Sent items before retrying (${errorText(error)}); will check again.`;
    deps.logger.warn('sent-items lookup failed', { sendId: send.id, detail });
    // Sending without the check could send twice; failing would drop a send the provider never saw.
    const at = await recordCheckFailure(deps.db, send.id, deps.clock.now(), detail, backoffMs);
    await moved(deps, send, retryMove(at, detail));
    return 'unknown';
  }
}

async function attempt(
  deps: SenderDeps,
  mailbox: MailboxPort,
  mailboxRow: MailboxRow,
  send: SendRow,
): Promise<void> {
  const maxAttempts = deps.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  try {
    const message = await outgoingMessage(deps, send);
    const result = await mailbox.send(message);
    if (result.status === 'submitted') return submitted(deps, send, result.rejected ?? [], result);
    if (result.status === 'throttled')
      return throttled(deps, mailboxRow, send, result.retryAfterSeconds, result.detail);
    if (result.retryable && send.attempts < maxAttempts) return retryLater(deps, send, result.detail);
    return failed(deps, send, result.detail);
  } catch (error) {
    if (error instanceof MailboxAuthError) return held(deps, send, error, true);
    const detail = errorText(error);
    // The SMTP adapter answers every definite refusal; a throw means the handover broke midway.
    if (mailboxRow.provider === 'smtp') return failed(deps, send, `${SMTP_UNCERTAIN} (${detail})`);
    deps.logger.warn('send attempt crashed', { sendId: send.id, detail });
    if (send.attempts < maxAttempts) return retryLater(deps, send, detail);
    return failed(deps, send, detail);
  }
}

/** The send as the provider gets it: its thread (a campaign step replying in it) and what `decorate` adds. */
async function outgoingMessage(deps: SenderDeps, send: SendRow): Promise<OutgoingMessage> {
  const message: OutgoingMessage = {
    sendwellId: send.id,
    messageId: send.messageId,
    from: send.from,
    to: send.to,
    cc: send.cc,
    bcc: send.bcc,
    subject: send.subject,
    html: send.body,
    ...(send.thread
      ? {
          inReplyTo: send.thread.inReplyTo,
          references: send.thread.references,
          ...(send.thread.threadId ? { threadId: send.thread.threadId } : {}),
        }
      : {}),
  };
  return deps.decorate ? deps.decorate(send, message) : message;
}

/** A person who left the campaign, or an address suppressed since: the send stops, with why. */
async function cancelled(deps: SenderDeps, send: SendRow, why: string) {
  await atomically(deps.db, deps.hub, async (db, hub) => {
    await markCancelled(db, send.id, why);
    await recordEvent(db, hub, {
      userId: send.userId,
      type: 'send.cancelled',
      sendId: send.id,
      templateId: send.templateId,
      recipient: null,
      detail: { reason: why, to: send.to, subject: send.subject },
      at: deps.clock.now(),
    });
  });
}

async function submitted(
  deps: SenderDeps,
  send: SendRow,
  rejected: readonly RejectedRecipient[] = [],
  result?: Extract<SubmitResult, { status: 'submitted' }>,
) {
  const at = deps.clock.now();
  await atomically(deps.db, deps.hub, async (db, hub) => {
    await markSubmitted(db, send.id, at, {
      threadId: result?.threadId ?? null,
      rfcMessageId: result?.rfcMessageId ?? null,
    });
    await recordEvent(db, hub, {
      userId: send.userId,
      type: 'send.submitted',
      sendId: send.id,
      templateId: send.templateId,
      recipient: null,
      detail: { to: send.to, subject: send.subject },
      at,
    });
    await recordRejectedRecipients({ ...deps, db, hub }, send, rejected, at);
  });
}

/** The provider said "not now": pause the mailbox, give the attempt back, wait for the pause to end. */
async function throttled(
  deps: SenderDeps,
  mailboxRow: MailboxRow,
  send: SendRow,
  retryAfterSeconds: number,
  detail: string,
) {
  const until = new Date(deps.clock.now().getTime() + Math.max(1, retryAfterSeconds) * 1000);
  await pauseForProvider(deps, mailboxRow, until, detail, { sendId: send.id, templateId: send.templateId });
  await refundAttempt(deps.db, send.id);
  await rescheduleSend(deps.db, send.id, until, detail);
  await moved(deps, send, pauseMove(mailboxRow.profileId, until, detail));
}

/**
 * The provider no longer honours the rep's grant: nothing was sent, so the send goes back to the
 * queue as it was (no attempt used up), the mailbox needs reconnecting (once: the first loss is
 * recorded, later ones change nothing), and the feed says this send is held. The claim skips the
 * mailbox until the rep reconnects; then the send goes out through the normal claim, once.
 */
async function held(
  deps: SenderDeps,
  send: SendRow,
  cause: MailboxAuthError | ConnectionState,
  attemptStarted: boolean,
) {
  const lost = cause instanceof MailboxAuthError;
  await holdSend(deps.db, send.id, heldExplanation(lost ? 'needs-reconnect' : cause), attemptStarted);
  if (lost) deps.logger.warn('mailbox grant rejected', { mailboxId: send.mailboxId, problem: cause.problem });
  const change = lost ? await loseConnection(deps, send.mailboxId, cause.problem) : null;
  // The loss itself recorded every waiting send of the mailbox, this one included.
  if (change?.held.includes(send.id)) return;
  const row = change?.row ?? (await findConnection(deps.db, send.mailboxId));
  if (row) deps.hub.publish(await insertHeldEvent(deps.db, send, row, deps.clock.now()));
}

async function retryLater(deps: SenderDeps, send: SendRow, detail: string) {
  const at = new Date(deps.clock.now().getTime() + backoffMs(send.attempts));
  await rescheduleSend(deps.db, send.id, at, detail);
  await moved(deps, send, retryMove(at, detail));
}

async function failed(deps: SenderDeps, send: SendRow, detail: string) {
  await atomically(deps.db, deps.hub, async (db, hub) => {
    await markFailed(db, send.id, detail);
    await recordEvent(db, hub, {
      userId: send.userId,
      type: 'send.failed',
      sendId: send.id,
      templateId: send.templateId,
      recipient: null,
      detail: { error: detail },
      at: deps.clock.now(),
    });
  });
}
