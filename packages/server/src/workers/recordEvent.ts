import type { FeedHub } from '../services/feedHub';
import type { Db } from '../store/db';
import { insertEvent, type NewEvent } from '../store/events';

/** Persist first, then fan out: the feed never shows what the store does not have. */
export async function recordEvent(db: Db, hub: FeedHub, event: NewEvent): Promise<void> {
  hub.publish(await insertEvent(db, event));
}
