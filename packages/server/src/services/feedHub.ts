import { z } from 'zod';
import type { Db } from '../store/db';
import { EVENTS_CHANNEL } from '../store/events';
import type { EventRow } from '../store/rows';

type Listener = (event: EventRow) => void;
type Wake = () => void;

const noteSchema = z.object({ userId: z.string(), tenantId: z.string().nullable() });

/**
 * Wakes live-feed streams when an event is written. Events are persisted first and every stream
 * reads them from the events table, so a wake-up carries nothing a stream relies on: a lost one only
 * costs the stream's poll interval, and a subscriber that reconnects replays what it missed.
 * Wake-ups come from this process (`publish`) and, on PostgreSQL, from every instance's inserts
 * through LISTEN/NOTIFY (`listenForEvents`), keyed by the user and by the user's tenant (team feeds).
 */
export class FeedHub {
  #listeners = new Map<string, Set<Listener>>();
  #wakes = new Map<string, Set<Wake>>();

  /** In-process: `listener` gets each event this process writes for the user. */
  subscribe(userId: string, listener: Listener): () => void {
    return add(this.#listeners, userId, listener);
  }

  /**
   * `wake` runs when an event of the user is written here or (PostgreSQL) by any instance; with
   * `tenantId`, also for every user of the tenant written by any instance (PGlite: own user only).
   */
  wakeOn(who: { userId: string; tenantId?: string }, wake: Wake): () => void {
    const stops = [add(this.#wakes, `user:${who.userId}`, wake)];
    if (who.tenantId) stops.push(add(this.#wakes, `tenant:${who.tenantId}`, wake));
    return () => {
      for (const stop of stops) stop();
    };
  }

  publish(event: EventRow): void {
    for (const listener of this.#listeners.get(event.userId) ?? []) listener(event);
    this.#wake(`user:${event.userId}`);
  }

  /** A NOTIFY payload from `insertEvent`; anything else is ignored. */
  noted(payload: string): void {
    const note = noteSchema.safeParse(parseJson(payload));
    if (!note.success) return;
    this.#wake(`user:${note.data.userId}`);
    if (note.data.tenantId) this.#wake(`tenant:${note.data.tenantId}`);
  }

  /** Every stream reads again (the listening connection came back: notes may have been lost). */
  wakeAll(): void {
    for (const set of this.#wakes.values()) for (const wake of set) wake();
  }

  #wake(key: string): void {
    for (const wake of this.#wakes.get(key) ?? []) wake();
  }
}

function add<T>(map: Map<string, Set<T>>, key: string, item: T): () => void {
  const set = map.get(key) ?? new Set<T>();
  set.add(item);
  map.set(key, set);
  return () => {
    set.delete(item);
    if (set.size === 0) map.delete(key);
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * Feeds the hub with every instance's event inserts when the store can LISTEN (PostgreSQL); on
 * PGlite, one process owns the data and `publish` already sees every event. Resolves to a stop.
 */
export async function listenForEvents(db: Db, hub: FeedHub): Promise<() => Promise<void>> {
  if (!db.listen) return async () => {};
  return db.listen(EVENTS_CHANNEL, (payload) => (payload === null ? hub.wakeAll() : hub.noted(payload)));
}
