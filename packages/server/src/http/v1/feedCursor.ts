/**
 * Where a live feed stream stands. On PostgreSQL an event's id is drawn when its transaction inserts
 * it, not when it commits, so a transaction that began earlier can commit an id below one the stream
 * has already sent (two instances, or two requests at once). Reading strictly after the last id sent
 * would skip it for good. So the stream reads after a settled floor, sends only ids it has not sent,
 * and moves the floor past an id once it has been sent for `settleMs`: a lower id appearing after that
 * needs a transaction open longer than `settleMs`, which Sendwell does not hold.
 *
 * Re-reading the whole unsettled window on every wake would cost a busy team stream a growing read
 * per event, so the window is re-read at most every `rereadMs` and other wakes read only what is
 * newer than the newest id sent: a late commit shows up within `rereadMs` of the next wake or poll.
 */
export class FeedCursor {
  /** Ids sent and not yet settled, with when they were sent (ms). */
  private readonly unsettled = new Map<number, number>();
  private newestSent = 0;
  private windowReadAt = Number.NEGATIVE_INFINITY;

  constructor(
    private floor: number,
    private readonly settleMs: number,
    private readonly rereadMs = 1_000,
  ) {}

  /** The settled floor: nothing at or below it is ever sent. */
  get readAfter(): number {
    return this.floor;
  }

  /** Where this read starts: the floor when the window is due a re-read, else after the newest id sent. */
  readFrom(now: number): number {
    if (now - this.windowReadAt >= this.rereadMs) {
      this.windowReadAt = now;
      return this.floor;
    }
    return Math.max(this.floor, this.newestSent);
  }

  /** True the first time an id above the floor is offered (send it); false when already sent. */
  take(id: number, now: number): boolean {
    if (id <= this.floor || this.unsettled.has(id)) return false;
    this.unsettled.set(id, now);
    this.newestSent = Math.max(this.newestSent, id);
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
