import { Ledger } from './ledger';
import { createPlanner } from './plan';
import { DAY_MS } from './profiles';
import type { Metric, Reservation, ThrottleProfile } from './types';

export interface WindowUsage {
  id: string;
  label: string;
  metric: Metric;
  windowMs: number;
  ceiling: number;
  target: number;
  used: number;
  remaining: number;
}

type PerMetric<T> = Record<Metric, T>;

export interface QuotaSnapshot {
  /** Reserved or sent in the last 24 hours (queued reservations included). */
  used: PerMetric<number>;
  /** What we allow per 24 hours: the tightest daily target per metric; null when none applies. */
  limits: PerMetric<number | null>;
  remaining: PerMetric<number | null>;
  windows: WindowUsage[];
  /** When the next one-recipient external email could go; null if it could go now. */
  nextFreeAt: Date | null;
}

/** Budget of one mailbox at `now`: what is used, what is left, and when the next send fits. */
export function quotaSnapshot(
  profile: ThrottleProfile,
  history: Reservation[],
  now: Date,
  options: { pausedUntil?: Date | null } = {},
): QuotaSnapshot {
  const usage = new Ledger(profile.windows, history, profile.minIntervalMs).usage(now.getTime());
  const windows = usage.map(({ limit, used }) => ({
    id: limit.id,
    label: limit.label,
    metric: limit.metric,
    windowMs: limit.windowMs,
    ceiling: limit.ceiling,
    target: limit.target,
    used,
    remaining: Math.max(0, limit.target - used),
  }));
  const since = now.getTime() - DAY_MS;
  const recent = history.filter((r) => r.at.getTime() > since);
  const used = {
    messages: recent.length,
    recipients: recent.reduce((sum, r) => sum + r.recipients, 0),
    external: recent.reduce((sum, r) => sum + r.external, 0),
  };
  const limits = {
    messages: dailyTarget(profile, 'messages'),
    recipients: dailyTarget(profile, 'recipients'),
    external: dailyTarget(profile, 'external'),
  };
  const remaining = {
    messages: left(limits.messages, used.messages),
    recipients: left(limits.recipients, used.recipients),
    external: left(limits.external, used.external),
  };
  const next = createPlanner(profile, history, null).plan(
    { recipients: 1, external: 1 },
    now,
    options.pausedUntil,
  );
  const nextFreeAt = next.outcome === 'slot' && next.waitMs > 0 ? next.sendAt : null;
  return { used, limits, remaining, windows, nextFreeAt };
}

function dailyTarget(profile: ThrottleProfile, metric: Metric): number | null {
  const targets = profile.windows
    .filter((w) => w.metric === metric && w.windowMs === DAY_MS)
    .map((w) => w.target);
  return targets.length > 0 ? Math.min(...targets) : null;
}

function left(limit: number | null, used: number): number | null {
  return limit === null ? null : Math.max(0, limit - used);
}
