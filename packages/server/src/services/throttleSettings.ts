import {
  type BatchSetting,
  batchInfo,
  type Clock,
  DAY_MS,
  effectiveBatch,
  getProfile,
  isProfileId,
  type ProfileThrottle,
  type ThrottleForecast,
  type ThrottleProfile,
  type ThrottleSettings,
  type ThrottleUpdate,
} from '@sendwell/core';
import { recordAudit } from '../store/audit';
import type { Db } from '../store/db';
import type { UserRow } from '../store/rows';
import {
  findTeamBatch,
  listProfileBatches,
  listTenantProfiles,
  saveProfileBatch,
} from '../store/teamSettings';

const HOUR_MS = 3_600_000;
const count = (n: number) => n.toLocaleString('en');

/** How many messages a window lets through in `spanMs` from a standing start: its target per window started. */
function windowAllows(windowMs: number, target: number, spanMs: number): number {
  return windowMs >= spanMs ? target : target * Math.ceil(spanMs / windowMs);
}

/**
 * A day's (and the first hour's) sending of one mailbox of this profile at the batch's clamped pace,
 * for one-recipient emails to people outside the sender's domain (every window counts each one).
 * What binds first is named: `batch` or the provider window's id.
 */
export function forecastPace(profile: ThrottleProfile, batch: BatchSetting | null): ThrottleForecast {
  const effective = batch ? effectiveBatch(profile, batch).effective : null;
  const caps = (spanMs: number) => {
    const limits = profile.windows.map((w) => ({
      id: w.id,
      label: w.label,
      n: windowAllows(w.windowMs, w.target, spanMs),
    }));
    if (effective)
      limits.push({
        id: 'batch',
        label: `${effective.size} every ${effective.everySeconds} seconds`,
        n: effective.size * Math.ceil(spanMs / (effective.everySeconds * 1000)),
      });
    return limits.reduce((tightest, limit) => (limit.n < tightest.n ? limit : tightest));
  };
  const day = caps(DAY_MS);
  const hour = caps(HOUR_MS);
  const why =
    day.id === 'batch'
      ? `your batch setting (${day.label}) is what paces it`
      : `${profile.name}'s ${day.label} is what stops it (Sendwell aims under it)`;
  return {
    perDay: day.n,
    perHour: Math.min(hour.n, day.n),
    limitedBy: day.id,
    explanation: `One mailbox on ${profile.name} sends up to ${count(day.n)} one-recipient emails a day, ${count(Math.min(hour.n, day.n))} in the first hour: ${why}.`,
  };
}

/** The provider's ceilings and our targets, in words, then what the batch setting does. */
function explain(
  profile: ThrottleProfile,
  applied: ReturnType<typeof batchInfo> | null,
  own: boolean,
): string {
  const windows = profile.windows.map((w) => `${w.label} (Sendwell stops at ${count(w.target)})`).join(', ');
  const limits = `${profile.name} allows ${windows}.`;
  if (!applied) return `${limits} No batch setting: Sendwell sends as fast as these limits allow.`;
  const whose = own ? `The ${profile.name} setting` : "The team's setting";
  return `${limits} ${whose}: ${applied.explanation}`;
}

function profileThrottle(
  profileId: string,
  own: BatchSetting | null,
  teamBatch: BatchSetting | null,
): ProfileThrottle | null {
  if (!isProfileId(profileId)) return null;
  const profile = getProfile(profileId);
  const inForce = own ?? teamBatch;
  const applied = inForce ? batchInfo(profile, inForce) : null;
  return {
    profileId,
    providerName: profile.name,
    windows: profile.windows.map(({ id, label, metric, windowMs, ceiling, target }) => ({
      id,
      label,
      metric,
      windowMs,
      ceiling,
      target,
    })),
    batch: own,
    teamBatch,
    applied,
    explanation: explain(profile, applied, own !== null),
    forecast: forecastPace(profile, inForce),
  };
}

/** Per profile the team's mailboxes and lanes use (or that has an own setting): limits, setting, pace. */
export async function describeThrottle(db: Db, tenantId: string): Promise<ThrottleSettings> {
  const own = await listProfileBatches(db, tenantId);
  const teamBatch = await findTeamBatch(db, tenantId);
  const profiles = (await listTenantProfiles(db, tenantId))
    .map((id) => profileThrottle(id, own.get(id) ?? null, teamBatch))
    .filter((p): p is ProfileThrottle => p !== null);
  return { profiles };
}

/** An admin sets (or clears) one profile's batch; the change and its audit entry are one transaction. */
export async function updateThrottle(
  db: Db,
  clock: Clock,
  admin: UserRow,
  update: ThrottleUpdate,
): Promise<ThrottleSettings> {
  await db.transaction(async (tx) => {
    const before = (await listProfileBatches(tx, admin.tenantId)).get(update.profileId) ?? null;
    const at = clock.now();
    await saveProfileBatch(tx, admin.tenantId, update.profileId, update.batch, admin.id, at);
    await recordAudit(tx, {
      tenantId: admin.tenantId,
      actorId: admin.id,
      action: 'settings.throttle.changed',
      target: update.profileId,
      before: { batch: before },
      after: { batch: update.batch },
      at,
    });
  });
  return describeThrottle(db, admin.tenantId);
}
