import type { Db } from './db';
import { type SendRow, toSend } from './rows';

export interface NewReply {
  mailboxId: string;
  providerMessageId: string;
  /** Null: it answered a Sendwell id we do not know (listed as unattributed). */
  sendId: string | null;
  from: string;
  /** An out-of-office or other automatic answer: recorded, never counted as a reply. */
  auto: boolean;
  evidence: Record<string, unknown>;
  at: Date;
}

/** Records a reply once per inbox message; false when a rescan (or the backfill) saw it already. */
export async function insertReply(db: Db, reply: NewReply): Promise<boolean> {
  const rows = await db.query(
    `insert into replies (mailbox_id, provider_message_id, send_id, from_addr, auto, evidence, at)
     values ($1, $2, $3, $4, $5, $6, $7) on conflict (mailbox_id, provider_message_id) do nothing returning id`,
    [
      reply.mailboxId,
      reply.providerMessageId,
      reply.sendId,
      reply.from,
      reply.auto,
      JSON.stringify(reply.evidence),
      reply.at,
    ],
  );
  return rows.length > 0;
}

export interface NewComplaint {
  mailboxId: string;
  providerMessageId: string;
  sendId: string | null;
  email: string;
  evidence: Record<string, unknown>;
  at: Date;
}

/** Records a spam complaint once per (report, address); false when it was recorded already. */
export async function insertComplaint(db: Db, complaint: NewComplaint): Promise<boolean> {
  const rows = await db.query(
    `insert into complaints (mailbox_id, provider_message_id, send_id, email, evidence, at)
     values ($1, $2, $3, $4, $5, $6) on conflict (mailbox_id, provider_message_id, email) do nothing returning id`,
    [
      complaint.mailboxId,
      complaint.providerMessageId,
      complaint.sendId,
      complaint.email,
      JSON.stringify(complaint.evidence),
      complaint.at,
    ],
  );
  return rows.length > 0;
}

/**
 * The user's sends whose Message-ID is one of `ids` (our `<id>@sendwell.local`, or the one the
 * provider gave it). The user's, not only this mailbox's: an SMTP lane's replies come to the rep's
 * mailbox. Never another user's, so never another tenant's.
 */
export async function findSendsByMessageIds(db: Db, userId: string, ids: string[]): Promise<SendRow[]> {
  if (ids.length === 0) return [];
  const rows = await db.query(
    `select * from sends where user_id = $1 and status = 'submitted'
        and (message_id = any($2::text[]) or rfc_message_id = any($2::text[]))`,
    [userId, ids],
  );
  return rows.map(toSend);
}

/** The latest submitted send of this mailbox in each of these Gmail threads. */
export async function findSendsByThreadIds(
  db: Db,
  mailboxId: string,
  threadIds: string[],
): Promise<SendRow[]> {
  if (threadIds.length === 0) return [];
  const rows = await db.query(
    `select distinct on (thread_id) * from sends
      where mailbox_id = $1 and thread_id = any($2::text[]) and status = 'submitted'
      order by thread_id, submitted_at desc, id desc`,
    [mailboxId, threadIds],
  );
  return rows.map(toSend);
}

/** Gmail threads of what this mailbox sent through Sendwell since `since` (the backfill reads them). */
export async function listOurThreadIds(db: Db, mailboxId: string, since: Date): Promise<Set<string>> {
  const rows = await db.query<{ thread_id: string }>(
    `select distinct thread_id from sends
      where mailbox_id = $1 and thread_id is not null and status = 'submitted' and submitted_at >= $2`,
    [mailboxId, since],
  );
  return new Set(rows.map((r) => r.thread_id));
}

/**
 * The Message-ID our send actually went out with, as the Sent folder shows it (Exchange assigns its
 * own to a JSON sendMail): replies quote it in In-Reply-To, so they can be tied to the send.
 */
export async function saveRfcMessageId(db: Db, sendId: string, rfcMessageId: string): Promise<void> {
  await db.query(
    'update sends set rfc_message_id = $2 where id = $1 and rfc_message_id is distinct from $2',
    [sendId, rfcMessageId],
  );
}
