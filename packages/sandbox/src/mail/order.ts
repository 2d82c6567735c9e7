/**
 * Sorted-array helpers for the mailbox indexes: every list, search, history and delta read starts
 * with a binary search, so a call costs O(log n + page) however full the mailbox is.
 */

/** The first index whose item is not `before` the key (items sorted ascending by the same order). */
export function lowerBound<T>(items: readonly T[], before: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(items[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Arrival order of a mailbox listing: received time, then arrival sequence. */
interface Arrival {
  receivedAt: Date;
  seq: number;
}

export function compareArrival(a: Arrival, b: Arrival): number {
  return a.receivedAt.getTime() - b.receivedAt.getTime() || a.seq - b.seq;
}

/** Inserts keeping ascending arrival order; appends in O(1) when it is the newest (the usual case). */
export function insertByArrival<T extends Arrival>(items: T[], item: T): void {
  const last = items[items.length - 1];
  if (!last || compareArrival(last, item) <= 0) {
    items.push(item);
    return;
  }
  items.splice(
    lowerBound(items, (x) => compareArrival(x, item) < 0),
    0,
    item,
  );
}
