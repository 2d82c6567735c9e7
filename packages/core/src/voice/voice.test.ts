import { describe, expect, it } from 'vitest';
import { countDeliveries, type DeliveryEvent } from '../analytics/counters';
import { quotaInfo } from '../api/quotaInfo';
import type { ChannelInfo, TemplateAnalytics } from '../api/wire';
import { resolveChannel } from '../channel/resolveChannel';
import { ManualClock } from '../ports/clock';
import { batchInfo } from '../throttle/batch';
import { DAY_MS, getProfile } from '../throttle/profiles';
import { quotaSnapshot } from '../throttle/quota';
import type { Reservation } from '../throttle/types';
import { translate } from './catalog';
import type { Locale } from './locale';
import { createVoice } from './voice';

const NOW = '2026-01-05T14:00:00Z'; // a Monday
const voiceAt = (locale: Locale, timeZone = 'UTC', now = NOW) =>
  createVoice({ locale, timeZone, clock: new ManualClock(now) });
// Node's ICU puts a narrow no-break space before AM/PM; \s matches it.
const SP = '\\s';

describe('times: one clock convention per locale, in the rep’s zone', () => {
  it.each([
    ['en', 'UTC', '2026-01-05T14:57:00Z', `^2:57${SP}PM$`],
    ['en', 'America/New_York', '2026-01-05T14:57:00Z', `^9:57${SP}AM$`],
    ['zh-Hans', 'UTC', '2026-01-05T14:57:00Z', '^14:57$'],
    ['zh-Hans', 'Asia/Shanghai', '2026-01-05T14:57:00Z', '^22:57$'],
    ['en', 'UTC', '2026-01-06T09:05:00Z', `^Tue${SP}9:05${SP}AM$`],
    ['zh-Hans', 'Asia/Shanghai', '2026-01-05T16:30:00Z', '^周二\\s?00:30$'],
    ['en', 'UTC', '2026-01-20T09:05:00Z', `^Jan${SP}20,${SP}9:05${SP}AM$`],
  ] as const)('%s in %s prints %s as /%s/', (locale, zone, at, pattern) => {
    expect(voiceAt(locale, zone).time(at)).toMatch(new RegExp(pattern));
  });

  // Issue 6, observation 10: "scheduled for 02:57 PM … Next slot 14:57" in one sentence.
  it.each(['en', 'zh-Hans'] as const)('%s never mixes 12- and 24-hour times in one status', (locale) => {
    const voice = voiceAt(locale);
    const q = quota('gmail-workspace', [], { pausedUntil: new Date('2026-01-05T14:57:00Z') });
    const sentence = [
      voice.quota(q).paused,
      voice.t('send.queuedFor', { time: voice.time(q.pausedUntil!) }),
    ].join(' ');
    const twelve = /\d:\d\d\s(AM|PM)|[上下]午/.test(sentence);
    const twentyFour = /\b(1[3-9]|2[0-3]):\d\d\b/.test(sentence);
    expect(twelve && twentyFour).toBe(false);
  });

  it.each([
    ['en', 1800, '1,800'],
    ['zh-Hans', 1800, '1,800'],
    ['en', 10000, '10,000'],
  ] as const)('%s writes %d as %s', (locale, n, text) => {
    expect(voiceAt(locale).number(n)).toBe(text);
  });

  it('says "in 12 s" under a minute and "now" when past', () => {
    const voice = voiceAt('en');
    expect(voice.when('2026-01-05T14:00:12Z')).toBe('in 12 s');
    expect(voice.when('2026-01-05T13:00:00Z')).toBe('now');
  });
});

function quota(
  profileId: Parameters<typeof getProfile>[0],
  history: Reservation[],
  extras: { pausedUntil?: Date | null; pauseReason?: string | null; queued?: number } = {},
  now = new Date(NOW),
) {
  const profile = getProfile(profileId);
  const snapshot = quotaSnapshot(profile, history, now, { pausedUntil: extras.pausedUntil ?? null });
  const full = {
    pausedUntil: extras.pausedUntil ?? null,
    pauseReason: extras.pauseReason ?? null,
    queued: extras.queued ?? 0,
  };
  return quotaInfo(profile, snapshot, full, (at) => at.toISOString());
}

const sentEarlier = (n: number): Reservation[] =>
  Array.from({ length: n }, (_, i) => ({
    at: new Date(Date.parse(NOW) - DAY_MS / 2 + i * 60_000),
    recipients: 1,
    external: 1,
  }));

describe('quota wording from a real quotaSnapshot', () => {
  // Issue 6, observation 10: "0 of 1800", and 9,000 / 1,800 beside 10,000 / 2,000 without a why.
  it.each([
    [
      'en',
      'gmail-workspace',
      412,
      '412 of 1,800 messages in the last 24 hours',
      /Gmail allows 2,000 messages a day; Sendwell stops at 90% \(1,800\)/,
    ],
    [
      'zh-Hans',
      'gmail-workspace',
      412,
      '过去 24 小时：412 / 1,800 封邮件',
      /Gmail 每天允许 2,000 封邮件；Sendwell 在 90%（1,800）处停止/,
    ],
    [
      'en',
      'exchange-online',
      3,
      '3 messages in the last 24 hours',
      /Exchange Online allows 10,000 recipients a day; Sendwell stops at 90% \(9,000\)/,
    ],
  ] as const)('%s %s after %d sends', (locale, profileId, sent, headline, ceiling) => {
    const words = voiceAt(locale).quota(quota(profileId, sentEarlier(sent)));
    expect(words.headline).toBe(headline);
    expect(words.ceiling).toMatch(ceiling);
  });

  it('puts our target and the provider’s ceiling of a short window side by side', () => {
    const words = voiceAt('en').quota(quota('exchange-online', sentEarlier(0)));
    expect(words.windows).toEqual(['0 of 27 messages this minute · Exchange Online allows 30']);
    expect(words.lines).toContain('0 of 9,000 recipients in the last 24 hours');
  });

  it('says when the next slot is and that a pause came from the provider, with its reason', () => {
    const until = new Date('2026-01-05T15:30:00Z');
    const words = voiceAt('en').quota(
      quota('gmail-workspace', [], { pausedUntil: until, pauseReason: 'rate limit', queued: 3 }),
    );
    expect(words.paused).toMatch(/^Paused by Google Workspace Gmail until 3:30\sPM: rate limit$/);
    expect(words.nextSlot).toMatch(/^Next free slot 3:30\sPM$/);
    expect(words.queued).toBe('3 queued');
    expect(voiceAt('en').quota(quota('gmail-workspace', [])).nextSlot).toBe('A send fits now');
  });
});

describe('the team batch, from the real clamp', () => {
  const withBatch = (size: number, everySeconds: number) => ({
    ...quota('exchange-online', []),
    batch: batchInfo(getProfile('exchange-online'), { size, everySeconds }),
  });
  it.each([
    ['en', 10, 60, /^Your team sends in batches of 10 every 60 s\.$/],
    [
      'en',
      25,
      45,
      /^Your team sends in batches of 20 every 45 s: the setting of 25 every 45 s is faster than the 27 messages a minute Sendwell keeps to under Exchange Online’s limit\.$/,
    ],
    [
      'zh-Hans',
      25,
      45,
      /每 45 秒 20 封；设置的每 45 秒 25 封快于 Sendwell 在 Exchange Online 上限之下保持的每分钟 27 封邮件/,
    ],
  ] as const)('%s: %d every %d s', (locale, size, seconds, words) => {
    expect(voiceAt(locale).quota(withBatch(size, seconds)).batch).toMatch(words);
  });
});

describe('channel', () => {
  const config = (kind: 'exchange' | 'custom-smtp', label: string) => ({
    id: kind,
    kind,
    address: 'ava@contoso.test',
    profileId: 'exchange-online' as const,
    label,
  });
  const info = (defaultChannel: ReturnType<typeof config> | null): ChannelInfo => {
    const d = resolveChannel('outlook', {
      defaultChannel,
      nativeMailboxes: { exchange: config('exchange', 'Exchange Online — your mailbox') },
    });
    if (d.outcome !== 'resolved') throw new Error('unexpected');
    const { id: _, ...channel } = d.channel;
    return { channel, forced: d.forced, explanation: d.explanation, override: d.override };
  };

  it.each([
    ['en', config('custom-smtp', 'Team SMTP'), 'Not your default channel (Team SMTP).'],
    ['zh-Hans', config('custom-smtp', 'Team SMTP'), '不是你的默认通道（Team SMTP）。'],
    ['en', null, null],
  ] as const)('%s with default %j shows the override note %j', (locale, fallback, note) => {
    const words = voiceAt(locale).channel(info(fallback), 'outlook');
    expect(words.override).toBe(note);
    expect(words.address).toBe('ava@contoso.test');
    expect(words.title).toBe(
      translate(locale, 'channel.title', { label: translate(locale, 'channel.label.exchange') }),
    );
    expect(words.forced).toBe(
      translate(locale, 'channel.forced', { host: 'Outlook', provider: 'Exchange Online' }),
    );
  });
});

describe('template analytics wording', () => {
  const sentTo = (sendId: string, recipients: number): DeliveryEvent => ({
    type: 'sent',
    sendId,
    at: NOW,
    recipients,
  });
  const bounce = (
    sendId: string,
    recipient: string,
    hard: boolean | null,
    delayed = false,
  ): DeliveryEvent => ({
    type: 'bounced',
    sendId,
    at: NOW,
    recipient,
    hard,
    delayed,
  });
  const analytics = (team: DeliveryEvent[], mine: DeliveryEvent[]): TemplateAnalytics => ({
    templateId: 't1',
    team: countDeliveries(team),
    mine: countDeliveries(mine),
  });

  // Issue 6, observation 13: "1 sent · 1 bounced" for one message to two recipients, team-wide, unlabelled.
  it.each([
    ['en', 'team', 'Team · 1 message to 2 recipients · 1 recipient bounced'],
    ['en', 'mine', 'You · no messages yet'],
    ['zh-Hans', 'team', '团队 · 1 封邮件，共 2 位收件人 · 1 位收件人退信'],
  ] as const)('%s %s', (locale, scope, text) => {
    const team = [sentTo('s1', 2), bounce('s1', 'a@bounce.test', true)];
    expect(voiceAt(locale).analytics(analytics(team, []), scope)).toBe(text);
  });

  it('says delayed recipients apart from bounced ones', () => {
    const events = [
      sentTo('s1', 3),
      sentTo('s2', 1),
      bounce('s1', 'a@x', false),
      bounce('s1', 'b@x', null, true),
    ];
    const a = analytics(events, events);
    expect(voiceAt('en').analytics(a, 'mine')).toBe(
      'You · 2 messages to 4 recipients · 1 recipient bounced · 1 recipient delayed',
    );
    expect(voiceAt('en').analyticsDetail(a.mine)).toBe('0 hard · 1 soft · 1 delayed (recipients)');
  });

  it('says replied messages and the reply rate (issue 9: replies join template analytics)', () => {
    const reply = (sendId: string, from: string): DeliveryEvent => ({
      type: 'replied',
      sendId,
      at: NOW,
      from,
    });
    const events = [
      ...['s1', 's2', 's3', 's4'].map((id) => sentTo(id, 1)),
      reply('s1', 'a@reply.test'),
      reply('s1', 'a@reply.test'),
    ];
    expect(voiceAt('en').analytics(analytics(events, []), 'team')).toBe(
      'Team · 4 messages to 4 recipients · 1 message replied · 25% reply rate',
    );
  });
});
