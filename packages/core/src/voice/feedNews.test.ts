import { describe, expect, it } from 'vitest';
import type { FeedEvent } from '../api/v1/feed';
import { MACHINE_WHYS } from '../engagement/machine';
import { ManualClock } from '../ports/clock';
import { foldFeed } from './feed';
import type { CampaignRow, SendRow } from './types';
import { createVoice } from './voice';

// Issue 9: replies, auto-replies, opt-outs and engagement fold into their send's row; campaign and
// suppression events are rows of their own, even when they name the send that caused them.
let nextId = 1;
const at = (time: string) => `2026-01-05T${time}Z`;
const ev = (
  type: FeedEvent['type'],
  time: string,
  detail: FeedEvent['detail'] = {},
  sendId: string | null = 's1',
): FeedEvent => ({
  id: nextId++,
  type,
  at: at(time),
  userId: 'eli',
  sendId,
  recipient: null,
  templateId: null,
  detail,
});
const queued = ev('send.queued', '15:00:00', { to: ['pat@reply.test'], subject: 'Hello' });
const submitted = ev('send.submitted', '15:01:00');
const reply = ev('reply', '15:10:00', { from: 'pat@reply.test', subject: 'Re: Hello' });
const sendRow = (events: FeedEvent[]) => foldFeed(events).find((r) => r.kind === 'send') as SendRow;
const voice = createVoice({ locale: 'en', timeZone: 'UTC', clock: new ManualClock(at('16:00:00')) });

describe('foldFeed with replies, opt-outs and engagement', () => {
  it('a reply joins its send row once, and does not rename the send', () => {
    const rescanned = { ...reply, id: nextId++ };
    const row = sendRow([queued, submitted, reply, rescanned]);
    expect(row.replies).toEqual([{ from: 'pat@reply.test', at: at('15:10:00') }]);
    expect(row.subject).toBe('Hello');
    expect(row.phase).toBe('sent');
    const words = voice.feedRow(row);
    expect(words.detail).toBe('1 replied');
    expect(words.recipients).toEqual([{ tone: 'success', text: 'pat@reply.test replied' }]);
  });

  it('an out-of-office is shown but is not a reply', () => {
    const ooo = ev('auto-reply', '15:05:00', { from: 'sam@ooo.test' });
    const row = sendRow([queued, submitted, ooo]);
    expect(row.replies).toEqual([]);
    expect(row.autoReplies).toEqual(['sam@ooo.test']);
    expect(voice.feedRow(row).recipients).toEqual([
      { tone: 'info', text: 'Automatic reply from sam@ooo.test (not a reply)' },
    ]);
  });

  it.each([
    ['unsubscribe', [ev('unsubscribe', '15:20:00')], 'unsubscribe', 'unsubscribed'],
    [
      'a complaint outranks an unsubscribe',
      [ev('complaint', '15:20:00'), ev('unsubscribe', '15:21:00')],
      'complaint',
      'reported as spam',
    ],
  ] as const)('%s', (_name, events, optOut, detail) => {
    const row = sendRow([queued, submitted, ...events]);
    expect(row.optOut).toBe(optOut);
    expect(voice.feedRow(row).detail).toBe(detail);
  });

  it('counts people’s opens and clicks apart from machines’', () => {
    const row = sendRow([
      queued,
      ev('engagement.open', '15:02:00', { machine: true, why: 'apple-mpp' }),
      ev('engagement.open', '15:30:00', { machine: false }),
      ev('engagement.click', '15:31:00', { machine: false, url: 'https://x.test' }),
      ev('engagement.click', '15:01:02', { machine: true, why: 'too-fast' }),
    ]);
    expect(row.engagement).toEqual({ opens: 1, clicks: 1, machine: 2 });
    expect(voice.feedRow(row).detail).toBe('1 open · 1 click · 2 by machines');
  });
});

describe('campaign and suppression rows', () => {
  const left = ev('campaign.left', '15:30:00', {
    campaignId: 'c1',
    campaignName: 'Q1 outreach',
    email: 'bo@bounce.test',
    reason: 'bounced',
  });

  it('campaign.left is its own row even though it names the send', () => {
    const rows = foldFeed([queued, submitted, left]);
    expect(rows.map((r) => r.kind).sort()).toEqual(['campaign', 'send']);
    const row = rows.find((r) => r.kind === 'campaign') as CampaignRow;
    expect(row).toMatchObject({ event: 'campaign.left', reason: 'bounced', email: 'bo@bounce.test' });
    const words = voice.feedRow(row);
    expect(words.title).toBe('bo@bounce.test left Q1 outreach');
    expect(words.detail).toBe(voice.leftReason('bounced'));
    expect(words.tone).toBe('error');
  });

  it.each([
    [
      ev('campaign.enrolled', '15:00:00', { campaignName: 'Q1', count: 12 }, null),
      '12 people enrolled in Q1',
      'info',
    ],
    [
      ev('campaign.finished', '15:00:00', { campaignName: 'Q1', email: 'a@x.test' }, null),
      'a@x.test finished Q1',
      'success',
    ],
    [ev('campaign.resumed', '15:00:00', { campaignName: 'Q1' }, null), 'Q1 resumed', 'success'],
    [ev('campaign.paused', '15:00:00', { campaignName: 'Q1', by: 'owner' }, null), 'Q1 paused', 'warning'],
    [
      ev('suppression.added', '15:00:00', { email: 'bo@bounce.test', reason: 'hard-bounce' }, 's1'),
      'bo@bounce.test suppressed for your team',
      'warning',
    ],
    [
      ev('suppression.lifted', '15:00:00', { email: 'bo@bounce.test' }, null),
      'Suppression of bo@bounce.test lifted',
      'success',
    ],
    [ev('reply', '15:00:00', { from: 'who@x.test' }, null), 'Reply from who@x.test', 'success'],
  ] as const)('%j reads "%s"', (event, title, tone) => {
    const [row] = foldFeed([event]);
    const words = voice.feedRow(row!);
    expect(words.title).toBe(title);
    expect(words.tone).toBe(tone);
  });

  it('a breaker pause gives its evidence', () => {
    const paused = ev(
      'campaign.paused',
      '15:40:00',
      { campaignName: 'Q1', by: 'circuit-breaker', bounced: 5, window: 20, threshold: 0.2 },
      null,
    );
    const words = voice.feedRow(foldFeed([paused])[0]!);
    expect(words.tone).toBe('error');
    expect(words.detail).toContain('5 of the last 20 emails bounced (25%)');
  });

  it.each(['en', 'zh-Hans'] as const)('every new row has words in %s', (locale) => {
    const v = createVoice({ locale, timeZone: 'UTC', clock: new ManualClock(at('16:00:00')) });
    for (const row of foldFeed([queued, submitted, reply, left]))
      expect(v.feedRow(row).title).not.toMatch(/\{\w+\}/);
  });
});

describe('machine reasons', () => {
  it.each([...MACHINE_WHYS])('%s has words in every language', (why) => {
    for (const locale of ['en', 'zh-Hans'] as const) {
      const v = createVoice({ locale, timeZone: 'UTC', clock: new ManualClock(at('16:00:00')) });
      expect(v.machineWhy(why)).not.toBe(why);
    }
  });
  it('Apple’s proxy is named', () => {
    expect(voice.machineWhy('apple-mpp')).toBe('Apple Mail Privacy Protection');
  });
});

describe('a campaign step the server cancelled', () => {
  const ended = (reason: string) => ev('send.cancelled', '15:30:00', { reason, campaignId: 'c1' }, 's9');
  const queued9 = ev('send.queued', '15:00:00', { to: ['bo@x.test'] }, 's9');
  const english = createVoice({ locale: 'en', timeZone: 'UTC', clock: new ManualClock(at('16:00:00')) });
  const chinese = createVoice({ locale: 'zh-Hans', timeZone: 'UTC', clock: new ManualClock(at('16:00:00')) });

  it.each([
    [english, `Cancelled (${english.time(at('15:30:00'))}): Campaign ended: the email before bounced.`],
    [chinese, `已取消（${chinese.time(at('15:30:00'))}）：${chinese.campaignEnded('bounced')}`],
  ])('says why, in the reader’s language (%#)', (v, text) => {
    const row = sendRow([queued9, ended(english.campaignEnded('bounced'))]);
    expect(row.cancelReason).toBe('Campaign ended: the email before bounced.');
    expect(v.sendStatus(row).text).toBe(text);
  });

  it('a reason the voice does not know is shown as the server wrote it', () => {
    const row = sendRow([queued9, ended('Not sent: bo@x.test became suppressed for your team.')]);
    expect(english.sendStatus(row).text).toMatch(/: Not sent: bo@x.test became suppressed/);
  });

  it('a person’s cancel has no reason line', () => {
    const row = sendRow([queued9, ev('send.cancelled', '15:30:00', { bySender: true, reason: 'x' }, 's9')]);
    expect(row.cancelReason).toBeNull();
  });
});
