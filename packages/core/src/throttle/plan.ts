import { batchWindow, describeBatch, type EffectiveBatch, effectiveBatch } from './batch';
import { explainSlot } from './explain';
import { amountOf, Ledger } from './ledger';
import {
  type BatchSetting,
  type LimitedBy,
  type PlanInput,
  type PlanResult,
  type SendRequest,
  ThrottleInputError,
  type ThrottleProfile,
} from './types';

/**
 * The slot for one message of one mailbox: the earliest time at or after now (and after any pause
 * and any already reserved message) at which every rolling window still fits it. Pure: the caller
 * stores the reservation, inside a transaction that locks the mailbox so nobody overspends.
 */
export function planSend(input: PlanInput): PlanResult {
  const planner = createPlanner(input.profile, input.history, input.batch ?? null);
  return planner.plan(input.request, input.now, input.pausedUntil ?? null);
}

export interface Planner {
  readonly batch: EffectiveBatch | null;
  plan(request: SendRequest, now: Date, pausedUntil?: Date | null): PlanResult;
  /** Plans and records the reservation (for forecasts and simulations). */
  reserve(request: SendRequest, now: Date, pausedUntil?: Date | null): PlanResult;
}

/**
 * A planner over one history, for many decisions in a row; `planSend` is its one-shot form.
 * Windows forget reservations as time moves on, so `now` must not go backwards between calls.
 */
export function createPlanner(
  profile: ThrottleProfile,
  history: PlanInput['history'],
  batch: BatchSetting | null,
): Planner {
  const clamped = batch ? effectiveBatch(profile, batch) : null;
  const windows = clamped ? [...profile.windows, batchWindow(clamped.effective)] : profile.windows;
  const ledger = new Ledger(windows, history, profile.minIntervalMs);
  const batchText = clamped ? describeBatch(profile, clamped) : undefined;

  const plan = (request: SendRequest, now: Date, pausedUntil?: Date | null): PlanResult => {
    validateRequest(request);
    const impossible = rejection(profile, request);
    if (impossible) return impossible;
    const nowMs = now.getTime();
    const pauseMs = pausedUntil?.getTime() ?? Number.NEGATIVE_INFINITY;
    const from = Math.max(nowMs, pauseMs);
    const fromReason: LimitedBy = pauseMs > nowMs ? 'pause' : 'none';
    const slot = ledger.plan(request, from, fromReason);
    const reason = explainSlot({ profile, now: nowMs, slot, batchText });
    return {
      outcome: 'slot',
      sendAt: new Date(slot.at),
      waitMs: slot.at - nowMs,
      reason,
      limitedBy: slot.limitedBy,
      ...(slot.window ? { windowId: slot.window.id } : {}),
    };
  };

  return {
    batch: clamped,
    plan,
    reserve(request, now, pausedUntil) {
      const result = plan(request, now, pausedUntil);
      if (result.outcome === 'slot') ledger.reserve(result.sendAt.getTime(), request);
      return result;
    },
  };
}

/** Only requests that could never be sent are rejected; everything else waits for a slot. */
function rejection(profile: ThrottleProfile, request: SendRequest): PlanResult | null {
  const max = profile.maxRecipientsPerMessage.value;
  if (request.recipients > max) {
    return {
      outcome: 'rejected',
      code: 'too-many-recipients',
      message: `${profile.name} allows at most ${max} recipients in one message; this one has ${request.recipients}. Split it into smaller sends.`,
    };
  }
  const blocking = profile.windows.find((w) => amountOf(w.metric, request) > w.target);
  if (!blocking) return null;
  return {
    outcome: 'rejected',
    code: 'too-many-recipients',
    message: `${profile.name} allows ${blocking.label} (we aim for ${blocking.target}); one message with ${amountOf(blocking.metric, request)} can never fit.`,
  };
}

function validateRequest(request: SendRequest): void {
  const { recipients, external } = request;
  const whole = Number.isInteger(recipients) && Number.isInteger(external);
  if (!whole || recipients < 1 || external < 0 || external > recipients) {
    throw new ThrottleInputError(
      `a send needs >= 1 recipients and 0..recipients external, got ${recipients}/${external}`,
    );
  }
}
