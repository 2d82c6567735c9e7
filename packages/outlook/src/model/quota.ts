import type { QuotaInfo } from '../api/types';
import { formatWhen } from './time';

export interface QuotaLine {
  key: string;
  label: string;
  used: number;
  /** Null when the provider sets no daily limit for this count. */
  limit: number | null;
}

export interface QuotaView {
  /** Rolling 24 h usage against Sendwell's daily targets. */
  lines: QuotaLine[];
  /** The provider's own limits in words, e.g. "30 messages a minute · 10,000 recipients a day". */
  providerLimits: string | null;
  paused: string | null;
  nextSlot: string;
  queued: string | null;
}

const LABELS: Record<string, string> = {
  messages: 'messages',
  recipients: 'recipients',
  external: 'external recipients',
};

/** `uniqueExternal` → "unique external". */
export function labelFor(key: string): string {
  return LABELS[key] ?? key.replace(/([a-z])([A-Z0-9])/g, '$1 $2').toLowerCase();
}

/** Counts with a daily limit, plus the message count, which reps always want to see. */
function linesOf(quota: QuotaInfo): QuotaLine[] {
  return Object.entries(quota.used)
    .filter(
      ([key, used]) =>
        typeof used === 'number' && (typeof quota.limits[key] === 'number' || key === 'messages'),
    )
    .map(([key, used]) => ({ key, label: labelFor(key), used, limit: quota.limits[key] ?? null }));
}

const number = new Intl.NumberFormat('en-US');

/** "3/9,000 recipients in the last 24 h", or "1 message in the last 24 h" where there is no daily limit. */
export function quotaLineText(line: QuotaLine): string {
  if (line.limit !== null)
    return `${number.format(line.used)}/${number.format(line.limit)} ${line.label} in the last 24 h`;
  const label = line.used === 1 ? line.label.replace(/s$/, '') : line.label;
  return `${number.format(line.used)} ${label} in the last 24 h`;
}

function pauseText(quota: QuotaInfo, now: Date): string | null {
  const until = quota.pausedUntil ? new Date(quota.pausedUntil) : null;
  if (!until || until <= now) return null;
  const why = quota.pauseReason ? `: ${quota.pauseReason}` : '';
  return `Paused by the provider until ${formatWhen(until, now)}${why}`;
}

function nextSlotText(nextFree: Date | null, now: Date): string {
  const waitMs = nextFree ? nextFree.getTime() - now.getTime() : 0;
  if (waitMs <= 0) return 'A slot is free now';
  if (waitMs < 60_000) return `Next free slot in ${Math.ceil(waitMs / 1000)} s`;
  return `Next free slot ${formatWhen(nextFree!, now)}`;
}

export function describeQuota(quota: QuotaInfo, now: Date): QuotaView {
  const nextFree = quota.nextFreeAt ? new Date(quota.nextFreeAt) : null;
  const windows = quota.windows ?? [];
  return {
    lines: linesOf(quota),
    providerLimits: windows.length ? windows.map((window) => window.label).join(' · ') : null,
    paused: pauseText(quota, now),
    nextSlot: nextSlotText(nextFree, now),
    queued: quota.queued > 0 ? `${quota.queued} queued` : null,
  };
}
