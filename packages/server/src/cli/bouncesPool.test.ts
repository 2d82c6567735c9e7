import { describe, expect, it } from 'vitest';
import {
  type BatchAnswer,
  type BatchRequest,
  type Outcome,
  type PoolWorker,
  parseOnThreads,
  workersFor,
} from './bouncesPool';

// biome-ignore lint/suspicious/noExplicitAny: one stand-in for the 'message' and 'error' listeners
type Listener = (value?: any) => void;

/** A worker thread stand-in: answers each batch after `delayMs`, or fails on its `failOn`-th batch. */
function fakeWorker(name: string, { delayMs = 1, failOn = 0 } = {}) {
  const listeners: Record<string, Listener[]> = {};
  let received = 0;
  let terminated = false;
  const emit = (event: string, value?: unknown) => {
    for (const listener of listeners[event] ?? []) listener(value);
  };
  const worker: PoolWorker & { terminated: () => boolean } = {
    on(event: string, listener: Listener) {
      listeners[event] = [...(listeners[event] ?? []), listener];
      return worker;
    },
    postMessage({ batch, files }: BatchRequest) {
      received++;
      if (failOn && received === failOn) {
        setTimeout(() => emit('error', new Error('worker crashed')), delayMs);
        return;
      }
      const answer: BatchAnswer = {
        batch,
        outcomes: files.map((file) => ({ file, line: `${name}:${file}` })),
      };
      setTimeout(() => !terminated && emit('message', answer), delayMs);
    },
    terminate() {
      terminated = true;
    },
    terminated: () => terminated,
  };
  return worker;
}

const files = (n: number) => Array.from({ length: n }, (_, i) => `f${String(i).padStart(3, '0')}`);
const mainThread = async (batch: string[]): Promise<Outcome[]> =>
  batch.map((file) => ({ file, line: `main:${file}` }));

async function collect(run: AsyncIterable<Outcome>) {
  const out: Outcome[] = [];
  for await (const outcome of run) out.push(outcome);
  return out;
}

describe('parseOnThreads', () => {
  it('returns every file once, in file order, whichever thread parsed it', async () => {
    // Workers answer well before the main thread gets through a batch: their answers are used.
    const pool = [fakeWorker('w1', { delayMs: 1 }), fakeWorker('w2', { delayMs: 2 })];
    const slowMainThread = async (batch: string[]) => {
      await new Promise((resolve) => setTimeout(resolve, 15));
      return mainThread(batch);
    };
    let spawned = 0;
    const outcomes = await collect(
      parseOnThreads(files(100), {
        json: true,
        workers: 2,
        batchSize: 4,
        spawn: () => pool[spawned++] as PoolWorker,
        parseBatch: slowMainThread,
      }),
    );
    expect(outcomes.map((o) => o.file)).toEqual(files(100));
    const threads = new Set(outcomes.map((o) => o.line?.split(':')[0]));
    expect(threads).toEqual(new Set(['main', 'w1', 'w2']));
    expect(pool.every((w) => w.terminated())).toBe(true);
  });

  it('parses a crashed worker’s batches again on the main thread', async () => {
    const crashing = fakeWorker('w1', { failOn: 2 });
    const outcomes = await collect(
      parseOnThreads(files(40), {
        json: true,
        workers: 1,
        batchSize: 4,
        spawn: () => crashing,
        parseBatch: mainThread,
      }),
    );
    expect(outcomes.map((o) => o.file)).toEqual(files(40));
  });

  it('does not wait for a worker that never answers: the main thread takes its batches over', async () => {
    const silent: PoolWorker = { on: () => silent, postMessage: () => {}, terminate: () => {} };
    const outcomes = await collect(
      parseOnThreads(files(30), {
        json: true,
        workers: 1,
        batchSize: 4,
        spawn: () => silent,
        parseBatch: mainThread,
      }),
    );
    expect(outcomes.map((o) => o.line)).toEqual(files(30).map((f) => `main:${f}`));
  });

  it('does it all on the main thread when no worker starts', async () => {
    const outcomes = await collect(
      parseOnThreads(files(10), {
        json: true,
        workers: 2,
        batchSize: 3,
        spawn: () => {
          throw new Error('no threads here');
        },
        parseBatch: mainThread,
      }),
    );
    expect(outcomes.map((o) => o.line)).toEqual(files(10).map((f) => `main:${f}`));
  });
});

describe('workersFor', () => {
  it.each([
    // files, cores, other threads running, SENDWELL_BOUNCE_THREADS, workers
    [753, 2, 0, undefined, 0],
    [753, 4, 0, undefined, 2],
    [753, 4, 1, undefined, 1],
    [753, 2, 6, undefined, 0],
    [753, 8, 1, undefined, 3],
    [50, 8, 0, undefined, 0],
    [753, 2, 6, '2', 1],
    [753, 2, 0, '1', 0],
    [753, 2, 0, 'many', 0],
  ])('%i files, %i cores, %i busy, asked %s: %i workers', (files, cores, busy, requested, expected) => {
    expect(workersFor(files, cores, busy, requested)).toBe(expected);
  });
});
