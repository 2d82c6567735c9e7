import { createPlanner } from './plan';
import type { BatchSetting, LimitedBy, Reservation, SendRequest, ThrottleProfile } from './types';

export type ForecastItem =
  | {
      index: number;
      outcome: 'slot';
      sendAt: Date;
      recipients: number;
      external: number;
      limitedBy: LimitedBy;
    }
  | { index: number; outcome: 'rejected'; recipients: number; external: number; message: string };

export interface Forecast {
  items: ForecastItem[];
  /** The last slot; null when nothing could be planned. */
  finishAt: Date | null;
  /** The admin's batch after clamping, when one was given. */
  batch: { size: number; everySeconds: number; clamped: boolean } | null;
}

export interface ForecastOptions {
  batch?: BatchSetting | null;
  pausedUntil?: Date | null;
}

/**
 * Plans `requests` in order as if each were reserved right after the previous one, on top of the
 * mailbox's history: "these 400 emails finish at 15:40". Nothing is stored.
 */
export function forecast(
  profile: ThrottleProfile,
  history: Reservation[],
  requests: SendRequest[],
  now: Date,
  options: ForecastOptions | BatchSetting | null = {},
): Forecast {
  const opts: ForecastOptions = options && 'size' in options ? { batch: options } : (options ?? {});
  const planner = createPlanner(profile, history, opts.batch ?? null);
  let finish: number | null = null;
  const items = requests.map((request, index): ForecastItem => {
    const result = planner.reserve(request, now, opts.pausedUntil);
    if (result.outcome === 'rejected')
      return { index, outcome: 'rejected', ...request, message: result.message };
    finish = Math.max(finish ?? 0, result.sendAt.getTime());
    return { index, outcome: 'slot', sendAt: result.sendAt, ...request, limitedBy: result.limitedBy };
  });
  const batch = planner.batch ? { ...planner.batch.effective, clamped: planner.batch.clamped } : null;
  return { items, finishAt: finish === null ? null : new Date(finish), batch };
}
