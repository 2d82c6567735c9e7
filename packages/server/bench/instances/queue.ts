import { ApiClient, ApiRefused, type Rep, ServerUnreachable } from '../cluster';

/** One send the bench queued: through which instance (0 = A, 1 = B) its `send.queued` was written. */
export interface Queued {
  sendId: string;
  rep: Rep;
  via: number;
  key: string;
}

export interface QueueResult {
  queued: Queued[];
  /** Keys asked for again through the other instance that did not answer `duplicate` with the same send. */
  duplicateMismatches: string[];
  /** Answers that were retried (429, 503, unreachable) before they were taken. */
  retries: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Retries what a real client retries: 429/503 (after Retry-After) and a server that is not reachable. */
async function withRetry<T>(work: () => Promise<T>, onRetry: () => void): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const retryable =
        error instanceof ServerUnreachable ||
        (error instanceof ApiRefused && [429, 503].includes(error.status));
      if (!retryable || attempt >= 8) throw error;
      onRetry();
      await sleep(500 * attempt);
    }
  }
}

/**
 * Queues `total` sends over the reps, `concurrency` at a time. Send i goes to rep i mod M through
 * instance ⌊i / M⌋ mod 2, so every rep's sends are split between both instances; every 20th send
 * is asked for a second time through the other instance (a client retrying on another node), which
 * must answer `duplicate: true` with the same send.
 */
export async function queueSends(options: {
  servers: string[];
  reps: Rep[];
  total: number;
  concurrency: number;
  runId: string;
  onProgress?(done: number): void;
}): Promise<QueueResult> {
  const { servers, reps, total, runId } = options;
  const clients = reps.map((rep) => servers.map((url) => new ApiClient(url, rep.token)));
  const result: QueueResult = { queued: [], duplicateMismatches: [], retries: 0 };
  const retried = () => result.retries++;
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < total; i = next++) {
      const r = i % reps.length;
      const via = Math.floor(i / reps.length) % 2;
      const key = `bench-${runId}-${i}`;
      const body = {
        host: 'web' as const,
        to: [`lead${i}@example.com`],
        subject: `Bench ${i}`,
        body: `<p>Hello ${i}</p>`,
        idempotencyKey: key,
      };
      const answer = await withRetry(() => clients[r]![via]!.send(body), retried);
      const sendId = answer.send.id;
      result.queued.push({ sendId, rep: reps[r]!, via, key });
      if (i % 20 === 7) {
        const again = await withRetry(() => clients[r]![1 - via]!.send(body), retried);
        if (!again.duplicate || again.send.id !== sendId) result.duplicateMismatches.push(key);
      }
      if (result.queued.length % 500 === 0) options.onProgress?.(result.queued.length);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return result;
}
