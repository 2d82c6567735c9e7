import type { Db } from './db';
import { type SendRow, toSend } from './rows';

export type NewSend = Omit<SendRow, 'status' | 'attempts' | 'lastError' | 'submittedAt'>;

/** Every send made from one draft: its own key (`one`) or its per-recipient keys `<key>:<address>` (`each`). */
export async function listSendsForDraft(db: Db, userId: string, draftKey: string): Promise<SendRow[]> {
  const rows = await db.query(
    `select * from sends where user_id = $1
       and (idempotency_key = $2 or left(idempotency_key, length($2) + 1) = $2 || ':')
     order by send_at, id`,
    [userId, draftKey],
  );
  return rows.map(toSend);
}

export async function findSend(db: Db, id: string): Promise<SendRow | null> {
  const [row] = await db.query('select * from sends where id = $1', [id]);
  return row ? toSend(row) : null;
}

export async function findSendByMessageId(
  db: Db,
  mailboxId: string,
  messageId: string,
): Promise<SendRow | null> {
  const [row] = await db.query('select * from sends where mailbox_id = $1 and message_id = $2', [
    mailboxId,
    messageId,
  ]);
  return row ? toSend(row) : null;
}

/** The latest submitted send from this mailbox that had `recipient` among its addressees. */
export async function findSendByRecipient(
  db: Db,
  mailboxId: string,
  recipient: string,
  before: Date,
): Promise<SendRow | null> {
  const [row] = await db.query(
    `select * from sends where mailbox_id = $1 and status = 'submitted' and submitted_at <= $3
       and (to_addrs ? $2 or cc_addrs ? $2 or bcc_addrs ? $2)
     order by submitted_at desc limit 1`,
    [mailboxId, recipient.toLowerCase(), before],
  );
  return row ? toSend(row) : null;
}

/** Inserts a scheduled send and its throttle reservation; call inside the mailbox-locking transaction. */
export async function insertScheduledSend(
  tx: Db,
  send: NewSend,
  reservation: { recipients: number; external: number },
): Promise<SendRow> {
  const [row] = await tx.query(
    `insert into sends (id, user_id, mailbox_id, host, template_id, idempotency_key, message_id, from_addr,
       to_addrs, cc_addrs, bcc_addrs, subject, body, status, send_at, channel_kind, channel_label,
       campaign_id, enrolment_id, step_id, step_index, in_reply_to, thread_references, thread_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'scheduled', $14, $15, $16,
       $17, $18, $19, $20, $21, $22, $23) returning *`,
    [
      send.id,
      send.userId,
      send.mailboxId,
      send.host,
      send.templateId,
      send.idempotencyKey,
      send.messageId,
      send.from,
      JSON.stringify(send.to),
      JSON.stringify(send.cc),
      JSON.stringify(send.bcc),
      // A subject is one header line: every send path (web, add-ins, campaigns, merged display names)
      // meets here, and Graph, EWS and SMTP would otherwise carry its line breaks into the message.
      send.subject.replace(/[\r\n]+/g, ' '),
      send.body,
      send.sendAt,
      send.channelKind ?? null,
      send.channelLabel ?? null,
      send.campaign?.campaignId ?? null,
      send.campaign?.enrolmentId ?? null,
      send.campaign?.stepId ?? null,
      send.campaign?.stepIndex ?? null,
      send.thread?.inReplyTo ?? null,
      send.thread ? JSON.stringify(send.thread.references) : null,
      // The earlier email's Gmail thread: this one joins it.
      send.thread?.threadId ?? null,
    ],
  );
  await tx.query(
    'insert into reservations (mailbox_id, send_id, at, recipients, external) values ($1, $2, $3, $4, $5)',
    [send.mailboxId, send.id, send.sendAt, reservation.recipients, reservation.external],
  );
  return toSend(row!);
}

export interface ReservationRow {
  at: Date;
  recipients: number;
  external: number;
}

/** Reservations of a mailbox from `since` on (the throttle's rolling windows look back 24 h). */
export async function listReservations(db: Db, mailboxId: string, since: Date): Promise<ReservationRow[]> {
  const rows = await db.query<{ at: Date | string; recipients: number; external: number }>(
    'select at, recipients, external from reservations where mailbox_id = $1 and at >= $2 order by at',
    [mailboxId, since],
  );
  return rows.map(toReservation);
}

const toReservation = (r: { at: Date | string; recipients: number; external: number }): ReservationRow => ({
  at: new Date(r.at),
  recipients: Number(r.recipients),
  external: Number(r.external),
});

/** Moves a send's reservation (a reschedule after a provider pause keeps the budget honest). */
export async function rescheduleSend(db: Db, id: string, sendAt: Date, error: string | null): Promise<void> {
  await db.query(
    `update sends set status = 'retry', send_at = $2, claimed_until = null, started_at = null, last_error = $3
     where id = $1`,
    [id, sendAt, error],
  );
  await db.query('update reservations set at = $2 where send_id = $1', [id, sendAt]);
}

/**
 * Claims due sends for one worker. `for update skip locked` lets several server instances share one
 * PostgreSQL without two of them sending the same row; the lease lets another instance take over a
 * row whose worker died mid-send (it reconciles with Sent items first). Sends of a paused mailbox,
 * or of one that is not connected (needs reconnecting, disconnected, disabled), are not claimed:
 * they wait in the queue without a provider call. A claim is not an attempt:
 * `attempts` counts provider submissions only (see `beginAttempt`).
 */
export async function claimDueSends(db: Db, now: Date, leaseMs: number, limit = 10): Promise<SendRow[]> {
  return db.transaction(async (tx) => {
    const rows = await tx.query(
      `select s.* from sends s left join mailboxes m on m.id = s.mailbox_id
       where ((s.status in ('scheduled', 'retry') and s.send_at <= $1)
              or (s.status = 'sending' and s.claimed_until < $1))
         and (m.paused_until is null or m.paused_until <= $1)
         and coalesce(m.state, 'connected') = 'connected'
       order by s.send_at, s.created_at, s.id limit $2 for update of s skip locked`,
      [now, limit],
    );
    const claimed: SendRow[] = [];
    for (const row of rows) {
      const [updated] = await tx.query(
        `update sends set status = 'sending', claimed_until = $2, started_at = null where id = $1 returning *`,
        [row.id, new Date(now.getTime() + leaseMs)],
      );
      // A send claimed back from `sending` with an attempt started was in flight when its worker
      // stopped: the provider may have it. Native lanes reconcile with Sent items; SMTP lanes cannot.
      const inFlight = row.status === 'sending' && row.started_at != null;
      claimed.push({ ...toSend(updated!), reclaimedInFlight: inFlight });
    }
    return claimed;
  });
}

/**
 * Reservations that stand for mail that actually left (or may have left) the mailbox since `since`:
 * submitted sends, sends in flight at the provider (except `exceptSendId`), and mail sent outside
 * Sendwell. The worker re-plans against these before it submits, so overdue sends are paced.
 * No upper bound on time: another instance that took the mailbox lock first may have started a send
 * stamped after the caller read its clock (the caller read it before waiting for the lock), and that
 * send left all the same.
 */
export async function listActualReservations(
  db: Db,
  mailboxId: string,
  since: Date,
  exceptSendId: string,
): Promise<ReservationRow[]> {
  const rows = await db.query<{ at: Date | string; recipients: number; external: number }>(
    `select r.at, r.recipients, r.external from reservations r left join sends s on s.id = r.send_id
     where r.mailbox_id = $1 and r.at >= $2
       and (r.send_id is null or s.status = 'submitted'
            or (s.status = 'sending' and s.started_at is not null and s.id <> $3))
     order by r.at`,
    [mailboxId, since, exceptSendId],
  );
  return rows.map(toReservation);
}

/** The worker is about to call the provider: count the attempt and hold the reservation at `at`. */
export async function markAttemptStarted(tx: Db, id: string, at: Date): Promise<SendRow> {
  const [row] = await tx.query(
    `update sends set started_at = $2, attempts = attempts + 1, check_failures = 0 where id = $1 returning *`,
    [id, at],
  );
  await tx.query('update reservations set at = $2 where send_id = $1', [id, at]);
  return toSend(row!);
}

/**
 * Puts a claimed send back in the queue without a provider call (paused mailbox, too soon for the
 * windows or the pacing): no attempt is used up. The reservation moves with it.
 */
export async function deferSend(db: Db, id: string, sendAt: Date, why: string): Promise<void> {
  await db.query(
    `update sends set status = case when attempts = 0 then 'scheduled' else 'retry' end, send_at = $2,
       claimed_until = null, started_at = null, last_error = $3 where id = $1`,
    [id, sendAt, why],
  );
  await db.query('update reservations set at = $2 where send_id = $1', [id, sendAt]);
}

/**
 * A paused mailbox's queue waits: every send still waiting (not claimed) that was due before the
 * pause ends moves to its end, with its reservation, so its shown time is not a time that cannot
 * happen. Returns the moved sends with the time they had before.
 */
export async function deferWaitingSends(
  db: Db,
  mailboxId: string,
  until: Date,
  why: string,
): Promise<(SendRow & { previousSendAt: Date })[]> {
  return db.transaction(async (tx) => {
    const waiting = (
      await tx.query(
        `select * from sends where mailbox_id = $1 and status in ('scheduled', 'retry') and send_at < $2
         order by send_at, created_at, id for update`,
        [mailboxId, until],
      )
    ).map(toSend);
    for (const send of waiting) await deferSend(tx, send.id, until, why);
    return waiting.map((send) => ({ ...send, previousSendAt: send.sendAt, sendAt: until }));
  });
}

/**
 * The mailbox's grant stopped working mid-send (a 401 after a refresh): nothing was sent, so the
 * send goes back to the queue as it was: same time, same reservation, the attempt given back.
 */
export async function holdSend(db: Db, id: string, why: string, attemptStarted: boolean): Promise<void> {
  await db.query(
    `update sends set attempts = greatest(attempts - $3, 0), claimed_until = null, started_at = null,
       status = case when greatest(attempts - $3, 0) = 0 then 'scheduled' else 'retry' end, last_error = $2
     where id = $1`,
    [id, why, attemptStarted ? 1 : 0],
  );
  await db.query(
    'update reservations set at = s.send_at from sends s where s.id = $1 and reservations.send_id = $1',
    [id],
  );
}

/**
 * The provider refused to take the message for now (429): the attempt is given back, since
 * nothing was sent and a busy provider must not use up the retry budget.
 */
export async function refundAttempt(db: Db, id: string): Promise<void> {
  await db.query('update sends set attempts = greatest(attempts - 1, 0) where id = $1', [id]);
}

/**
 * The Sent-items lookup before a retry failed: try again later, without spending an attempt. The
 * delay grows with consecutive failed lookups (`delayMs(failures)`).
 */
export async function recordCheckFailure(
  db: Db,
  id: string,
  now: Date,
  error: string,
  delayMs: (failures: number) => number,
): Promise<Date> {
  const [row] = await db.query<{ n: number }>(
    'update sends set check_failures = check_failures + 1 where id = $1 returning check_failures as n',
    [id],
  );
  const at = new Date(now.getTime() + delayMs(Number(row?.n ?? 1)));
  await rescheduleSend(db, id, at, error);
  return at;
}

/** Records mail the rep sent outside Sendwell (found in Sent items) as a reservation, once. */
export async function insertSentElsewhere(
  db: Db,
  mailboxId: string,
  providerMessageId: string,
  reservation: ReservationRow,
): Promise<boolean> {
  const rows = await db.query(
    `insert into reservations (mailbox_id, send_id, provider_message_id, at, recipients, external)
     values ($1, null, $2, $3, $4, $5) on conflict (mailbox_id, provider_message_id) do nothing returning id`,
    [mailboxId, providerMessageId, reservation.at, reservation.recipients, reservation.external],
  );
  return rows.length > 0;
}

/**
 * The provider took the send. `threadId` (Gmail) and `rfcMessageId` (when the provider chose the
 * Message-ID) are kept when known, so a reply, or a later step in the same thread, can find it.
 */
export async function markSubmitted(
  db: Db,
  id: string,
  at: Date,
  ids: { threadId?: string | null; rfcMessageId?: string | null } = {},
): Promise<void> {
  await db.query(
    `update sends set status = 'submitted', submitted_at = $2, claimed_until = null, last_error = null,
       check_failures = 0, thread_id = coalesce($3, thread_id), rfc_message_id = coalesce($4, rfc_message_id)
     where id = $1`,
    [id, at, ids.threadId ?? null, ids.rfcMessageId ?? null],
  );
}

export async function markFailed(db: Db, id: string, error: string): Promise<void> {
  await db.query(`update sends set status = 'failed', claimed_until = null, last_error = $2 where id = $1`, [
    id,
    error,
  ]);
  // A permanently failed send frees its slot in the budget.
  await db.query('delete from reservations where send_id = $1', [id]);
}

export async function countQueued(db: Db, mailboxId: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `select count(*)::int as n from sends where mailbox_id = $1 and status in ('scheduled', 'retry', 'sending')`,
    [mailboxId],
  );
  return Number(row?.n ?? 0);
}
