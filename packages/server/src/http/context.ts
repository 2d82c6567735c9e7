import type { Clock, Logger } from '@sendwell/core';
import type { FeedHub } from '../services/feedHub';
import type { Db } from '../store/db';
import type { UserRow } from '../store/rows';

/** What the HTTP layer needs from the composition root. */
export interface ApiDeps {
  db: Db;
  clock: Clock;
  hub: FeedHub;
  logger: Logger;
  /** Resolves a bearer token to a user, or throws ApiError(401). */
  authenticate(token: string): Promise<UserRow>;
  wakeSender(): void;
}

export type ApiEnv = { Variables: { user: UserRow } };
