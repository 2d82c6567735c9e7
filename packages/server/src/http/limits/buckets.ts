import type { Rate } from './settings';

interface Bucket {
  tokens: number;
  at: number;
}

/** Outcome of taking one token: allowed, or refused with the seconds until one is back. */
export type Take = { ok: true } | { ok: false; retryAfterS: number };

/**
 * Token buckets by key, in memory (one process; each instance limits on its own). The map is
 * bounded: past `maxKeys` the oldest key goes, which only ever gives that client a fresh bucket,
 * so a flood of made-up tokens costs memory up to the bound and no more.
 */
export class Buckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly maxKeys = 100_000,
  ) {}

  private refill(key: string, rate: Rate): Bucket {
    const now = this.now();
    const found = this.buckets.get(key);
    const bucket = found ?? { tokens: rate.burst, at: now };
    bucket.tokens = Math.min(rate.burst, bucket.tokens + ((now - bucket.at) / 1000) * rate.perSecond);
    bucket.at = now;
    if (!found) {
      if (this.buckets.size >= this.maxKeys) this.buckets.delete(this.buckets.keys().next().value!);
      this.buckets.set(key, bucket);
    }
    return bucket;
  }

  /** Takes one token if there is one. */
  take(key: string, rate: Rate): Take {
    const bucket = this.refill(key, rate);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterS: Math.max(1, Math.ceil((1 - bucket.tokens) / rate.perSecond)) };
  }

  /** Whether a token is there, without taking it. */
  peek(key: string, rate: Rate): Take {
    const bucket = this.refill(key, rate);
    if (bucket.tokens >= 1) return { ok: true };
    return { ok: false, retryAfterS: Math.max(1, Math.ceil((1 - bucket.tokens) / rate.perSecond)) };
  }

  /** Takes a token that may go below zero: a failure already happened and is paid for. */
  charge(key: string, rate: Rate): void {
    this.refill(key, rate).tokens -= 1;
  }

  get size(): number {
    return this.buckets.size;
  }
}
