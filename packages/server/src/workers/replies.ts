import type { BounceReport, InboxEntry } from '@sendwell/core';
import { afterOptOut, afterReply } from '../services/deliveryOutcomes';
import type { OutcomeDeps } from '../services/outcomeDeps';
import type { Db } from '../store/db';
import { findSendsByMessageIds, findSendsByThreadIds, insertComplaint, insertReply } from '../store/replies';
import type { MailboxRow, SendRow, UserRow } from '../store/rows';
import { attributeNotice } from './attribution';
import { recordEvent } from './recordEvent';
import { addressOf, allRefs, looksLikeOurs, type ReplyRefs, replyRefs } from './replyCandidate';

/** How an inbox message was tied to one of our sends (or why it is listed as unattributed). */
export type ReplyMatch =
  | { send: SendRow; matchedBy: 'in-reply-to' | 'references' | 'thread'; refs: ReplyRefs }
  | { send: null; matchedBy: 'unknown-sendwell-id'; refs: ReplyRefs };

/**
 * Which entries of a page answer one of our emails: In-Reply-To / References naming one of the
 * mailbox user's sends, else (Gmail) a thread one of our sends is in. Two queries per page, not per
 * message. Entries that name a Sendwell id we do not know are kept too, for the unattributed list.
 */
export async function matchReplies(
  db: Db,
  mailbox: MailboxRow,
  entries: InboxEntry[],
): Promise<Map<string, ReplyMatch>> {
  const refs = new Map(entries.map((e) => [e.providerMessageId, replyRefs(e)]));
  const byId = new Map<string, SendRow>();
  const wanted = [...new Set([...refs.values()].flatMap(allRefs))];
  for (const send of await findSendsByMessageIds(db, mailbox.userId, wanted)) {
    byId.set(send.messageId, send);
    if (send.rfcMessageId) byId.set(send.rfcMessageId, send);
  }
  const threads = [...new Set(entries.map((e) => e.threadId).filter((t): t is string => !!t))];
  const byThread = new Map(
    (await findSendsByThreadIds(db, mailbox.id, threads)).map((s) => [s.threadId ?? '', s]),
  );
  const matches = new Map<string, ReplyMatch>();
  for (const entry of entries) {
    const r = refs.get(entry.providerMessageId)!;
    const match = matchOne(r, entry.threadId ? byThread.get(entry.threadId) : undefined, byId);
    if (match) matches.set(entry.providerMessageId, match);
  }
  return matches;
}

function matchOne(
  r: ReplyRefs,
  inThread: SendRow | undefined,
  byId: Map<string, SendRow>,
): ReplyMatch | null {
  const direct = r.inReplyTo.map((id) => byId.get(id)).find(Boolean);
  if (direct) return { send: direct, matchedBy: 'in-reply-to', refs: r };
  // The newest of ours in the chain: References lists the thread oldest first.
  const chained = [...r.references]
    .reverse()
    .map((id) => byId.get(id))
    .find(Boolean);
  if (chained) return { send: chained, matchedBy: 'references', refs: r };
  if (inThread) return { send: inThread, matchedBy: 'thread', refs: r };
  if (allRefs(r).some(looksLikeOurs)) return { send: null, matchedBy: 'unknown-sendwell-id', refs: r };
  return null;
}

/**
 * An answer to one of our emails, recorded once: an automatic one (out-of-office: the bounce engine
 * says `auto-reply`) is kept with `auto` and a feed row, nothing more; a person's reply gets a feed
 * row and `afterReply` (they leave the campaign). One with an unknown Sendwell id gets a feed row
 * without a send and the unattributed list. The mailbox owner's own messages are not replies.
 */
export async function recordReply(
  deps: OutcomeDeps,
  mailbox: MailboxRow,
  entry: InboxEntry,
  match: ReplyMatch,
  report: BounceReport,
): Promise<number> {
  const from = addressOf(entry.from);
  if (!from || from === mailbox.address.toLowerCase()) return 0;
  const auto = report.kind === 'auto-reply';
  const evidence = {
    matchedBy: match.matchedBy,
    inReplyTo: match.refs.inReplyTo,
    references: match.refs.references,
    threadId: entry.threadId ?? null,
    subject: entry.subject,
    receivedAt: entry.receivedAt,
  };
  const at = deps.clock.now();
  const isNew = await insertReply(deps.db, {
    mailboxId: mailbox.id,
    providerMessageId: entry.providerMessageId,
    sendId: match.send?.id ?? null,
    from,
    auto,
    evidence,
    at,
  });
  if (!isNew) return 0;
  // Unattributed ones too (send id null): the feed shows them, like a bounce we could not tie.
  await recordEvent(deps.db, deps.hub, {
    userId: mailbox.userId,
    type: auto ? 'auto-reply' : 'reply',
    sendId: match.send?.id ?? null,
    templateId: match.send?.templateId ?? null,
    recipient: from,
    detail: { from, subject: entry.subject, matchedBy: match.matchedBy },
    at,
  });
  if (!auto && match.send) await afterReply(deps, { send: match.send, from, evidence });
  return 1;
}

/**
 * A spam complaint (ARF feedback report): recorded once per (report, address), a feed row for the
 * mailbox owner, then `afterOptOut` (the address is suppressed for the team and leaves campaigns).
 */
export async function recordComplaints(
  deps: OutcomeDeps,
  mailbox: MailboxRow,
  owner: UserRow,
  noticeId: string,
  report: BounceReport,
): Promise<number> {
  const at = deps.clock.now();
  let recorded = 0;
  for (const recipient of report.recipients) {
    const email = recipient.address.toLowerCase();
    const send = await attributeNotice(deps.db, mailbox, report, email, at);
    const evidence = { originalMessageId: report.originalMessageId, diagnostic: recipient.diagnostic };
    const isNew = await insertComplaint(deps.db, {
      mailboxId: mailbox.id,
      providerMessageId: noticeId,
      sendId: send?.id ?? null,
      email,
      evidence,
      at,
    });
    if (!isNew) continue;
    recorded++;
    await recordEvent(deps.db, deps.hub, {
      userId: mailbox.userId,
      type: 'complaint',
      sendId: send?.id ?? null,
      templateId: send?.templateId ?? null,
      recipient: email,
      detail: { ...evidence, subject: send?.subject ?? null },
      at,
    });
    await afterOptOut(deps, {
      kind: 'complaint',
      send,
      tenantId: owner.tenantId,
      userId: mailbox.userId,
      email,
      evidence: { noticeId, ...evidence },
    });
  }
  return recorded;
}
