/**
 * Version 61 (issue 11): planning a send skips future reservations the sender itself moved on, found
 * by looking for a `send.rescheduled` event per reservation (store/sendQueue.ts). With no index on
 * `events.send_id` the plan read the events table, and its cost estimate grew with the queue until
 * PostgreSQL JIT-compiled the query on every send: `POST /sends` fell from 113 to 11 requests/s with
 * 1,369 sends queued per mailbox (`pnpm bench:api`; 557 ms per plan, 2.6 ms with this index). Only
 * rescheduled events are looked up this way, so the index holds only those.
 */
export const RESCHEDULED_EVENTS_MIGRATION = {
  version: 61,
  name: 'index the events that mark a send rescheduled by the sender',
  sql: `
create index events_rescheduled_send on events(send_id) where type = 'send.rescheduled';
`,
};
