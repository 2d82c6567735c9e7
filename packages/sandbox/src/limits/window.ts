/**
 * A rolling-window counter: how much was used in the last `windowMs`, whether one more use of
 * `weight` fits under `limit`, and when it would. Time comes from the caller (tests never sleep).
 */
export class RollingWindow {
  #events: { at: number; weight: number }[] = [];

  constructor(
    readonly windowMs: number,
    readonly limit: number,
  ) {}

  #prune(now: number): void {
    while (this.#events.length > 0 && this.#events[0]!.at <= now - this.windowMs) this.#events.shift();
  }

  used(now: Date): number {
    this.#prune(now.getTime());
    return this.#events.reduce((sum, e) => sum + e.weight, 0);
  }

  fits(now: Date, weight: number): boolean {
    return this.used(now) + weight <= this.limit;
  }

  add(now: Date, weight: number): void {
    this.#events.push({ at: now.getTime(), weight });
  }

  /** Milliseconds until `weight` more would fit (0 if it fits now; Infinity if it never can). */
  waitMs(now: Date, weight: number): number {
    if (weight > this.limit) return Number.POSITIVE_INFINITY;
    let over = this.used(now) + weight - this.limit;
    if (over <= 0) return 0;
    for (const event of this.#events) {
      over -= event.weight;
      if (over <= 0) return event.at + this.windowMs - now.getTime() + 1;
    }
    return this.windowMs;
  }
}

/** One RollingWindow per key (mailbox), created on first use. */
export class WindowsByKey {
  readonly #windows = new Map<string, RollingWindow>();
  constructor(
    private readonly windowMs: number,
    private readonly limit: number,
  ) {}

  get(key: string): RollingWindow {
    let window = this.#windows.get(key);
    if (!window) {
      window = new RollingWindow(this.windowMs, this.limit);
      this.#windows.set(key, window);
    }
    return window;
  }
}
