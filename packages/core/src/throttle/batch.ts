import type { BatchInfo } from '../api/wire';
import { windowLimit } from './profiles';
import { type BatchSetting, ThrottleInputError, type ThrottleProfile, type WindowLimit } from './types';

const HOUR_MS = 3_600_000;

export interface EffectiveBatch {
  requested: BatchSetting;
  effective: BatchSetting;
  clamped: boolean;
  /** The provider window that forced the clamp. */
  clampedBy?: WindowLimit;
}

/**
 * The admin's "B emails every S seconds", clamped so its rate never exceeds the provider's short
 * (per-minute) message windows. Daily windows are not a rate: the planner enforces them anyway.
 * We keep S and lower B; when even one email per S is too fast we stretch S instead.
 */
export function effectiveBatch(profile: ThrottleProfile, batch: BatchSetting): EffectiveBatch {
  validateBatch(batch);
  let effective = { ...batch };
  let clampedBy: WindowLimit | undefined;
  for (const limit of profile.windows) {
    if (limit.metric !== 'messages' || limit.windowMs > HOUR_MS) continue;
    const everyMs = effective.everySeconds * 1000;
    if (effective.size * limit.windowMs <= limit.target * everyMs) continue;
    const size = Math.floor((limit.target * everyMs) / limit.windowMs);
    effective =
      size >= 1
        ? { size, everySeconds: effective.everySeconds }
        : { size: 1, everySeconds: Math.ceil(limit.windowMs / limit.target / 1000) };
    clampedBy = limit;
  }
  return { requested: batch, effective, clamped: clampedBy !== undefined, clampedBy };
}

/** The batch as one more rolling window the planner enforces. */
export function batchWindow(batch: BatchSetting): WindowLimit {
  return windowLimit({
    id: 'batch',
    metric: 'messages',
    windowMs: batch.everySeconds * 1000,
    ceiling: batch.size,
    margin: 1,
    label: `${batch.size} emails every ${batch.everySeconds} seconds`,
    source: { title: "Your team's throttling setting (batch size every N seconds)" },
  });
}

export function describeBatch(profile: ThrottleProfile, batch: EffectiveBatch): string {
  const { effective, requested } = batch;
  const base = `Your team sends batches of ${effective.size} every ${effective.everySeconds} seconds`;
  if (!batch.clamped || !batch.clampedBy) return `${base}.`;
  return `${base} (the setting of ${requested.size} every ${requested.everySeconds} seconds is faster than ${profile.name}'s ${batch.clampedBy.label}).`;
}

function validateBatch(batch: BatchSetting): void {
  const ok =
    Number.isInteger(batch.size) &&
    batch.size >= 1 &&
    Number.isFinite(batch.everySeconds) &&
    batch.everySeconds > 0;
  if (!ok)
    throw new ThrottleInputError(
      `batch must be a whole size >= 1 every > 0 seconds, got ${batch.size} every ${batch.everySeconds}`,
    );
}

/** The batch setting as the quota answer shows it: requested, effective, and why it was clamped. */
export function batchInfo(profile: ThrottleProfile, batch: BatchSetting): BatchInfo {
  const clamped = effectiveBatch(profile, batch);
  const by = clamped.clampedBy;
  return {
    requested: { ...clamped.requested },
    effective: { ...clamped.effective },
    clamped: clamped.clamped,
    clampedBy: by ? { id: by.id, label: by.label, target: by.target } : null,
    explanation: describeBatch(profile, clamped),
  };
}
