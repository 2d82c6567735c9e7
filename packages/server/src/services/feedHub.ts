import type { EventRow } from '../store/rows';

type Listener = (event: EventRow) => void;

/**
 * In-process fan-out of new events to live-feed subscribers, per user. Events are persisted first,
 * so a subscriber that reconnects replays what it missed from the events table.
 */
export class FeedHub {
  #listeners = new Map<string, Set<Listener>>();

  subscribe(userId: string, listener: Listener): () => void {
    const set = this.#listeners.get(userId) ?? new Set<Listener>();
    set.add(listener);
    this.#listeners.set(userId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.#listeners.delete(userId);
    };
  }

  publish(event: EventRow): void {
    for (const listener of this.#listeners.get(event.userId) ?? []) listener(event);
  }
}
