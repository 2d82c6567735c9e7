/**
 * A worker thread of `bounces parse` (bouncesPool.ts): parses the batches of files it is sent, each
 * read here, and answers with their outcomes. Bundled as dist/bounces-worker.mjs.
 */
import { parentPort } from 'node:worker_threads';
import { parseBatch } from './bounces';
import type { BatchAnswer, BatchRequest } from './bouncesPool';

parentPort?.on('message', async ({ batch, files, json }: BatchRequest) => {
  const answer: BatchAnswer = { batch, outcomes: await parseBatch(files, json) };
  parentPort?.postMessage(answer);
});
