import { classifySmtpRefusal, type RejectedRecipient } from '@sendwell/core';
import { afterBounce } from '../services/deliveryOutcomes';
import type { OutcomeDeps } from '../services/outcomeDeps';
import { insertBounce } from '../store/bounces';
import type { SendRow } from '../store/rows';
import { findUser } from '../store/users';
import { recordEvent } from './recordEvent';

/**
 * Recipients an SMTP server refused at RCPT (while taking the message for the others) are bounces
 * known at once: recorded like the scanner records a notice's, so analytics and the feed count them
 * the same way. The notice id is the send's, so a repeated record is a no-op.
 */
export async function recordRejectedRecipients(
  deps: OutcomeDeps,
  send: SendRow,
  rejected: readonly RejectedRecipient[],
  at: Date,
): Promise<void> {
  if (rejected.length === 0) return;
  const user = await findUser(deps.db, send.userId);
  for (const r of rejected) {
    const { reason, hard } = classifySmtpRefusal(r.status, r.diagnostic);
    const isNew = await insertBounce(deps.db, {
      mailboxId: send.mailboxId,
      providerMessageId: `smtp-refusal:${send.id}`,
      sendId: send.id,
      recipient: r.recipient,
      action: 'failed',
      status: r.status,
      hard,
      reason,
      diagnostic: r.diagnostic,
      at,
    });
    if (!isNew) continue;
    await recordEvent(deps.db, deps.hub, {
      userId: send.userId,
      type: 'bounce',
      sendId: send.id,
      templateId: send.templateId,
      recipient: r.recipient,
      detail: {
        action: 'failed',
        status: r.status,
        hard,
        reason,
        diagnostic: r.diagnostic,
        subject: send.subject,
      },
      at,
    });
    if (user)
      await afterBounce(deps, {
        send,
        tenantId: user.tenantId,
        userId: send.userId,
        recipient: r.recipient,
        action: 'failed',
        hard,
        status: r.status,
        reason,
        diagnostic: r.diagnostic,
      });
  }
}
