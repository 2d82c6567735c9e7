/**
 * Sendwell's voice: ONE module that words channels, quotas, times, bounce reasons, delays, per-recipient
 * outcomes, send status, template analytics and feed rows for both front ends (the Outlook pane and the
 * Gmail add-on), from one message catalog in English and Simplified Chinese, with `Intl` formatting in
 * the rep's locale and time zone.
 *
 *   const voice = createVoice({ locale: pickLocale(Office.context.displayLanguage), timeZone, clock });
 *   voice.quota(await api.getQuota()).headline;   // "412 of 1,800 messages in the last 24 hours"
 *   const rows = filterFeed(foldFeed(events), { scope: 'mine', userId, bouncesOnly: false });
 *   rows.map(voice.feedRow);                     // one row per send, each recipient's outcome
 *
 * Pure: no platform imports; "now" comes from the injected clock.
 */
export type { BreakerPause, CountLabel, EnrolmentStatusInput } from './campaigns';
export { CATALOGS, placeholders, translate } from './catalog';
export { filterFeed, foldFeed } from './feed';
export { LOCALES, type Locale, pickLocale } from './locale';
export type { MessageKey, Messages } from './messages/en';
export { BOUNCE_REASONS } from './reasons';
export type { PersonaliseRefusal } from './refusals';
export type { SuppressionFacts } from './suppression';
export type {
  AnalyticsScope,
  CampaignRow,
  ChannelWords,
  EngagementTally,
  FeedFilter,
  FeedRow,
  Instant,
  Line,
  PauseRow,
  QuotaWords,
  RecipientOutcome,
  ReplyNote,
  ResumeRow,
  RowWords,
  SendPhase,
  SendRow,
  SlotRule,
  StrayBounceRow,
  StrayReplyRow,
  SuppressionRow,
  Tone,
  VoiceOptions,
} from './types';
export { createVoice, type Voice } from './voice';
