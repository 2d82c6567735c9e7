import type { QuotaSnapshot } from '../throttle/quota';
import type { ThrottleProfile } from '../throttle/types';
import type { QuotaInfo } from './wire';

/** What the server knows beside the snapshot: the mailbox's pause and its queue. */
export interface QuotaExtras {
  pausedUntil: Date | null;
  pauseReason: string | null;
  queued: number;
}

/**
 * The `GET /api/quota` answer from a profile and its snapshot: each window keeps the provider's
 * ceiling and our margin beside our target, so the voice can say why Sendwell stops short.
 */
export function quotaInfo<When>(
  profile: ThrottleProfile,
  snapshot: QuotaSnapshot,
  extras: QuotaExtras,
  toWhen: (at: Date) => When,
): QuotaInfo<When> {
  const margins = new Map(profile.windows.map((w) => [w.id, w.margin]));
  return {
    profileId: profile.id,
    providerName: profile.name,
    used: snapshot.used,
    limits: snapshot.limits,
    remaining: snapshot.remaining,
    windows: snapshot.windows.map((w) => ({ ...w, margin: margins.get(w.id) ?? 1 })),
    nextFreeAt: snapshot.nextFreeAt ? toWhen(snapshot.nextFreeAt) : null,
    pausedUntil: extras.pausedUntil ? toWhen(extras.pausedUntil) : null,
    pauseReason: extras.pausedUntil ? extras.pauseReason : null,
    queued: extras.queued,
  };
}
