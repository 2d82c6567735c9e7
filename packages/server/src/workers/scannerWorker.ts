import type { BounceReport, Clock, InboxBackfill, InboxEntry, Logger, MailboxPort } from '@sendwell/core';
import { DAY_MS, MailboxAuthError, parseBounce } from '@sendwell/core';
import { loseConnection } from '../connections/connectionLife';
import type { SentFolderPort } from '../mailboxes/sentFolder';
import { afterBounce } from '../services/deliveryOutcomes';
import type { FeedHub } from '../services/feedHub';
import { insertBounce, recordedNotices } from '../store/bounces';
import { listConnectedMailboxIds } from '../store/connections';
import type { Db } from '../store/db';
import { listOurThreadIds } from '../store/replies';
import type { MailboxRow, SendRow, UserRow } from '../store/rows';
import { findUser, listMailboxes, saveScanCursor } from '../store/users';
import { attributeNotice } from './attribution';
import { isBounceCandidate } from './bounceCandidate';
import { pauseForProvider, QUOTA_NOTICE_PAUSE_MS } from './pauses';
import { atomically, recordEvent } from './recordEvent';
import { matchReplies, type ReplyMatch, recordComplaints, recordReply } from './replies';
import { asSentFolder, scanSentFolder } from './sentScanner';

export interface ScannerDeps {
  db: Db;
  clock: Clock;
  hub: FeedHub;
  logger: Logger;
  mailboxFor(mailbox: MailboxRow): MailboxPort;
  /** How far a mailbox's first scan reads back (days); `DEFAULT_BACKFILL_DAYS` when not set. */
  backfillDays?: number;
  /** The mailbox's Sent folder for the budget scan; by default the port itself when it can read it. */
  sentFolderFor?(mailbox: MailboxRow): SentFolderPort | null;
}

/**
 * One incremental scan of every connected mailbox: only new inbox messages, header pre-filter, raw
 * MIME for candidates, the core bounce engine, then attribution to the email we sent; and the Sent
 * folder, so mail sent outside Sendwell counts against the budget. It never deletes, moves or marks
 * user mail read: it only reads.
 */
/** What one round recorded for the first time: bounce recipients, and answers (replies, complaints). */
interface Found {
  bounces: number;
  answers: number;
}

/** The new bounces, replies and complaints the round recorded, all mailboxes together. */
export async function scanAllOnce(deps: ScannerDeps): Promise<number> {
  let found = 0;
  // A mailbox that is not connected has no grant to read with: it is skipped until it is again.
  const connected = await listConnectedMailboxIds(deps.db);
  // Exchange Server on-premises: no inbox to read (bounce tracking is not available there).
  for (const mailbox of (await listMailboxes(deps.db)).filter(
    (m) => connected.has(m.id) && m.provider !== 'exchange-server',
  )) {
    const round = await scanRound(deps, mailbox);
    found += round.bounces + round.answers;
  }
  return found;
}

/**
 * "Scan now" (`POST /api/v1/mailboxes/{id}/scan`): one mailbox's round, answering the new bounce
 * recipients only (the route's `bouncesFound`); replies and complaints are recorded all the same.
 */
export async function scanOneMailbox(deps: ScannerDeps, mailbox: MailboxRow): Promise<number> {
  return (await scanRound(deps, mailbox)).bounces;
}

/**
 * One mailbox's round: its Sent folder, then its inbox (the Sent folder first: it records the
 * Message-ID Exchange gave our sends, which a reply in this round may quote). Failures are logged (a
 * lost grant marks the mailbox for reconnecting), never thrown, so one mailbox cannot stop the others.
 */
async function scanRound(deps: ScannerDeps, mailbox: MailboxRow): Promise<Found> {
  const none = { bounces: 0, answers: 0 };
  try {
    const folder = deps.sentFolderFor?.(mailbox) ?? asSentFolder(deps.mailboxFor(mailbox));
    if (folder) await scanSentFolder(deps, mailbox, folder);
  } catch (error) {
    if (await lostGrant(deps, mailbox, error)) return none;
    deps.logger.warn('sent-folder scan failed', { mailboxId: mailbox.id, detail: errorText(error) });
  }
  try {
    return await scanMailbox(deps, mailbox);
  } catch (error) {
    if (await lostGrant(deps, mailbox, error)) return none;
    deps.logger.warn('scan failed', { mailboxId: mailbox.id, detail: errorText(error) });
    return none;
  }
}

/** The provider no longer honours the grant: the mailbox needs reconnecting (once); skip the rest. */
async function lostGrant(deps: ScannerDeps, mailbox: MailboxRow, error: unknown): Promise<boolean> {
  if (!(error instanceof MailboxAuthError)) return false;
  deps.logger.warn('mailbox grant rejected', { mailboxId: mailbox.id, problem: error.problem });
  await loseConnection(deps, mailbox.id, error.problem);
  return true;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A mailbox's first scan reads back this many days (backfill), then only what is new. */
const DEFAULT_BACKFILL_DAYS = 30;

/**
 * The mailbox's round page by page (a large backfill is thousands of messages): after each page its
 * cursor is saved, and messages already recorded are skipped unread, so a scanner killed mid-round
 * resumes where it was and reads nothing it already counted.
 */
async function scanMailbox(deps: ScannerDeps, mailbox: MailboxRow): Promise<Found> {
  const port = deps.mailboxFor(mailbox);
  const owner = await findUser(deps.db, mailbox.userId);
  const found = { bounces: 0, answers: 0 };
  let cursor = mailbox.scanCursor;
  // The backfill shapes the round's first page only: later pages carry it in their cursor.
  let backfill = backfillFor(deps, mailbox);
  for (;;) {
    const page = port.listInboxPage
      ? await port.listInboxPage(cursor, backfill, (ids) => recordedNotices(deps.db, mailbox.id, ids))
      : { ...(await port.listInboxChanges(cursor, backfill)), more: false };
    if (owner) {
      const one = await scanEntries(deps, { mailbox, owner, port }, page.entries);
      found.bounces += one.bounces;
      found.answers += one.answers;
    }
    await saveScanCursor(deps.db, mailbox.id, page.cursor);
    if (!page.more) return found;
    cursor = page.cursor;
    backfill = undefined;
  }
}

async function scanEntries(
  deps: ScannerDeps,
  on: { mailbox: MailboxRow; owner: UserRow; port: MailboxPort },
  entries: InboxEntry[],
): Promise<Found> {
  const found = { bounces: 0, answers: 0 };
  const recorded = await recordedNotices(
    deps.db,
    on.mailbox.id,
    entries.map((e) => e.providerMessageId),
  );
  const fresh = entries.filter((e) => !recorded.has(e.providerMessageId));
  const replies = await matchReplies(deps.db, on.mailbox, fresh);
  for (const entry of fresh) {
    const one = await scanEntry(deps, on, entry, replies.get(entry.providerMessageId));
    found.bounces += one.bounces;
    found.answers += one.answers;
  }
  return found;
}

/**
 * One inbox message: raw MIME only when it may be a notice or an answer to one of our emails, then
 * the bounce engine says which: a bounce, a complaint (ARF), or (for an answer) an automatic reply
 * or a person's reply.
 */
async function scanEntry(
  deps: ScannerDeps,
  on: { mailbox: MailboxRow; owner: UserRow; port: MailboxPort },
  entry: InboxEntry,
  reply: ReplyMatch | undefined,
): Promise<Found> {
  const none = { bounces: 0, answers: 0 };
  if (!reply && !isBounceCandidate(entry)) return none;
  const { mailbox, owner, port } = on;
  const report = await parseBounce(await port.getRawMessage(entry.providerMessageId));
  if (report.quotaSignal) await quotaPause(deps, mailbox, report.quotaSignal.detail);
  const id = entry.providerMessageId;
  if (report.kind === 'bounce')
    return { ...none, bounces: await recordBounce(deps, mailbox, owner, id, report) };
  if (report.kind === 'feedback')
    return { ...none, answers: await recordComplaints(deps, mailbox, owner, id, report) };
  if (reply && report.kind !== 'delivered')
    return { ...none, answers: await recordReply(deps, mailbox, entry, reply, report) };
  return none;
}

/** Only on the first scan: read back `backfillDays`, with the Gmail threads of what we sent since. */
function backfillFor(deps: ScannerDeps, mailbox: MailboxRow): InboxBackfill | undefined {
  if (mailbox.scanCursor !== null) return undefined;
  const since = new Date(deps.clock.now().getTime() - (deps.backfillDays ?? DEFAULT_BACKFILL_DAYS) * DAY_MS);
  return { since, ourThreadIds: () => listOurThreadIds(deps.db, mailbox.id, since) };
}

/**
 * A notice's bounces, their events and what follows from them (suppressions, campaign exits) in one
 * transaction: a crash leaves the notice either wholly counted or not at all, never half (a bounce
 * row without its event would be skipped on the rescan and missing from the analytics for good).
 * The feed hears of the events once they are committed.
 */
async function recordBounce(
  deps: ScannerDeps,
  mailbox: MailboxRow,
  owner: UserRow,
  noticeId: string,
  report: BounceReport,
): Promise<number> {
  return atomically(deps.db, deps.hub, (tx, hub) =>
    recordBounceIn({ ...deps, db: tx, hub }, mailbox, owner, noticeId, report),
  );
}

async function recordBounceIn(
  deps: ScannerDeps,
  mailbox: MailboxRow,
  owner: UserRow,
  noticeId: string,
  report: BounceReport,
): Promise<number> {
  const at = deps.clock.now();
  let recorded = 0;
  for (const recipient of report.recipients) {
    const send = await attributeNotice(deps.db, mailbox, report, recipient.address, at);
    if (await recordRecipientBounce(deps, { mailbox, owner, noticeId, send, at }, recipient)) recorded++;
  }
  return recorded;
}

type BouncedRecipient = BounceReport['recipients'][number];

/**
 * One recipient's bounce, its event and what follows from it, inside the notice's transaction: the
 * bounce row is what a rescan after a crash checks, so it is never there without the event that
 * counts it. False when a rescan saw it already.
 */
async function recordRecipientBounce(
  deps: ScannerDeps,
  notice: { mailbox: MailboxRow; owner: UserRow; noticeId: string; send: SendRow | null; at: Date },
  recipient: BouncedRecipient,
): Promise<boolean> {
  const { db, hub } = deps;
  const { mailbox, send, at } = notice;
  const facts = {
    action: recipient.action,
    status: recipient.status,
    hard: recipient.hard,
    reason: recipient.reason,
    diagnostic: recipient.diagnostic,
  };
  const fresh = await insertBounce(db, {
    mailboxId: mailbox.id,
    providerMessageId: notice.noticeId,
    sendId: send?.id ?? null,
    recipient: recipient.address,
    ...facts,
    at,
  });
  if (!fresh) return false;
  await recordEvent(db, hub, {
    userId: mailbox.userId,
    type: 'bounce',
    sendId: send?.id ?? null,
    templateId: send?.templateId ?? null,
    recipient: recipient.address,
    detail: {
      ...facts,
      ...(recipient.retryUntil ? { retryUntil: recipient.retryUntil } : {}),
      subject: send?.subject ?? null,
    },
    at,
  });
  const outcome = {
    send,
    tenantId: notice.owner.tenantId,
    userId: mailbox.userId,
    recipient: recipient.address,
  };
  await afterBounce(deps, { ...outcome, ...facts });
  return true;
}

/** A sending-quota notice: the provider has stopped this mailbox, so stop queuing into it. */
async function quotaPause(deps: ScannerDeps, mailbox: MailboxRow, detail: string) {
  const until = new Date(deps.clock.now().getTime() + QUOTA_NOTICE_PAUSE_MS);
  await pauseForProvider(deps, mailbox, until, detail);
}
