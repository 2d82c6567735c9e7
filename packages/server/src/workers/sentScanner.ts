import { type Clock, DAY_MS } from '@sendwell/core';
import type { SentFolderPort, SentItem } from '../mailboxes/sentFolder';
import type { Db } from '../store/db';
import { saveRfcMessageId } from '../store/replies';
import type { MailboxRow } from '../store/rows';
import { findSend, findSendByMessageId, insertSentElsewhere } from '../store/sends';
import { loadSentCursor, saveSentCursor } from '../store/users';
import { reservationFor } from './pacing';

export interface SentScanDeps {
  db: Db;
  clock: Clock;
}

/** A port that can read its Sent folder (GraphMailbox does; the Gmail one comes through `sentFolderFor`). */
export function asSentFolder(port: unknown): SentFolderPort | null {
  return typeof (port as SentFolderPort | null)?.listSentChanges === 'function'
    ? (port as SentFolderPort)
    : null;
}

/**
 * The budget includes the Sent folder: mail the rep sent outside Sendwell (Outlook, Gmail on the web,
 * a phone) in the last 24 hours becomes a reservation, once per message, so the planner and the
 * quota see what the provider's own counters see. Our own sends are recognised by X-Sendwell-Id or
 * their Message-ID and skipped: they hold a reservation already.
 */
export async function scanSentFolder(
  deps: SentScanDeps,
  mailbox: MailboxRow,
  folder: SentFolderPort,
): Promise<number> {
  const now = deps.clock.now();
  const since = new Date(now.getTime() - DAY_MS);
  const page = await folder.listSentChanges(await loadSentCursor(deps.db, mailbox.id), since);
  let recorded = 0;
  for (const item of page.items) {
    if (item.sentAt < since || item.recipients.length === 0) continue;
    if (await sentBySendwell(deps.db, mailbox, item)) continue;
    const at = new Date(Math.min(item.sentAt.getTime(), now.getTime()));
    const counts = reservationFor(item.recipients, mailbox.address);
    if (await insertSentElsewhere(deps.db, mailbox.id, item.providerMessageId, { at, ...counts })) recorded++;
  }
  await saveSentCursor(deps.db, mailbox.id, page.cursor);
  return recorded;
}

/** Ours by X-Sendwell-Id (then the Message-ID it went out with is recorded) or by our Message-ID. */
async function sentBySendwell(db: Db, mailbox: MailboxRow, item: SentItem): Promise<boolean> {
  if (item.sendwellId) {
    const send = await findSend(db, item.sendwellId.trim());
    if (send && send.mailboxId === mailbox.id) {
      if (item.internetMessageId && item.internetMessageId !== send.rfcMessageId)
        await saveRfcMessageId(db, send.id, item.internetMessageId);
      return true;
    }
  }
  if (item.internetMessageId)
    return (await findSendByMessageId(db, mailbox.id, item.internetMessageId)) !== null;
  return false;
}
