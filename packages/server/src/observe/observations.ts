/**
 * What this process saw that the database does not keep: provider errors, the last successful
 * inbox read per mailbox, worker rounds. Per process and reset by a restart (Prometheus counters
 * are expected to reset; `rate()` handles it). Time comes from the injected clock.
 */
export interface WorkerState {
  started: boolean;
  running: boolean;
  lastStartAt: number | null;
  lastFinishAt: number | null;
  failures: number;
}

export class Observations {
  readonly startedAt: number;
  private readonly scans = new Map<string, number>();
  private readonly errors = new Map<string, { provider: string; status: string; count: number }>();
  private readonly workers = new Map<string, WorkerState>();

  /** Set when the process was told to stop: readiness turns 503 so balancers move on first. */
  draining = false;

  constructor(readonly now: () => number) {
    this.startedAt = now();
  }

  /** An inbox read of this mailbox succeeded: its scan lag is zero now. */
  scanned(mailboxId: string): void {
    this.scans.set(mailboxId, this.now());
  }

  lastScan(mailboxId: string): number | null {
    return this.scans.get(mailboxId) ?? null;
  }

  providerError(provider: string, status: string): void {
    const key = `${provider}\u0000${status}`;
    const entry = this.errors.get(key) ?? { provider, status, count: 0 };
    entry.count += 1;
    this.errors.set(key, entry);
  }

  providerErrors(): { provider: string; status: string; count: number }[] {
    return [...this.errors.values()];
  }

  /** Wraps a worker round so readiness and metrics see it start, finish and fail. */
  round(name: string, work: () => Promise<unknown>): () => Promise<unknown> {
    const state = this.worker(name);
    state.started = true;
    return async () => {
      state.running = true;
      state.lastStartAt = this.now();
      try {
        return await work();
      } catch (error) {
        state.failures += 1;
        throw error;
      } finally {
        state.running = false;
        state.lastFinishAt = this.now();
      }
    };
  }

  workerStates(): [string, WorkerState][] {
    return [...this.workers.entries()];
  }

  private worker(name: string): WorkerState {
    let state = this.workers.get(name);
    if (!state) {
      state = { started: false, running: false, lastStartAt: null, lastFinishAt: null, failures: 0 };
      this.workers.set(name, state);
    }
    return state;
  }
}
