import { classifySmtpRefusal, type RejectedRecipient } from '@sendwell/core';
import type { FeedHub } from '../services/feedHub';
import { insertBounce } from '../store/bounces';
import type { Db } from '../store/db';
import type { SendRow } from '../store/rows';
import { recordEvent } from './recordEvent';

/**
 * Recipients an SMTP server refused at RCPT (while taking the message for the others) are bounces
 * known at once: recorded like the scanner records a notice's, so analytics and the feed count them
 * the same way. The notice id is the send's, so a repeated record is a no-op.
 */
export async function recordRejectedRecipients(
  deps: { db: Db; hub: FeedHub },
  send: SendRow,
  rejected: readonly RejectedRecipient[],
  at: Date,
): Promise<void> {
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
  }
}
