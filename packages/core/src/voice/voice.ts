import type { AnalyticsCounts, ChannelInfo, QuotaInfo, TemplateAnalytics } from '../api/wire';
import type { Host, ProviderKind } from '../channel/types';
import type { ConnectionInfo } from '../connection/types';
import type { Params, PluralBase } from './catalog';
import type { Locale } from './locale';
import type { MessageKey } from './messages/en';
import { quotaWords, slotWords } from './quota';
import { reasonWords } from './reasons';
import { invalidAddressWords, type PersonaliseRefusal, refusalWords } from './refusals';
import { createSpeaker } from './speaker';
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
  };
}
