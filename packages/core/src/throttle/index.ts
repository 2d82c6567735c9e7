export type { EffectiveBatch } from './batch';
export { batchInfo, effectiveBatch } from './batch';
export type { Forecast, ForecastItem, ForecastOptions } from './forecast';
export { forecast } from './forecast';
export type { WindowPeak } from './peaks';
export { peakOver, peakUsage } from './peaks';
export type { Planner } from './plan';
export { createPlanner, planSend } from './plan';
export type { CustomSmtpLimits } from './profiles';
export {
  customSmtpProfile,
  DAY_MS,
  DEFAULT_MARGIN,
  getProfile,
  isProfileId,
  listProfiles,
  MINUTE_MS,
  PROFILE_IDS,
} from './profiles';
export type { QuotaSnapshot, WindowUsage } from './quota';
export { quotaSnapshot } from './quota';
export * from './types';
