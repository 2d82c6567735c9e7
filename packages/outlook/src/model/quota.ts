import type { QuotaInfo } from '../api/types';
import { formatWhen } from './time';

export interface QuotaLine {
  key: string;
  label: string;
  used: number;
  limit: number;
}

export interface QuotaView {
  lines: QuotaLine[];
  /** The line closest to its limit: what the rep should watch. */
  tightest: QuotaLine | null;
  paused: string | null;
  nextSlot: string;
  queued: string | null;
}

/** `recipientsPer24h` → "recipients per 24h". */
export function labelFor(key: string): string {
  return key
    .replace(/([a-z])([A-Z0-9])/g, '$1 $2')
    .replace(/\bPer\b/g, 'per')
    .toLowerCase();
}

function asCounts(value: unknown): Record<string, number> {
  if (typeof value === 'number') return { messages: value };
  if (!value || typeof value !== 'object') return {};
  return Object.fromEntries(
    Object.entries(value).filter((entry): entry is [string, number] => typeof entry[1] === 'number'),
  );
}

export function describeQuota(quota: QuotaInfo, now: Date): QuotaView {
  const used = asCounts(quota.used);
  const limits = asCounts(quota.limits);
  const lines = Object.entries(limits)
    .filter(([key]) => key in used)
    .map(([key, limit]) => ({ key, label: labelFor(key), used: used[key]!, limit }));
  const ratio = (line: QuotaLine) => (line.limit > 0 ? line.used / line.limit : 1);
  const tightest = lines.reduce<QuotaLine | null>(
    (best, line) => (!best || ratio(line) > ratio(best) ? line : best),
    null,
  );
  const pausedUntil = quota.pausedUntil ? new Date(quota.pausedUntil) : null;
  const nextFree = quota.nextFreeAt ? new Date(quota.nextFreeAt) : null;
  return {
    lines,
    tightest,
    paused:
      pausedUntil && pausedUntil > now
        ? `Paused by the provider until ${formatWhen(pausedUntil, now)}`
        : null,
    nextSlot:
      nextFree && nextFree > now ? `Next free slot ${formatWhen(nextFree, now)}` : 'A slot is free now',
    queued: quota.queued > 0 ? `${quota.queued} queued` : null,
  };
}
