import { describe, expect, it } from 'vitest';
import { FeedCursor } from './feedCursor';

describe('FeedCursor', () => {
  it('sends an id that commits below one already sent, and each id once', () => {
    const cursor = new FeedCursor(0, 5_000);
    expect([10, 12].map((id) => cursor.take(id, 0))).toEqual([true, true]);
    cursor.settle(1_000);
    expect(cursor.readAfter).toBe(0); // 11 may still be in an open transaction
    expect([10, 11, 12].map((id) => cursor.take(id, 1_000))).toEqual([false, true, false]);
  });

  it('settles an id once it has been sent for the settle time, and never sends below the floor', () => {
    const cursor = new FeedCursor(0, 5_000);
    cursor.take(10, 0);
    cursor.take(20, 4_000);
    cursor.settle(5_000);
    expect(cursor.readAfter).toBe(10);
    cursor.settle(9_000);
    expect(cursor.readAfter).toBe(20);
    expect(cursor.take(15, 9_000)).toBe(false);
  });

  it.each([
    ['a Last-Event-ID', 42, 42],
    ['nothing yet', 0, 0],
  ])('starts after %s', (_label, after, expected) => {
    expect(new FeedCursor(after, 5_000).readAfter).toBe(expected);
  });

  it('re-reads the unsettled window at most every rereadMs, and otherwise reads after the newest id sent', () => {
    const cursor = new FeedCursor(0, 5_000, 1_000);
    expect(cursor.readFrom(0)).toBe(0);
    cursor.take(10, 0);
    cursor.take(12, 0);
    expect(cursor.readFrom(400)).toBe(12);
    // 11 commits late: the next read due a re-read starts at the floor again and finds it.
    expect(cursor.readFrom(1_000)).toBe(0);
    expect([10, 11, 12].map((id) => cursor.take(id, 1_000))).toEqual([false, true, false]);
    cursor.settle(6_000);
    expect(cursor.readFrom(6_000)).toBe(12);
  });

  it('a fresh stream skips what is older than its first events', () => {
    const cursor = new FeedCursor(0, 5_000);
    cursor.skipBelow(980);
    expect(cursor.take(979, 0)).toBe(false);
    expect(cursor.take(980, 0)).toBe(true);
  });
});
