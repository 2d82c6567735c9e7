import type { Db } from './db';
import { type EventRow, toEvent } from './rows';

export type NewEvent = Omit<EventRow, 'id'>;

export async function insertEvent(db: Db, event: NewEvent): Promise<EventRow> {
  const [row] = await db.query(
    `insert into events (user_id, type, send_id, template_id, recipient, detail, at)
     values ($1, $2, $3, $4, $5, $6, $7) returning *`,
    [
      event.userId,
      event.type,
      event.sendId,
      event.templateId,
      event.recipient,
      JSON.stringify(event.detail),
      event.at,
    ],
  );
  return toEvent(row!);
}

/** Events of one user after `afterId`, oldest first (the feed replays these on reconnect). */
export async function listEvents(db: Db, userId: string, afterId = 0, limit = 50): Promise<EventRow[]> {
  const rows = await db.query(
    'select * from events where user_id = $1 and id > $2 order by id desc limit $3',
    [userId, afterId, limit],
  );
  return rows.map(toEvent).reverse();
}

export async function listTemplateEvents(db: Db, templateId: string): Promise<EventRow[]> {
  const rows = await db.query(
    `select * from events where template_id = $1 and type in ('send.submitted', 'bounce') order by id`,
    [templateId],
  );
  return rows.map(toEvent);
}
