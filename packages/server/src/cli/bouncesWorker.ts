/**
 * A worker thread of `bounces parse` (bouncesPool.ts): parses the batches of files it is sent, each
 * read here, and answers with their outcomes. Bundled as dist/bounces-worker.mjs; the engine comes
 * from the same code-cached bundle as the main thread's (bouncesEngine.ts).
 */
import { parentPort } from 'node:worker_threads';
import { loadBounces } from './bouncesEngine';
import type { BatchAnswer, BatchRequest } from './bouncesPool';

// Batches posted before the engine is loaded wait in the port until this listener is added.
const { parseBatch } = await loadBounces();
parentPort?.on('message', async ({ batch, files, json }: BatchRequest) => {
  const answer: BatchAnswer = { batch, outcomes: await parseBatch(files, json) };
  parentPort?.postMessage(answer);
});
