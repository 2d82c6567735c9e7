import { type BounceReport, parseBounce } from '@sendwell/core';
import type { NoticeRecipient, NoticeView } from '@sendwell/gmail';
import type { Db } from '../store/db';
import type { MailboxRow, SendRow, UserRow } from '../store/rows';
import { attributeNotice } from '../workers/attribution';
import { personStatus } from './campaignPeople';

/** How the add-on reads the message open in Gmail: the rep's mailbox port (`getRawMessage`). */
export interface MessageReader {
  getRawMessage(providerMessageId: string): Promise<Uint8Array>;
}

/** Recipients a notice reports as not delivered (failed or still being tried). */
const undelivered = (report: BounceReport) =>
  report.recipients.filter((r) => r.action === 'failed' || r.action === 'delayed' || r.action === null);

/** The rep's own send, as the card shows it; someone else's send is never named. */
function sendOf(send: SendRow | null, user: UserRow): NoticeRecipient['send'] {
  if (!send || send.userId !== user.id) return null;
  return { sendId: send.id, subject: send.subject, sentAt: send.submittedAt?.toISOString() ?? null };
}

/**
 * The message the rep opened in Gmail, when it is a bounce notice: read raw with the rep's own grant,
 * parsed by core's engine and tied to our send the way the scanner ties it (our header, the
 * Message-ID, else recipient and time). Anything else (a reply, a newsletter, an auto-reply) is null:
 * the add-on keeps its home card.
 */
export async function readBounceNotice(
  db: Db,
  reader: MessageReader,
  mailbox: MailboxRow,
  user: UserRow,
  messageId: string,
  now: Date,
): Promise<NoticeView | null> {
  const report = await parseBounce(await reader.getRawMessage(messageId));
  if (report.kind !== 'bounce') return null;
  const recipients = await Promise.all(
    undelivered(report).map(async (r): Promise<NoticeRecipient> => {
      const send = await attributeNotice(db, mailbox, report, r.address, now);
      return {
        email: r.address,
        hard: r.hard,
        action: r.action,
        reason: r.reason,
        status: r.status,
        diagnostic: r.diagnostic,
        send: sendOf(send, user),
        // An address the engine read badly is still shown, in no campaign.
        person: await personStatus(db, user, r.address, now).catch(() => ({
          email: r.address,
          enrolments: [],
          suppression: null,
        })),
      };
    }),
  );
  return recipients.length ? { recipients } : null;
}
