import type { Db } from './db';

export interface NewBounce {
  mailboxId: string;
  providerMessageId: string;
  sendId: string | null;
  recipient: string;
  action: string | null;
  status: string | null;
  hard: boolean | null;
  reason: string | null;
  diagnostic: string | null;
  at: Date;
}

/** Records a bounce once per (notice, recipient); returns false when a rescan saw it already. */
export async function insertBounce(db: Db, bounce: NewBounce): Promise<boolean> {
  const rows = await db.query(
    `insert into bounces (mailbox_id, provider_message_id, send_id, recipient, action, status, hard, reason, diagnostic, at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     on conflict (mailbox_id, provider_message_id, recipient) do nothing returning id`,
    [
      bounce.mailboxId,
      bounce.providerMessageId,
      bounce.sendId,
      bounce.recipient,
      bounce.action,
      bounce.status,
      bounce.hard,
      bounce.reason,
      bounce.diagnostic,
      bounce.at,
    ],
  );
  return rows.length > 0;
}

/**
 * Which of these inbox messages the scanner already recorded (a bounce, a reply or a complaint): a
 * scan resumed after a crash skips them without reading them again.
 */
export async function recordedNotices(
  db: Db,
  mailboxId: string,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.query<{ id: string }>(
    `select provider_message_id as id from bounces where mailbox_id = $1 and provider_message_id = any($2::text[])
     union select provider_message_id from replies where mailbox_id = $1 and provider_message_id = any($2::text[])
     union select provider_message_id from complaints where mailbox_id = $1 and provider_message_id = any($2::text[])`,
    [mailboxId, ids],
  );
  return new Set(rows.map((r) => r.id));
}
