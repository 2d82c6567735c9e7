import type { LimitedBy, Metric, Reservation, SendRequest, WindowLimit } from './types';

interface Entry {
  at: number;
  messages: number;
  recipients: number;
  external: number;
}

export function amountOf(metric: Metric, request: SendRequest): number {
  return metric === 'messages' ? 1 : request[metric];
}

/**
 * One rolling window over time-ordered entries. Entries at or before `t - windowMs` have aged out
 * of the window ending at t, so they are dropped as time moves forward (time only moves forward here).
 */
class WindowState {
  readonly #entries: Entry[] = [];
  #head = 0;
  #sum = 0;

  constructor(readonly limit: WindowLimit) {}

  push(entry: Entry): void {
    this.#entries.push(entry);
    this.#sum += entry[this.limit.metric];
  }

  advance(t: number): void {
    const cutoff = t - this.limit.windowMs;
    while (this.#head < this.#entries.length && this.#entries[this.#head]!.at <= cutoff) {
      this.#sum -= this.#entries[this.#head]![this.limit.metric];
      this.#head += 1;
    }
    // Keep memory bounded in long forecasts.
    if (this.#head > 4096 && this.#head * 2 > this.#entries.length) {
      this.#entries.splice(0, this.#head);
      this.#head = 0;
    }
  }

  used(): number {
    return this.#sum;
  }

  /** Earliest time >= t (all entries at or before t) at which `amount` more fits; Infinity if never. */
  earliest(t: number, amount: number): number {
    if (amount > this.limit.target) return Number.POSITIVE_INFINITY;
    let inWindow = this.#sum;
    for (let k = this.#head; inWindow + amount > this.limit.target; k += 1) {
      const oldest = this.#entries[k];
      if (!oldest) return Number.POSITIVE_INFINITY;
      inWindow -= oldest[this.limit.metric];
      if (inWindow + amount <= this.limit.target) return Math.max(t, oldest.at + this.limit.windowMs);
    }
    return t;
  }
}

export interface Slot {
  at: number;
  limitedBy: LimitedBy;
  window?: WindowLimit;
}

/**
 * The reservation history of one mailbox, ready for first-come-first-served planning: a new message
 * never goes before an already reserved one. That keeps slots monotone and makes the window check
 * exact: with every reservation at or before t, only the window ending at t can overflow.
 */
export class Ledger {
  readonly #windows: WindowState[];
  #lastAt: number | null = null;

  constructor(
    windows: WindowLimit[],
    history: Reservation[],
    readonly minIntervalMs: number,
  ) {
    this.#windows = windows.map((limit) => new WindowState(limit));
    const sorted = history
      .map((r) => ({ at: r.at.getTime(), messages: 1, recipients: r.recipients, external: r.external }))
      .sort((a, b) => a.at - b.at);
    for (const entry of sorted) this.#append(entry);
  }

  get lastAt(): number | null {
    return this.#lastAt;
  }

  /** Earliest slot at or after `from` for this request, and what decided it. Does not reserve. */
  plan(request: SendRequest, from: number, fromReason: LimitedBy): Slot {
    let slot: Slot = { at: from, limitedBy: fromReason };
    const later = (at: number, limitedBy: LimitedBy, window?: WindowLimit) => {
      if (at > slot.at) slot = { at, limitedBy, window };
    };
    if (this.#lastAt !== null) {
      // A reservation still ahead of us means a queue; one behind us only asks for spacing.
      later(this.#lastAt + this.minIntervalMs, this.#lastAt > from ? 'queue' : 'pace');
    }
    const start = slot.at;
    for (const state of this.#windows) {
      state.advance(start);
      const at = state.earliest(start, amountOf(state.limit.metric, request));
      later(at, state.limit.id === 'batch' ? 'batch' : 'window', state.limit);
    }
    return slot;
  }

  reserve(at: number, request: SendRequest): void {
    this.#append({ at, messages: 1, recipients: request.recipients, external: request.external });
  }

  /** Sum of each window's metric over reservations still inside it at `t` (future ones included). */
  usage(t: number): { limit: WindowLimit; used: number }[] {
    return this.#windows.map((state) => {
      state.advance(t);
      return { limit: state.limit, used: state.used() };
    });
  }

  #append(entry: Entry): void {
    for (const state of this.#windows) state.push(entry);
    this.#lastAt = this.#lastAt === null ? entry.at : Math.max(this.#lastAt, entry.at);
  }
}
