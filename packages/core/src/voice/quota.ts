import type { BatchInfo, QuotaInfo, QuotaWindowInfo } from '../api/wire';
import { DAY_MS, getProfile, MINUTE_MS } from '../throttle/profiles';
import type { Metric } from '../throttle/types';
import type { Speaker } from './speaker';
import type { Instant, QuotaWords, SlotRule } from './types';

const METRICS: readonly Metric[] = ['messages', 'recipients', 'external'];
const HOUR_MS = 60 * MINUTE_MS;

/**
 * A mailbox's budget in words: used of OUR target (not the provider's ceiling), then the provider's
 * ceiling and why Sendwell stops short, short windows, the next slot and any pause.
 */
export function quotaWords(s: Speaker, q: QuotaInfo<Instant>): QuotaWords {
  const lines = METRICS.flatMap((metric) => {
    const target = q.limits[metric];
    if (target === null || target === undefined) {
      return metric === 'messages'
        ? [s.t('quota.usedNoLimit.messages', { used: s.number(q.used.messages) })]
        : [];
    }
    return [s.t(`quota.used.${metric}`, { used: s.number(q.used[metric]), target: s.number(target) })];
  });
  return {
    headline: lines[0]!,
    lines,
    ceiling: ceilingText(s, q),
    windows: q.windows.filter((w) => w.windowMs < DAY_MS).map((w) => windowText(s, q.providerName, w)),
    nextSlot: nextSlotText(s, q.nextFreeAt),
    paused: pauseText(s, q),
    queued: q.queued > 0 ? s.t('quota.queued', { n: s.number(q.queued) }) : null,
    batch: q.batch ? batchText(s, q, q.batch) : null,
  };
}

/** The tightest day window with a margin: the provider's figure, ours, and why ours is lower. */
function ceilingText(s: Speaker, q: QuotaInfo<Instant>): string | null {
  const day = q.windows
    .filter((w) => w.windowMs === DAY_MS && w.target < w.ceiling)
    .sort((a, b) => METRICS.indexOf(a.metric) - METRICS.indexOf(b.metric))[0];
  if (!day) return null;
  return s.t('quota.ceiling', {
    provider: q.providerName,
    ceiling: `${s.number(day.ceiling)} ${s.t(`quota.unit.${day.metric}`)}`,
    percent: s.percent(day.margin),
    target: s.number(day.target),
  });
}

const span = (windowMs: number) => (windowMs <= MINUTE_MS ? 'minute' : windowMs <= HOUR_MS ? 'hour' : 'day');

/** The batch as the planner applies it; when clamped, the provider window that forced it, in words. */
function batchText(s: Speaker, q: QuotaInfo<Instant>, batch: BatchInfo): string {
  const effective = { size: s.number(batch.effective.size), seconds: s.number(batch.effective.everySeconds) };
  const by = batch.clampedBy;
  const limitWindow = by ? q.windows.find((w) => w.id === by.id) : undefined;
  if (!batch.clamped || !by) return s.t('quota.batch', effective);
  const amount = limitWindow
    ? `${s.number(by.target)} ${s.t(`quota.unit.${limitWindow.metric}`)}`
    : s.number(by.target);
  return s.t('quota.batchClamped', {
    ...effective,
    requestedSize: s.number(batch.requested.size),
    requestedSeconds: s.number(batch.requested.everySeconds),
    provider: q.providerName,
    limit: limitWindow ? s.t(`quota.per.${span(limitWindow.windowMs)}`, { amount }) : by.label,
  });
}

function windowText(s: Speaker, provider: string, w: QuotaWindowInfo): string {
  const key = span(w.windowMs);
  const unit = s.t(`quota.unit.${w.metric}`);
  return s.t(`quota.window.${key}`, {
    used: s.number(w.used),
    target: `${s.number(w.target)} ${unit}`,
    provider,
    ceiling: s.number(w.ceiling),
  });
}

function nextSlotText(s: Speaker, next: Instant | null): string {
  const waitMs = next ? new Date(next).getTime() - s.clock.now().getTime() : 0;
  if (!next || waitMs <= 0) return s.t('quota.freeNow');
  if (waitMs < 60_000) return s.t('quota.nextSlotIn', { seconds: Math.ceil(waitMs / 1000) });
  return s.t('quota.nextSlotAt', { time: s.time(next) });
}

function pauseText(s: Speaker, q: QuotaInfo<Instant>): string | null {
  if (!q.pausedUntil || new Date(q.pausedUntil) <= s.clock.now()) return null;
  const params = { provider: q.providerName, time: s.time(q.pausedUntil) };
  return q.pauseReason
    ? s.t('quota.pausedWhy', { ...params, reason: q.pauseReason })
    : s.t('quota.paused', params);
}

/** Why a send waits, from the planner's rule; null when it goes now (or nothing is known). */
export function slotWords(s: Speaker, rule: SlotRule | null): string | null {
  if (!rule || rule.limitedBy === 'none') return null;
  let profile: ReturnType<typeof getProfile> | null = null;
  try {
    profile = rule.profileId ? getProfile(rule.profileId) : null;
  } catch {
    profile = null; // a profile this build does not know: say less rather than fail
  }
  const limitWindow = profile?.windows.find((w) => w.id === rule.windowId);
  switch (rule.limitedBy) {
    case 'window': {
      if (!profile || !limitWindow) return s.t('slot.later');
      const unit = s.t(`quota.unit.${limitWindow.metric}`);
      const per = (n: number) =>
        s.t(`quota.per.${span(limitWindow.windowMs)}`, { amount: `${s.number(n)} ${unit}` });
      return s.t('slot.window', {
        limit: per(limitWindow.target),
        provider: profile.name,
        ceiling: per(limitWindow.ceiling),
      });
    }
    case 'pause':
      return profile ? s.t('slot.pause', { provider: profile.name }) : s.t('slot.later');
    case 'pace':
      return profile
        ? s.t('slot.pace', { seconds: s.number(Math.round(profile.minIntervalMs / 1000)) })
        : s.t('slot.later');
    case 'batch':
      return s.t('slot.batch');
    case 'queue':
      return s.t('slot.queue');
    case 'retry':
      return s.t('slot.retry');
  }
}
