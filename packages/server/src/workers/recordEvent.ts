import type { Db } from '../store/db';
import { type NewEvent, insertEvent } from '../store/events';
import type { FeedHub } from '../services/feedHub';

/** Persist first, then fan out: the feed never shows what the store does not have. */
export async function recordEvent(db: Db, hub: FeedHub, event: NewEvent): Promise<void> {
  hub.publish(await insertEvent(db, event));
}
