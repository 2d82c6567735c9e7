import type { FeedHub } from '../services/feedHub';
import type { Db } from '../store/db';
import { insertEvent, type NewEvent } from '../store/events';
import type { EventRow } from '../store/rows';

/** Persist first, then fan out: the feed never shows what the store does not have. */
export async function recordEvent(db: Db, hub: FeedHub, event: NewEvent): Promise<void> {
  hub.publish(await insertEvent(db, event));
}

/**
 * Runs `work` in one transaction, so a change of state and the events that count it are both
 * there or neither is after a crash (a kill between "submitted" and its event would leave a send
 * the analytics never count, and a bounce row without its event is never counted on a rescan
 * either, since the rescan sees the row). Events recorded through the given hub reach the live
 * feed only once committed.
 */
export async function atomically<T>(
  db: Db,
  hub: FeedHub,
  work: (tx: Db, hub: FeedHub) => Promise<T>,
): Promise<T> {
  const held: EventRow[] = [];
  // The real hub for everything else; only publish waits for the commit.
  const holding: FeedHub = Object.create(hub, {
    publish: { value: (event: EventRow) => held.push(event) },
  });
  const result = await db.transaction((tx) => work(tx, holding));
  for (const event of held) hub.publish(event);
  return result;
}
