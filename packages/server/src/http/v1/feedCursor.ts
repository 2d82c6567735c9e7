/**
 * Where a live feed stream stands. On PostgreSQL an event's id is drawn when its transaction inserts
 * it, not when it commits, so a transaction that began earlier can commit an id below one the stream
 * has already sent (two instances, or two requests at once). Reading strictly after the last id sent
 * would skip it for good. So the stream reads after a settled floor, sends only ids it has not sent,
 * and moves the floor past an id once it has been sent for `settleMs`: a lower id appearing after that
 * needs a transaction open longer than `settleMs`, which Sendwell does not hold.
 */
export class FeedCursor {
  /** Ids sent and not yet settled, with when they were sent (ms). */
  private readonly unsettled = new Map<number, number>();

  constructor(
    private floor: number,
    private readonly settleMs: number,
  ) {}

  /** Read events after this id. */
  get readAfter(): number {
    return this.floor;
  }

  /** True the first time an id above the floor is offered (send it); false when already sent. */
  take(id: number, now: number): boolean {
    if (id <= this.floor || this.unsettled.has(id)) return false;
    this.unsettled.set(id, now);
    return true;
  }

  /** Nothing below `id` is sent from now on (a fresh stream starts at its newest events). */
  skipBelow(id: number): void {
    this.floor = Math.max(this.floor, id - 1);
  }

  /** Moves the floor to the highest id sent at least `settleMs` ago, and forgets what is below it. */
  settle(now: number): void {
    for (const [id, sentAt] of this.unsettled)
      if (now - sentAt >= this.settleMs && id > this.floor) this.floor = id;
    for (const id of this.unsettled.keys()) if (id <= this.floor) this.unsettled.delete(id);
  }
}
