import type { Db } from '../store/db';

/**
 * Requests that lock the same mailbox row take turns in memory first. Without this, each one held
 * a pooled database connection while it waited for the row lock; at 200 concurrent sends the pool's
 * 10 connections were all waiting on two or three mailboxes and everything else (other mailboxes,
 * the sender worker) queued behind them. The row lock stays the rule across instances; this only
 * keeps one waiter per mailbox per process at the database.
 */
export class KeyedTurns {
  private readonly tails = new Map<string, Promise<void>>();

  /** Runs `work` after every earlier `run` for the same key has settled (fulfilled or not). */
  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(work);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Keys with work running or waiting (for tests: the map must not keep finished keys). */
  get size(): number {
    return this.tails.size;
  }
}

const byDb = new WeakMap<Db, KeyedTurns>();

/** One set of mailbox turns per database handle (a process has one; tests open many). */
export function mailboxTurns(db: Db): KeyedTurns {
  let turns = byDb.get(db);
  if (!turns) {
    turns = new KeyedTurns();
    byDb.set(db, turns);
  }
  return turns;
}
