import type { BounceReport } from '@sendwell/core';
import type { Db } from '../store/db';
import { findSendsByMessageIds } from '../store/replies';
import type { MailboxRow, SendRow } from '../store/rows';
import { findSend, findSendByMessageId, findSendByRecipient } from '../store/sends';

/**
 * Which of our emails a notice (bounce or complaint) is about: our header, else the Message-ID,
 * else recipient + time.
 */
export async function attributeNotice(
  db: Db,
  mailbox: MailboxRow,
  report: BounceReport,
  recipient: string,
  at: Date,
): Promise<SendRow | null> {
  const headerId = report.originalHeaders?.['x-sendwell-id'];
  if (headerId) {
    const send = await findSend(db, headerId.trim());
    // The rep's own sends through an SMTP lane too: the lane has no inbox, its notices come back to
    // the rep's mailbox (the envelope sender), so the send's user is this mailbox's user.
    if (send && (send.mailboxId === mailbox.id || send.userId === mailbox.userId)) return send;
  }
  if (report.originalMessageId) {
    const send =
      (await findSendByMessageId(db, mailbox.id, report.originalMessageId)) ??
      // The Message-ID the provider gave a send (Graph's JSON sendMail), recorded from Sent Items.
      (await findSendsByMessageIds(db, mailbox.userId, [report.originalMessageId]))[0];
    if (send) return send;
  }
  return findSendByRecipient(db, mailbox.id, recipient.toLowerCase(), at);
}
