import type { Db } from './db';
import { type EventRow, toEvent } from './rows';

export type NewEvent = Omit<EventRow, 'id'>;

/** The NOTIFY channel that tells every instance on one PostgreSQL that an event was written. */
export const EVENTS_CHANNEL = 'sendwell_events';

/**
 * On PostgreSQL the insert also notifies EVENTS_CHANNEL with `{userId, tenantId}`: delivered when the
 * transaction commits (never for a rolled-back event), once per distinct payload per transaction, to
 * every instance's feed streams. The events table stays the truth: the note only wakes a reader.
 */
const NOTIFY = ` select e.* from e left join users u on u.id = e.user_id,
     lateral (select pg_notify('${EVENTS_CHANNEL}',
       json_build_object('userId', e.user_id, 'tenantId', u.tenant_id)::text)) notified`;

export async function insertEvent(db: Db, event: NewEvent): Promise<EventRow> {
  const [row] = await db.query(
    `with e as (insert into events (user_id, type, send_id, template_id, recipient, detail, at)
     values ($1, $2, $3, $4, $5, $6, $7) returning *)${db.engine === 'postgres' ? NOTIFY : ' select * from e'}`,
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

/** A template's delivery event with the recipient count (To + Cc + Bcc) of its send. */
export interface TemplateEventRow extends EventRow {
  recipients: number;
}

/** Sent, bounce and reply events of one template, with each send's recipient count, oldest first. */
export async function listTemplateEvents(db: Db, templateId: string): Promise<TemplateEventRow[]> {
  const rows = await db.query(
    `select e.*, coalesce(jsonb_array_length(s.to_addrs) + jsonb_array_length(s.cc_addrs)
            + jsonb_array_length(s.bcc_addrs), 0) as recipients
       from events e left join sends s on s.id = e.send_id
      where e.template_id = $1 and e.type in ('send.submitted', 'bounce', 'reply') order by e.id`,
    [templateId],
  );
  return rows.map((r) => ({ ...toEvent(r), recipients: Number(r.recipients) }));
}

export interface FeedQuery {
  /** The reader. */
  userId: string;
  /** `team`: every user of the reader's tenant (never another tenant's); `mine`: the reader's own. */
  scope: 'mine' | 'team';
  /** Only the events of sends with a bounce notice, and unattributed bounces. */
  bouncesOnly?: boolean;
  /** Only events after this id (the SSE stream's Last-Event-ID). */
  afterId?: number;
  /** Only events before this id (the list's cursor: the last id of the previous page). */
  beforeId?: number;
  /** The oldest `limit` events (a stream catching up), not the newest (a page, a fresh stream's backlog). */
  oldestFirst?: boolean;
  limit: number;
}

/**
 * Recent feed events, oldest first. The limit counts events; the client folds them into one row per
 * send (core `foldFeed`). With `bouncesOnly`, every event of a send that bounced comes along, so its
 * row still shows the whole life (queued, sent, each recipient's outcome).
 */
export async function listFeedEvents(db: Db, query: FeedQuery): Promise<EventRow[]> {
  const who =
    query.scope === 'team'
      ? 'e.user_id in (select id from users where tenant_id = (select tenant_id from users where id = $1))'
      : 'e.user_id = $1';
  const bounced = query.bouncesOnly
    ? `and (e.type = 'bounce' and coalesce(e.detail->>'action', '') <> 'delayed'
            or e.send_id in (select send_id from events b where b.type = 'bounce' and b.send_id is not null
                                and coalesce(b.detail->>'action', '') <> 'delayed'))`
    : '';
  const rows = await db.query(
    `select e.* from events e where ${who} and e.id > $3 and ($4::bigint is null or e.id < $4) ${bounced}
      order by e.id ${query.oldestFirst ? 'asc' : 'desc'} limit $2`,
    [query.userId, query.limit, query.afterId ?? 0, query.beforeId ?? null],
  );
  const events = rows.map(toEvent);
  return query.oldestFirst ? events : events.reverse();
}
