import { ApiClient, ApiRefused, ServerUnreachable } from '../cluster';
import type { Draft } from './plan';

/** Where the feeder finds the server now (it changes on every restart only in its process, not its URL). */
export interface FeedTarget {
  serverUrl: string;
  tokens: readonly string[];
}

/** Drafts accepted, per idempotency key: the send ids Sendwell answered (a retry answers the same id). */
export type Accepted = Map<string, Set<string>>;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Posts every draft, `concurrency` at a time, as a client that keeps the draft's idempotency key:
 * when the server is down (refused, reset, 5xx while it starts) it retries the same draft until it
 * is answered. A 4xx is a refusal the bench reports (the draft counts as lost).
 */
export async function feedDrafts(
  target: FeedTarget,
  drafts: readonly Draft[],
  concurrency: number,
  refused: (key: string, why: string) => void,
): Promise<Accepted> {
  const accepted: Accepted = new Map(drafts.map((d) => [d.body.idempotencyKey, new Set<string>()]));
  let next = 0;
  const worker = async () => {
    while (next < drafts.length) {
      const draft = drafts[next++]!;
      const api = new ApiClient(target.serverUrl, target.tokens[draft.rep]!);
      for (;;) {
        try {
          const answer = await api.send(draft.body);
          for (const send of answer.sends) accepted.get(draft.body.idempotencyKey)!.add(send.id);
          break;
        } catch (error) {
          const retry =
            error instanceof ServerUnreachable || (error instanceof ApiRefused && error.status >= 500);
          if (!retry) {
            refused(draft.body.idempotencyKey, (error as Error).message);
            break;
          }
          await pause(250);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return accepted;
}
