import type { Context, MiddlewareHandler } from 'hono';
import { familyOf } from './rateLimit';

/** How many requests may use the store at once, and how long the rest may wait in line for a turn. */
export interface Admission {
  /** Requests being answered at once; 0 turns admission off. */
  maxInFlight: number;
  /** Requests waiting for a turn; one more is refused at once. */
  maxWaiting: number;
  /** A request still waiting after this long is refused (well under the 60 s request timeout). */
  maxWaitMs: number;
}

/** Why a request was not let in: the line was full, or it waited its longest. */
export type Refusal = 'line-full' | 'waited-too-long';

interface Waiter {
  admit(): void;
}

/**
 * A first-come-first-served gate in front of the store. Without it a burst of clients all waited
 * inside the server with no bound, and overload first showed as a client's own timeout; with it, at
 * most `maxInFlight` compete for the store, the rest wait their turn in order, and a request that
 * cannot get one in time is told to come back (429 + Retry-After) instead of being cut off.
 */
export class AdmissionGate {
  private inFlight = 0;
  private readonly waiting: Waiter[] = [];

  constructor(
    private readonly settings: Admission,
    private readonly timers: Pick<typeof globalThis, 'setTimeout' | 'clearTimeout'> = globalThis,
  ) {}

  /** Resolves when the request may go on (it must call `leave` when answered), or with why not. */
  enter(): Promise<{ ok: true } | { ok: false; refusal: Refusal }> {
    if (this.inFlight < this.settings.maxInFlight && this.waiting.length === 0) {
      this.inFlight++;
      return Promise.resolve({ ok: true });
    }
    if (this.waiting.length >= this.settings.maxWaiting)
      return Promise.resolve({ ok: false, refusal: 'line-full' });
    return new Promise((resolve) => {
      const waiter: Waiter = {
        admit: () => {
          this.timers.clearTimeout(timer);
          resolve({ ok: true });
        },
      };
      const timer = this.timers.setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(waiter), 1);
        resolve({ ok: false, refusal: 'waited-too-long' });
      }, this.settings.maxWaitMs);
      this.waiting.push(waiter);
    });
  }

  /** A request was answered: its turn passes to the longest-waiting one (the count stays the same). */
  leave(): void {
    const next = this.waiting.shift();
    if (next) next.admit();
    else this.inFlight--;
  }

  /** For /metrics and tests: requests being answered and requests in line. */
  load(): { inFlight: number; waiting: number } {
    return { inFlight: this.inFlight, waiting: this.waiting.length };
  }
}

/**
 * Paths that wait their turn: every route family that reads or writes the store for a client, and
 * the web app's session. Pages and assets do not touch the store; the sandbox stands in for
 * Microsoft and Google (the sender calls it); health checks must answer under load; the feed stream
 * opens once per subscriber and a browser's EventSource gives up on a 429.
 */
function waitsItsTurn(path: string): boolean {
  if (path === '/api/v1/feed/stream') return false;
  const family = familyOf(path);
  return (family !== null && family !== 'other') || path.startsWith('/app/session');
}

function busy(c: Context, settings: Admission, refusal: Refusal) {
  const retryAfterS = 1;
  c.header('Retry-After', String(retryAfterS));
  const why =
    refusal === 'line-full'
      ? `${settings.maxWaiting} requests are already waiting`
      : `this request waited ${Math.round(settings.maxWaitMs / 1000)} s for its turn`;
  return c.json(
    {
      error: {
        code: 'server-busy',
        message: `Sendwell is busy (${why}): try again in ${retryAfterS} s (the Retry-After header says when).`,
      },
    },
    429,
  );
}

/** The gate as middleware (docs/operations/limits.md, "Admission"). */
export function admission(gate: AdmissionGate, settings: Admission): MiddlewareHandler {
  return async (c, next) => {
    if (settings.maxInFlight <= 0 || !waitsItsTurn(c.req.path)) return next();
    const turn = await gate.enter();
    if (!turn.ok) return busy(c, settings, turn.refusal);
    try {
      await next();
    } finally {
      gate.leave();
    }
  };
}
