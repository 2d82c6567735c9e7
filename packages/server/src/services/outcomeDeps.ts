import type { Clock, Logger } from '@sendwell/core';
import type { Db } from '../store/db';
import type { FeedHub } from './feedHub';

/** What the consequences of a bounce, reply, complaint or unsubscribe need: store, time, feed. */
export interface OutcomeDeps {
  db: Db;
  clock: Clock;
  hub: FeedHub;
  logger: Logger;
}
