import type { ProfileId } from '@sendwell/core';
import type { MailboxTruth } from '@sendwell/sandbox';
import type { Rep, SandboxProcess } from '../cluster';
import type { FeedProbe } from './feedProbe';
import { refusedSends, type WindowFigure, windowFigures } from './providerLog';
import type { Queued } from './queue';

export interface Delivery {
  lost: string[];
  /** Extra copies in Sent (a send there twice counts one). */
  duplicated: number;
  windows: WindowFigure[];
  overspent: WindowFigure[];
  aboveTarget: WindowFigure[];
  refused: number;
  /** Call-log entries the sandbox dropped (it keeps the latest 20,000 a mailbox): must be 0 to judge. */
  truncated: number;
}

const countBy = (ids: string[]) => {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
};

/** Sent folders and call logs of every rep, read from the sandbox, against what the bench queued. */
export async function judgeDelivery(
  sandbox: SandboxProcess,
  reps: Rep[],
  profiles: Map<string, ProfileId>,
  queued: Queued[],
): Promise<Delivery> {
  const sent = new Map<string, number>();
  const windows: WindowFigure[] = [];
  let refused = 0;
  let truncated = 0;
  for (const rep of reps) {
    const truth: MailboxTruth = await sandbox.truth(rep.email);
    for (const [id, n] of countBy(truth.sent.flatMap((m) => (m.sendwellId ? [m.sendwellId] : []))))
      sent.set(id, (sent.get(id) ?? 0) + n);
    const calls = await sandbox.calls(rep.email);
    truncated += calls.total - calls.calls.length;
    refused += refusedSends(calls);
    windows.push(...windowFigures(rep.email, profiles.get(rep.userId)!, calls));
  }
  const ids = new Set(queued.map((q) => q.sendId));
  return {
    lost: [...ids].filter((id) => !sent.has(id)),
    duplicated: [...sent.values()].reduce((n, c) => n + Math.max(0, c - 1), 0),
    windows,
    overspent: windows.filter((w) => w.most > w.ceiling),
    aboveTarget: windows.filter((w) => w.most > w.target),
    refused,
    truncated,
  };
}

export interface FeedLatency {
  /** `send.queued` events written by one instance and watched for on the other. */
  expected: number;
  missing: number;
  /** Milliseconds from the event's time to its arrival on the other instance, sorted. */
  latencies: number[];
}

/**
 * Each send's `send.queued` was written by the instance it was posted to (`via`); the rep's feed
 * stream on the other instance must show it. probes[instance] maps a rep's user id to its stream.
 */
export function crossInstanceLatency(queued: Queued[], probes: Map<string, FeedProbe>[]): FeedLatency {
  const latencies: number[] = [];
  let missing = 0;
  for (const q of queued) {
    const probe = probes[1 - q.via]!.get(q.rep.userId)!;
    const seen = [...probe.seen.values()].find((s) => s.sendId === q.sendId && s.type === 'send.queued');
    if (seen) latencies.push(seen.arrivedAt - seen.writtenAt);
    else missing++;
  }
  return { expected: queued.length, missing, latencies: latencies.sort((a, b) => a - b) };
}

export const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : Number.NaN;
