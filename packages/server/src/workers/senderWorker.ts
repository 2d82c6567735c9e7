import type { Clock, Logger, MailboxPort } from '@sendwell/core';
import type { FeedHub } from '../services/feedHub';
import type { Db } from '../store/db';
import type { MailboxRow, SendRow } from '../store/rows';
import { claimDueSends, markFailed, markSubmitted, rescheduleSend } from '../store/sends';
import { findMailbox, pauseMailbox } from '../store/users';
import { recordEvent } from './recordEvent';

export interface SenderDeps {
  db: Db;
  clock: Clock;
  hub: FeedHub;
  logger: Logger;
  mailboxFor(mailbox: MailboxRow): MailboxPort;
  /** How long a claimed send stays ours before another worker may take it over. */
  leaseMs?: number;
  maxAttempts?: number;
}

const backoffMs = (attempt: number) => Math.min(15 * 60_000, 5_000 * 2 ** (attempt - 1));

/**
 * The outbox sender: claims due sends and submits them through the mailbox's native channel. A send
 * that was tried before is first reconciled with Sent items, so a crash between "provider accepted"
 * and "we recorded it" never sends twice.
 */
export async function sendDueOnce(deps: SenderDeps): Promise<number> {
  const now = deps.clock.now();
  const claimed = await claimDueSends(deps.db, now, deps.leaseMs ?? 120_000);
  for (const send of claimed) await deliver(deps, send);
  return claimed.length;
}

async function deliver(deps: SenderDeps, send: SendRow): Promise<void> {
  const mailboxRow = await findMailbox(deps.db, send.mailboxId);
  if (!mailboxRow) return markFailed(deps.db, send.id, 'mailbox removed');
  const mailbox = deps.mailboxFor(mailboxRow);
  try {
    if (send.attempts > 1 && (await mailbox.findSent(send.id))) return submitted(deps, send);
    const result = await mailbox.send({
      sendwellId: send.id,
      messageId: send.messageId,
      from: send.from,
      to: send.to,
      cc: send.cc,
      bcc: send.bcc,
      subject: send.subject,
      html: send.body,
    });
    if (result.status === 'submitted') return submitted(deps, send);
    if (result.status === 'throttled') return throttled(deps, send, result.retryAfterSeconds, result.detail);
    if (result.retryable && send.attempts < (deps.maxAttempts ?? 5))
      return retryLater(deps, send, result.detail);
    return failed(deps, send, result.detail);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    deps.logger.warn('send attempt crashed', { sendId: send.id, detail });
    if (send.attempts < (deps.maxAttempts ?? 5)) return retryLater(deps, send, detail);
    return failed(deps, send, detail);
  }
}

async function submitted(deps: SenderDeps, send: SendRow) {
  const at = deps.clock.now();
  await markSubmitted(deps.db, send.id, at);
  await recordEvent(deps.db, deps.hub, {
    userId: send.userId,
    type: 'send.submitted',
    sendId: send.id,
    templateId: send.templateId,
    recipient: null,
    detail: { to: send.to, subject: send.subject },
    at,
  });
}

async function throttled(deps: SenderDeps, send: SendRow, retryAfterSeconds: number, detail: string) {
  const now = deps.clock.now();
  const until = new Date(now.getTime() + Math.max(1, retryAfterSeconds) * 1000);
  await pauseMailbox(deps.db, send.mailboxId, until, detail);
  await rescheduleSend(deps.db, send.id, until, detail);
  await recordEvent(deps.db, deps.hub, {
    userId: send.userId,
    type: 'throttle.paused',
    sendId: send.id,
    templateId: send.templateId,
    recipient: null,
    detail: { until: until.toISOString(), reason: detail },
    at: now,
  });
}

async function retryLater(deps: SenderDeps, send: SendRow, detail: string) {
  const at = new Date(deps.clock.now().getTime() + backoffMs(send.attempts));
  await rescheduleSend(deps.db, send.id, at, detail);
}

async function failed(deps: SenderDeps, send: SendRow, detail: string) {
  await markFailed(deps.db, send.id, detail);
  await recordEvent(deps.db, deps.hub, {
    userId: send.userId,
    type: 'send.failed',
    sendId: send.id,
    templateId: send.templateId,
    recipient: null,
    detail: { error: detail },
    at: deps.clock.now(),
  });
}
