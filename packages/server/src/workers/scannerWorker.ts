import type { BounceReport, Clock, Logger, MailboxPort } from '@sendwell/core';
import { MailboxAuthError, parseBounce } from '@sendwell/core';
import { loseConnection } from '../connections/connectionLife';
import type { SentFolderPort } from '../mailboxes/sentFolder';
import { afterBounce } from '../services/deliveryOutcomes';
import type { FeedHub } from '../services/feedHub';
import { insertBounce } from '../store/bounces';
import { listConnectedMailboxIds } from '../store/connections';
import type { Db } from '../store/db';
import type { MailboxRow, SendRow } from '../store/rows';
import { findSend, findSendByMessageId, findSendByRecipient } from '../store/sends';
import { findUser, listMailboxes, saveScanCursor } from '../store/users';
import { isBounceCandidate } from './bounceCandidate';
import { pauseForProvider, QUOTA_NOTICE_PAUSE_MS } from './pauses';
import { recordEvent } from './recordEvent';
import { asSentFolder, scanSentFolder } from './sentScanner';

export interface ScannerDeps {
  db: Db;
  clock: Clock;
  hub: FeedHub;
  logger: Logger;
  mailboxFor(mailbox: MailboxRow): MailboxPort;
  /** The mailbox's Sent folder for the budget scan; by default the port itself when it can read it. */
  sentFolderFor?(mailbox: MailboxRow): SentFolderPort | null;
}

/**
 * One incremental scan of every connected mailbox: only new inbox messages, header pre-filter, raw
 * MIME for candidates, the core bounce engine, then attribution to the email we sent; and the Sent
 * folder, so mail sent outside Sendwell counts against the budget. It never deletes, moves or marks
 * user mail read: it only reads.
 */
export async function scanAllOnce(deps: ScannerDeps): Promise<number> {
  let found = 0;
  // A mailbox that is not connected has no grant to read with: it is skipped until it is again.
  const connected = await listConnectedMailboxIds(deps.db);
  // Exchange Server on-premises: no inbox to read (bounce tracking is not available there).
  for (const mailbox of (await listMailboxes(deps.db)).filter(
    (m) => connected.has(m.id) && m.provider !== 'exchange-server',
  ))
    found += await scanOneMailbox(deps, mailbox);
  return found;
}

/**
 * One mailbox's round: its inbox, then its Sent folder. Failures are logged (a lost grant marks the
 * mailbox for reconnecting), never thrown, so one mailbox cannot stop the others. `scanAllOnce` calls
 * it for each connected mailbox; "scan now" (`POST /api/v1/mailboxes/{id}/scan`) for one.
 */
export async function scanOneMailbox(deps: ScannerDeps, mailbox: MailboxRow): Promise<number> {
  let found = 0;
  try {
    found = await scanMailbox(deps, mailbox);
  } catch (error) {
    if (await lostGrant(deps, mailbox, error)) return found;
    deps.logger.warn('scan failed', { mailboxId: mailbox.id, detail: errorText(error) });
  }
  try {
    const folder = deps.sentFolderFor?.(mailbox) ?? asSentFolder(deps.mailboxFor(mailbox));
    if (folder) await scanSentFolder(deps, mailbox, folder);
  } catch (error) {
    if (await lostGrant(deps, mailbox, error)) return found;
    deps.logger.warn('sent-folder scan failed', { mailboxId: mailbox.id, detail: errorText(error) });
  }
  return found;
}

/** The provider no longer honours the grant: the mailbox needs reconnecting (once); skip the rest. */
async function lostGrant(deps: ScannerDeps, mailbox: MailboxRow, error: unknown): Promise<boolean> {
  if (!(error instanceof MailboxAuthError)) return false;
  deps.logger.warn('mailbox grant rejected', { mailboxId: mailbox.id, problem: error.problem });
  await loseConnection(deps, mailbox.id, error.problem);
  return true;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function scanMailbox(deps: ScannerDeps, mailbox: MailboxRow): Promise<number> {
  const port = deps.mailboxFor(mailbox);
  const page = await port.listInboxChanges(mailbox.scanCursor);
  let found = 0;
  for (const entry of page.entries.filter(isBounceCandidate)) {
    const report = await parseBounce(await port.getRawMessage(entry.providerMessageId));
    if (report.quotaSignal) await quotaPause(deps, mailbox, report.quotaSignal.detail);
    if (report.kind !== 'bounce') continue;
    found += await recordBounce(deps, mailbox, entry.providerMessageId, report);
  }
  await saveScanCursor(deps.db, mailbox.id, page.cursor);
  return found;
}

async function recordBounce(
  deps: ScannerDeps,
  mailbox: MailboxRow,
  noticeId: string,
  report: BounceReport,
): Promise<number> {
  const at = deps.clock.now();
  let recorded = 0;
  for (const recipient of report.recipients) {
    const send = await attribute(deps.db, mailbox, report, recipient.address, at);
    const isNew = await insertBounce(deps.db, {
      mailboxId: mailbox.id,
      providerMessageId: noticeId,
      sendId: send?.id ?? null,
      recipient: recipient.address,
      action: recipient.action,
      status: recipient.status,
      hard: recipient.hard,
      reason: recipient.reason,
      diagnostic: recipient.diagnostic,
      at,
    });
    if (!isNew) continue;
    recorded++;
    await recordEvent(deps.db, deps.hub, {
      userId: mailbox.userId,
      type: 'bounce',
      sendId: send?.id ?? null,
      templateId: send?.templateId ?? null,
      recipient: recipient.address,
      detail: {
        action: recipient.action,
        status: recipient.status,
        hard: recipient.hard,
        reason: recipient.reason,
        diagnostic: recipient.diagnostic,
        ...(recipient.retryUntil ? { retryUntil: recipient.retryUntil } : {}),
        subject: send?.subject ?? null,
      },
      at,
    });
    const owner = await findUser(deps.db, mailbox.userId);
    if (owner)
      await afterBounce(deps, {
        send,
        tenantId: owner.tenantId,
        userId: mailbox.userId,
        recipient: recipient.address,
        action: recipient.action,
        hard: recipient.hard,
        status: recipient.status,
        reason: recipient.reason,
        diagnostic: recipient.diagnostic,
      });
  }
  return recorded;
}

/** Which of our emails the notice is about: our header, else the Message-ID, else recipient + time. */
async function attribute(
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
    const send = await findSendByMessageId(db, mailbox.id, report.originalMessageId);
    if (send) return send;
  }
  return findSendByRecipient(db, mailbox.id, recipient.toLowerCase(), at);
}

/** A sending-quota notice: the provider has stopped this mailbox, so stop queuing into it. */
async function quotaPause(deps: ScannerDeps, mailbox: MailboxRow, detail: string) {
  const until = new Date(deps.clock.now().getTime() + QUOTA_NOTICE_PAUSE_MS);
  await pauseForProvider(deps, mailbox, until, detail);
}
