import type {
  CampaignForecast,
  CampaignStatus,
  EnrolAnswer,
  EnrolRowError,
  LeftReason,
  SendWindow,
  StepDelay,
} from '../api/v1/campaigns';
import type { AnalyticsCounts, ChannelInfo, QuotaInfo, TemplateAnalytics } from '../api/wire';
import type { CsvProblem } from '../campaigns/csv';
import type { Host, ProviderKind } from '../channel/types';
import type { ConnectionInfo } from '../connection/types';
import { MACHINE_WHYS, type MachineWhy } from '../engagement/machine';
import {
  type BreakerPause,
  breakerBannerWords,
  type CountLabel,
  campaignStatusWords,
  type EnrolmentStatusInput,
  enrolAnswerWords,
  enrolmentLine,
  enrolmentStatusWords,
  enrolRowErrorWords,
  forecastStepWords,
  goesOutWords,
  stepDelayWords,
  stepWindowWords,
} from './campaigns';
import type { Params, PluralBase } from './catalog';
import type { Locale } from './locale';
import type { MessageKey } from './messages/en';
import { quotaWords, slotWords } from './quota';
import { reasonWords } from './reasons';
import { invalidAddressWords, type PersonaliseRefusal, refusalWords } from './refusals';
import { createSpeaker } from './speaker';
import {
  type SuppressionFacts,
  suppressedRefusalWords,
  suppressionReasonWords,
  whySuppressedWords,
} from './suppression';
import type {
  AnalyticsScope,
  ChannelWords,
  ConnectionWords,
  FeedRow,
  Instant,
  Line,
  QuotaWords,
  RecipientOutcome,
  RowWords,
  SendRow,
  SlotRule,
  VoiceOptions,
} from './types';
import {
  analyticsDetailWords,
  analyticsWords,
  channelWords,
  connectionWords,
  outcomeWords,
  rowWords,
  sendStatus,
  unavailableWords,
} from './words';

/** Sendwell's one voice: how both front ends word what they show, in the rep's language and zone. */
export interface Voice {
  readonly locale: Locale;
  readonly timeZone: string;
  /** Any catalog string, for labels the front ends need ("Send with Sendwell" lives in the catalog). */
  t(key: MessageKey, params?: Params): string;
  /** A counted catalog phrase: `count('count.messages', 2)` → "2 messages" (plural form by Intl). */
  count(base: PluralBase, n: number, params?: Params): string;
  /** Parts joined with " · ", empty parts dropped. */
  join(...parts: (string | null | undefined | false)[]): string;
  /** Sentences run together in the locale's way (a space in English, none in Chinese). */
  sentences(...parts: (string | null | undefined | false)[]): string;
  /** Why core's `personalise` refused, from its code and data (never its English `message`). */
  refusal(refusal: PersonaliseRefusal): string;
  /** A refusal naming every invalid address. */
  invalidAddresses(addresses: readonly string[]): string;
  /** 1,800 / 1 800 / 1,800 — the locale's separators. */
  number(n: number): string;
  /** "2:57 PM" (en) or "14:57" (zh-Hans) today; with the weekday or date on another day. */
  time(at: Instant): string;
  /** "now", "in 12 s", else `time(at)`. */
  when(at: Instant): string;
  channel(info: ChannelInfo, host: Host): ChannelWords;
  /** The reason of a 409 from GET /api/channel. */
  channelUnavailable(reason: 'no-native-mailbox' | 'no-default-channel', host: Host): string;
  quota(info: QuotaInfo<Instant>): QuotaWords;
  /** "userunknown" → "address does not exist". */
  bounceReason(reason: string | null | undefined): string;
  /** Why a send waits for its slot ("Sendwell keeps to 27 messages a minute, under Exchange Online's 30"). */
  slot(rule: SlotRule | null): string | null;
  /** The status of a send the server just accepted: "Queued for 2:57 PM" or "Queued — going out now". */
  accepted(sendAt: Instant | null): Line;
  /** One recipient's fate: sent, delayed (not bounced yet), or bounced with the reason. */
  outcome(recipient: RecipientOutcome): Line;
  /** The status line of a send row: "Queued for 2:57 PM", "Sent 2:58 PM", "Not sent (3:01 PM): …". */
  sendStatus(row: SendRow): Line;
  /** The banner for the rep's mailbox connection of `provider` (null info: not connected yet). */
  connection(info: ConnectionInfo | null, provider: ProviderKind): ConnectionWords;
  /** A folded feed row (see `foldFeed`). */
  feedRow(row: FeedRow): RowWords;
  /** "Team · 1 message to 2 recipients · 1 recipient bounced" / "You · no messages yet". */
  analytics(analytics: TemplateAnalytics, scope: AnalyticsScope): string;
  /** "1 hard · 0 soft · 0 delayed (recipients)". */
  analyticsDetail(counts: AnalyticsCounts): string;
  /** 0.253 → "25.3%" in the locale's way. */
  percent(fraction: number): string;

  // Issue 9: campaigns, exits, suppression, schedule send.
  /** "active · step 2 of 3 · next Tue 9:00 AM", "finished", "left: bounced" (exact), "left: replied", … */
  enrolmentStatus(e: EnrolmentStatusInput): string;
  /** `enrolmentStatus` with the tone its badge shows (bounced red, replied green, …). */
  enrolmentLine(e: EnrolmentStatusInput): Line;
  /** Why a person left, as a sentence: "Left the campaign: an email to this address bounced." */
  leftReason(reason: LeftReason): string;
  /** The cancel reason of a later step: "Campaign ended: the email before bounced." */
  campaignEnded(reason: LeftReason | 'finished'): string;
  /** "Active", "Paused by its owner Tue 9:00 AM", "Paused automatically …: too many emails bounced". */
  campaignStatus(campaign: { status: CampaignStatus; pause: BreakerPause | null }): Line;
  /** The circuit breaker's banner (null unless the breaker paused it); `isAdmin` picks who may resume. */
  breakerBanner(
    pause: BreakerPause | null,
    reader: { isAdmin: boolean },
  ): { tone: Line['tone']; title: string; detail: string } | null;
  /** "2 business days after the previous step" (index 0: "… after enrolment"). */
  stepDelay(delay: StepDelay, index: number): string;
  /** "Mon–Fri, 9:00 AM–5:00 PM, Europe/Paris time" or "Any time". */
  stepWindow(window: SendWindow | null, campaignZone: string): string;
  /** "New email" / "Reply in the same thread". */
  stepThread(thread: 'new' | 'same'): string;
  /** Schedule send's confirmation: "Goes out Tue 9:00 AM" (past or null: "Goes out now"). */
  goesOut(at: Instant | null): string;
  /** "Row 3: “bob@” is not a valid email address" (row is 0-based on the wire, shown from 1). */
  enrolRowError(error: EnrolRowError): string;
  /** "12 people enrolled · 2 not enrolled". */
  enrolAnswer(answer: Pick<EnrolAnswer, 'enrolled' | 'errors' | 'dryRun'>): string;
  /** A column or funnel label: "Enrolled", "Bounced (hard)", "Reply rate", … */
  countLabel(label: CountLabel): string;
  /** A step's forecast: "3 pending, from Tue 9:00 AM to Tue 11:00 AM". */
  forecastStep(step: CampaignForecast['steps'][number]): string;
  /** "hard bounce", "unsubscribed", "spam complaint", "repeated soft bounces", "added by hand". */
  suppressionReason(reason: string): string;
  /** "ada@x.test is suppressed for your team since …: an email to it bounced hard. The notice said: …" */
  whySuppressed(facts: SuppressionFacts): string;
  /** "Not sent: ada@x.test is suppressed for your team." */
  suppressedRefusal(addresses: readonly string[]): string;
  /** Why an open or click was a machine's: "Apple Mail Privacy Protection", "a security scanner", … */
  machineWhy(why: string): string;
  /** Why a CSV file as a whole could not be read (`parseEnrolmentCsv(...).problem`). */
  csvProblem(problem: CsvProblem): string;
}

export function createVoice(options: VoiceOptions): Voice {
  const s = createSpeaker(options.locale, options.timeZone ?? 'UTC', options.clock);
  return {
    locale: s.locale,
    timeZone: s.timeZone,
    t: s.t,
    count: s.count,
    join: s.join,
    sentences: s.sentences,
    refusal: (refusal) => refusalWords(s, refusal),
    invalidAddresses: (addresses) => invalidAddressWords(s, addresses),
    number: s.number,
    time: s.time,
    when: s.when,
    channel: (info, host) => channelWords(s, info, host),
    channelUnavailable: (reason, host) => unavailableWords(s, reason, host),
    quota: (info) => quotaWords(s, info),
    bounceReason: (reason) => reasonWords(s, reason),
    slot: (rule) => slotWords(s, rule),
    accepted: (sendAt) =>
      sendAt && new Date(sendAt) > s.clock.now()
        ? { tone: 'info', text: s.t('send.queuedFor', { time: s.time(sendAt) }) }
        : { tone: 'info', text: s.t('send.queuedNow') },
    outcome: (recipient) => outcomeWords(s, recipient),
    sendStatus: (row) => sendStatus(s, row),
    feedRow: (row) => rowWords(s, row),
    connection: (info, provider) => connectionWords(s, info, provider),
    analytics: (analytics, scope) => analyticsWords(s, analytics, scope),
    analyticsDetail: (counts) => analyticsDetailWords(s, counts),
    percent: s.percent,
    enrolmentStatus: (e) => enrolmentStatusWords(s, e),
    enrolmentLine: (e) => enrolmentLine(s, e),
    leftReason: (reason) => s.t(`campaign.leftWhy.${reason}`),
    campaignEnded: (reason) => s.t(`campaign.ended.${reason}`),
    campaignStatus: (campaign) => campaignStatusWords(s, campaign),
    breakerBanner: (pause, reader) => breakerBannerWords(s, pause, reader),
    stepDelay: (delay, index) => stepDelayWords(s, delay, index),
    stepWindow: (window, zone) => stepWindowWords(s, window, zone),
    stepThread: (thread) => s.t(`step.thread.${thread}`),
    goesOut: (at) => goesOutWords(s, at),
    enrolRowError: (error) => enrolRowErrorWords(s, error),
    enrolAnswer: (answer) => enrolAnswerWords(s, answer),
    countLabel: (label) => s.t(`campaign.counts.${label}`),
    forecastStep: (step) => forecastStepWords(s, step),
    suppressionReason: (reason) => suppressionReasonWords(s, reason),
    whySuppressed: (facts) => whySuppressedWords(s, facts),
    suppressedRefusal: (addresses) => suppressedRefusalWords(s, addresses),
    machineWhy: (why) =>
      (MACHINE_WHYS as readonly string[]).includes(why) ? s.t(`engagement.why.${why as MachineWhy}`) : why,
    csvProblem: (problem) =>
      problem.code === 'unreadable'
        ? s.t('enrol.csv.unreadable', { detail: problem.detail })
        : s.t(problem.code === 'empty' ? 'enrol.csv.empty' : 'enrol.csv.noEmailColumn'),
  };
}
