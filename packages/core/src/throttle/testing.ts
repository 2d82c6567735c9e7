import { batchWindow, effectiveBatch } from './batch';
import type { BatchSetting, Reservation, ThrottleProfile, WindowLimit } from './types';

/**
 * Brute-force check, independent of the planner's bookkeeping: does the reservation at `at` keep every
 * window ending at `at` under its target, counting everything reserved at or before `at`?
 */
export function windowsHoldAt(
  windows: WindowLimit[],
  reservations: Reservation[],
  at: number,
): WindowLimit | null {
  for (const limit of windows) {
    let sum = 0;
    for (const r of reservations) {
      const t = r.at.getTime();
      if (t > at - limit.windowMs && t <= at) sum += limit.metric === 'messages' ? 1 : r[limit.metric];
    }
    if (sum > limit.target) return limit;
  }
  return null;
}

/** The windows a plan must respect: the profile's, plus the clamped batch when one is set. */
export function enforcedWindows(profile: ThrottleProfile, batch?: BatchSetting | null): WindowLimit[] {
  return batch
    ? [...profile.windows, batchWindow(effectiveBatch(profile, batch).effective)]
    : profile.windows;
}
