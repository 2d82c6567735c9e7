/**
 * `bounces parse` over many files on every core: the main thread and worker threads take batches
 * of files from one queue (each worker keeps two in flight so it never waits for the main thread,
 * which answers messages only between its own batches); outcomes come back in file order. A worker
 * that fails hands its batches back to the queue; a slow one is overtaken by the main thread.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, loadavg } from 'node:os';
import type { BounceReport } from '@sendwell/core';

/** One file's result: its JSON line (--json) or its report (table), or why it could not be read. */
export interface Outcome {
  file: string;
  line?: string;
  report?: BounceReport;
  error?: string;
}
export interface BatchRequest {
  batch: number;
  files: string[];
  json: boolean;
}
export interface BatchAnswer {
  batch: number;
  outcomes: Outcome[];
}

/** What the pool needs of a worker thread (a fake one in tests). */
export interface PoolWorker {
  postMessage(request: BatchRequest): void;
  on(event: 'message', listener: (answer: BatchAnswer) => void): unknown;
  on(event: 'error' | 'exit', listener: () => void): unknown;
  terminate(): unknown;
}

export interface PoolOptions {
  json: boolean;
  workers: number;
  spawn: () => PoolWorker;
  /** The main thread's own work: one batch, in order. */
  parseBatch: (files: string[], json: boolean) => Promise<Outcome[]>;
  batchSize?: number;
}

const BATCH_SIZE = 16;
const IN_FLIGHT = 2;
/** Below this many files a worker's start-up (a new isolate loading the engine) costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 96;
const MAX_WORKERS = 3;

/**
 * Extra threads worth starting for `files` files: the cores idle right now, less the main thread's
 * and one for V8's own background work (a one-thread run keeps 1.3 cores busy: the optimising
 * compiler and the garbage collector run beside it), so a two-core machine starts none. Each thread
 * warms the engine up on its own (a third of a cold run's CPU), so on a busy machine they cost more
 * than they give. `SENDWELL_BOUNCE_THREADS` (threads in all, main included) decides instead when set.
 */
export function workersFor(
  files: number,
  cores = availableParallelism(),
  busy = othersRunning(),
  requested = process.env.SENDWELL_BOUNCE_THREADS,
): number {
  if (files < MIN_FILES_FOR_WORKERS) return 0;
  const wanted = requested ? Number(requested) - 1 : cores - busy - 2;
  return Math.max(0, Math.min(Number.isFinite(wanted) ? wanted : 0, MAX_WORKERS));
}

/** Threads running on this machine besides ours (Linux: /proc/loadavg's count of running tasks). */
function othersRunning(): number {
  try {
    const [running] = (readFileSync('/proc/loadavg', 'utf8').split(' ')[3] ?? '').split('/');
    return Math.max(0, Number(running) - 1);
  } catch {
    return Math.floor(loadavg()[0] ?? 0);
  }
}

/**
 * The worker script beside the bundle (`dist/bounces-worker.mjs`, built by scripts/build-server.mjs).
 * Run from TypeScript (tsx), workers could not load .ts: none, the main thread does it all.
 */
export function workerScript(): URL | null {
  return import.meta.url.endsWith('.ts') ? null : new URL('./bounces-worker.mjs', import.meta.url);
}

/**
 * worker_threads is loaded only for a run that starts threads (most runs on a small machine start
 * none). Through require, not import(): the built engine runs in a vm.Script, which has no loader
 * for dynamic imports.
 */
export function workerSpawner(script: URL): () => PoolWorker {
  const { Worker } = createRequire(import.meta.url)(
    'node:worker_threads',
  ) as typeof import('node:worker_threads');
  return () => new Worker(script);
}

/**
 * Batches handed out in order; a batch given back (its worker failed) goes out again first, unless
 * someone has finished it meanwhile.
 */
class BatchQueue {
  private next = 0;
  private readonly returned: number[] = [];
  constructor(
    private readonly count: number,
    private readonly isDone: (batch: number) => boolean,
  ) {}
  take(): number | undefined {
    for (let batch = this.returned.pop(); batch !== undefined; batch = this.returned.pop())
      if (!this.isDone(batch)) return batch;
    return this.next < this.count ? this.next++ : undefined;
  }
  giveBack(batch: number): void {
    this.returned.push(batch);
  }
}

export async function* parseOnThreads(files: string[], options: PoolOptions): AsyncGenerator<Outcome> {
  const size = options.batchSize ?? BATCH_SIZE;
  const batches: string[][] = [];
  for (let i = 0; i < files.length; i += size) batches.push(files.slice(i, i + size));
  const done: boolean[] = [];
  const results: (Outcome[] | undefined)[] = [];
  const queue = new BatchQueue(batches.length, (batch) => done[batch] === true);
  // The first answer for a batch counts (a worker's, or the main thread's when it took it over).
  const settle = (batch: number, outcomes: Outcome[]) => {
    if (done[batch]) return;
    done[batch] = true;
    results[batch] = outcomes;
  };
  const workers = Array.from({ length: options.workers }, () => startWorker(options, batches, queue, settle));
  try {
    for (let emitted = 0; emitted < batches.length; ) {
      const ready = results[emitted];
      if (ready) {
        results[emitted++] = undefined;
        yield* ready;
        continue;
      }
      // With the queue empty the main thread does not wait: it parses the batch the output waits
      // for (still out at a worker), so a slow worker (a busy core, its warm-up) never holds it up.
      const mine = queue.take() ?? emitted;
      settle(mine, await options.parseBatch(batches[mine] as string[], options.json));
      // Let workers' answers in (and give them their next batch) before the next batch of ours.
      await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    for (const stop of workers) stop();
  }
}

/** Starts one worker on the queue; returns how to stop it. */
function startWorker(
  options: PoolOptions,
  batches: string[][],
  queue: BatchQueue,
  settle: (batch: number, outcomes: Outcome[]) => void,
): () => void {
  let worker: PoolWorker;
  try {
    worker = options.spawn();
  } catch {
    return () => {};
  }
  const inFlight = new Set<number>();
  let gone = false;
  const feed = () => {
    while (inFlight.size < IN_FLIGHT) {
      const batch = queue.take();
      if (batch === undefined) return;
      inFlight.add(batch);
      worker.postMessage({ batch, files: batches[batch] as string[], json: options.json });
    }
  };
  worker.on('message', (answer) => {
    inFlight.delete(answer.batch);
    settle(answer.batch, answer.outcomes);
    if (!gone) feed();
  });
  // A failed worker's batches go back to the queue for whoever is free (the main thread at least).
  const fail = () => {
    if (gone) return;
    gone = true;
    for (const batch of inFlight) queue.giveBack(batch);
    inFlight.clear();
    worker.terminate();
  };
  worker.on('error', fail);
  worker.on('exit', fail);
  feed();
  return () => {
    gone = true;
    worker.terminate();
  };
}
