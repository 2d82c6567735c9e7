import type { Metric, Reservation, WindowLimit } from './types';

export interface WindowPeak {
  limit: WindowLimit;
  /** The largest sum of the window's metric over any rolling window of its length. */
  peak: number;
}

/** Peak usage per window over a set of reservations (two pointers over time order; O(n) per window). */
export function peakUsage(windows: WindowLimit[], reservations: Reservation[]): WindowPeak[] {
  const sorted = [...reservations].sort((a, b) => a.at.getTime() - b.at.getTime());
  return windows.map((limit) => ({ limit, peak: peakOf(limit.metric, limit.windowMs, sorted) }));
}

/** The largest sum of `metric` over any rolling window of `windowMs` (for reports: "peak per minute"). */
export function peakOver(reservations: Reservation[], metric: Metric, windowMs: number): number {
  return peakOf(
    metric,
    windowMs,
    [...reservations].sort((a, b) => a.at.getTime() - b.at.getTime()),
  );
}

function peakOf(metric: Metric, windowMs: number, sorted: Reservation[]): number {
  const amount = (r: Reservation) => (metric === 'messages' ? 1 : r[metric]);
  let peak = 0;
  let sum = 0;
  let tail = 0;
  for (const r of sorted) {
    sum += amount(r);
    const cutoff = r.at.getTime() - windowMs;
    while (sorted[tail]!.at.getTime() <= cutoff) {
      sum -= amount(sorted[tail]!);
      tail += 1;
    }
    peak = Math.max(peak, sum);
  }
  return peak;
}
