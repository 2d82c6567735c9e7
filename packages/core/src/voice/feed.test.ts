import { describe, expect, it } from 'vitest';
import type { FeedEvent } from '../api/wire';
import { ManualClock } from '../ports/clock';
import { planSend } from '../throttle/plan';
import { getProfile } from '../throttle/profiles';
import type { Reservation } from '../throttle/types';
import { filterFeed, foldFeed } from './feed';
import type { SendRow } from './types';
import { createVoice } from './voice';

let nextId = 1;
const ev = (type: FeedEvent['type'], at: string, more: Partial<FeedEvent> = {}): FeedEvent => ({
  id: nextId++,
  type,
  at: `2026-01-05T${at}Z`,
  userId: 'ava',
  sendId: null,
  recipient: null,
  templateId: null,
  detail: {},
  ...more,
});
const TO = ['ada@delay.test', 'bob@full.test'];
const queued = (sendId: string, at = '14:00:00', userId = 'ava') =>
  ev('send.queued', at, {
    sendId,
    userId,
    detail: { to: TO, sendAt: `2026-01-05T${at}Z`, reason: 'Sends now' },
  });
const sent = (sendId: string, at = '14:00:02') =>
  ev('send.submitted', at, { sendId, detail: { to: TO, subject: 'Hi' } });
const delay = (sendId: string) =>
  ev('bounce', '14:05:00', {
    sendId,
    recipient: 'ada@delay.test',
    detail: { action: 'delayed', hard: null, reason: 'expired', status: '4.4.7' },
  });
const soft = (sendId: string) =>
  ev('bounce', '14:06:00', {
    sendId,
    recipient: 'bob@full.test',
    detail: { action: 'failed', hard: false, reason: 'mailboxfull', status: '5.2.2' },
  });

describe('foldFeed', () => {
  // Issue 6, observation 14: Queued and Sent were two rows per send (40 sends, 80 rows).
  it('makes one row per send, whatever the order or repetition of its events', () => {
    const events = Array.from({ length: 40 }, (_, i) => [queued(`s${i}`), sent(`s${i}`)]).flat();
    const rows = foldFeed(events);
    expect(rows).toHaveLength(40);
    expect(rows.every((r) => r.kind === 'send' && r.phase === 'sent')).toBe(true);
  });

  const life = () => {
    const q = queued('s1');
    const s = sent('s1');
    const d = delay('s1');
    const b = soft('s1');
    return { q, s, d, b };
  };
  it.each([
    ['in order', ({ q, s, d, b }: ReturnType<typeof life>) => [q, s, d, b]],
    ['reversed', ({ q, s, d, b }: ReturnType<typeof life>) => [b, d, s, q]],
    [
      'with duplicates (a reconnect replay)',
      ({ q, s, d, b }: ReturnType<typeof life>) => [q, s, q, d, s, b, d],
    ],
    ['bounce before sent', ({ q, s, d, b }: ReturnType<typeof life>) => [q, b, d, s]],
  ])('folds a two-recipient send %s into the same row', (_name, order) => {
    const rows = foldFeed(order(life()));
    expect(rows).toHaveLength(1);
    const row = rows[0] as SendRow;
    expect(row).toMatchObject({ kind: 'send', sendId: 's1', phase: 'sent', subject: 'Hi', to: TO });
    expect(row.recipients.map((r) => [r.address, r.state, r.hard])).toEqual([
      ['ada@delay.test', 'delayed', null],
      ['bob@full.test', 'bounced', false],
    ]);
  });

  it('keeps a bounce when a later delay notice for the same recipient arrives', () => {
    const b = soft('s1');
    const laterDelay = ev('bounce', '14:07:00', {
      sendId: 's1',
      recipient: 'BOB@full.test',
      detail: { action: 'delayed' },
    });
    const row = foldFeed([queued('s1'), b, laterDelay])[0] as SendRow;
    expect(row.recipients.find((r) => r.address === 'bob@full.test')?.state).toBe('bounced');
  });

  it('shows pauses and resumes as their own rows, newest first, and failures on the send row', () => {
    const rows = foldFeed([
      queued('s1', '14:00:00'),
      ev('throttle.paused', '14:01:00', { detail: { until: '2026-01-05T14:30:00Z', reason: '429' } }),
      ev('send.failed', '14:02:00', { sendId: 's1', detail: { error: 'Invalid To header' } }),
      ev('throttle.resumed', '14:30:00'),
    ]);
    expect(rows.map((r) => r.kind)).toEqual(['resume', 'pause', 'send']);
    expect(rows[2]).toMatchObject({ phase: 'failed', error: 'Invalid To header' });
  });
});

describe('filterFeed', () => {
  const rows = foldFeed([
    queued('mine-ok', '14:00:00'),
    queued('mine-bounced', '14:00:01'),
    soft('mine-bounced'),
    queued('eli-bounced', '14:00:02', 'eli'),
    ev('bounce', '14:09:00', {
      sendId: 'eli-bounced',
      userId: 'eli',
      recipient: 'x@bounce.test',
      detail: { hard: true },
    }),
    queued('mine-delayed', '14:00:03'),
    delay('mine-delayed'),
  ]);
  it.each([
    [{ scope: 'team' }, ['mine-delayed', 'eli-bounced', 'mine-bounced', 'mine-ok']],
    [{ scope: 'mine' }, ['mine-delayed', 'mine-bounced', 'mine-ok']],
    [{ scope: 'team', bouncesOnly: true }, ['eli-bounced', 'mine-bounced']],
    [{ scope: 'mine', bouncesOnly: true }, ['mine-bounced']],
  ] as const)('%j keeps %j', (filter, sends) => {
    const kept = filterFeed(rows, { userId: 'ava', ...filter });
    expect(kept.map((r) => (r.kind === 'send' ? r.sendId : r.key))).toEqual(sends);
  });
});

describe('feed rows in words', () => {
  const voice = (locale: 'en' | 'zh-Hans') =>
    createVoice({ locale, timeZone: 'UTC', clock: new ManualClock('2026-01-05T15:00:00Z') });

  // Issue 6, observation 11: "delayed (not bounced yet) · delivery time expired", and only the delay shown.
  it('shows both recipients of a two-recipient send: one delayed, one soft-bounced', () => {
    const { q, s, d, b } = { q: queued('s9'), s: sent('s9'), d: delay('s9'), b: soft('s9') };
    const words = voice('en').feedRow(foldFeed([q, s, d, b])[0]!);
    expect(words.title).toBe('Sent to ada@delay.test, bob@full.test');
    expect(words.detail).toBe('1 bounced · 1 delayed');
    expect(words.recipients.map((l) => [l.tone, l.text])).toEqual([
      ['warning', 'ada@delay.test: delivery delayed — not bounced yet'],
      ['error', 'bob@full.test: bounced for now, mailbox full (5.2.2)'],
    ]);
    expect(words.recipients[0]!.text).not.toMatch(/expired|gave up/);
    expect(words.status).toMatch(/^Sent 2:00\sPM$/);
  });

  it.each([
    ['en', 'ada@delay.test: delivery delayed — the provider will keep trying until 4:00\\sPM'],
    ['zh-Hans', 'ada@delay.test：投递延迟——服务商会继续重试，直到 16:00'],
  ] as const)('%s says until when the provider retries a delay', (locale, text) => {
    const d = ev('bounce', '14:05:00', {
      sendId: 's10',
      recipient: 'ada@delay.test',
      detail: { action: 'delayed', retryUntil: '2026-01-05T16:00:00Z' },
    });
    expect(voice(locale).feedRow(foldFeed([d])[0]!).recipients[0]!.text).toMatch(new RegExp(`^${text}$`));
  });

  it.each([
    [[queued('q1', '15:10:00')], /^Queued for 3:10\sPM$/],
    [[queued('q2', '14:59:00')], /^Queued — going out now$/],
    [[queued('q3'), sent('q3')], /^Sent 2:00\sPM$/],
    [
      [queued('q4'), ev('send.failed', '14:01:00', { sendId: 'q4', detail: { error: 'Invalid To header' } })],
      /^Not sent \(2:01\sPM\): Invalid To header$/,
    ],
  ])('status follows the send’s life: %#', (events, status) => {
    expect(voice('en').feedRow(foldFeed(events)[0]!).status).toMatch(status);
  });
});

describe('why a queued send waits, worded from the planner’s real rule', () => {
  const now = new Date('2026-01-05T15:00:00Z');
  const voice = (locale: 'en' | 'zh-Hans') =>
    createVoice({ locale, timeZone: 'UTC', clock: new ManualClock(now) });
  const burst = (n: number, spacingMs: number) =>
    Array.from({ length: n }, (_, i) => ({
      at: new Date(now.getTime() - 50_000 + i * spacingMs),
      recipients: 1,
      external: 1,
    }));
  const queuedFrom = (
    profileId: 'exchange-online' | 'gmail-consumer',
    history: Reservation[],
    pausedUntil?: Date,
  ) => {
    const plan = planSend({
      profile: getProfile(profileId),
      history,
      request: { recipients: 1, external: 1 },
      now,
      pausedUntil,
    });
    if (plan.outcome !== 'slot') throw new Error('expected a slot');
    const detail = {
      sendAt: plan.sendAt.toISOString(),
      reason: plan.reason,
      to: ['pat@example.com'],
      limitedBy: plan.limitedBy,
      windowId: plan.windowId ?? null,
      profileId,
    };
    return ev('send.queued', '15:00:00', { sendId: `slot-${nextId}`, detail });
  };
  it.each([
    [
      'en',
      'exchange-online',
      burst(27, 1_000),
      undefined,
      /^Waits for a free slot: Sendwell keeps to 27 messages a minute, under Exchange Online’s 30 messages a minute\.$/,
    ],
    [
      'zh-Hans',
      'exchange-online',
      burst(27, 1_000),
      undefined,
      /^等待空档：Sendwell 保持在每分钟 27 封邮件，低于 Exchange Online 的每分钟 30 封邮件。$/,
    ],
    [
      'en',
      'gmail-consumer',
      [],
      new Date('2026-01-05T16:00:00Z'),
      /^Waits: Gmail asked Sendwell to pause this mailbox\.$/,
    ],
    [
      'en',
      'exchange-online',
      [{ at: new Date('2026-01-05T15:00:01Z'), recipients: 1, external: 1 }],
      undefined,
      /^Waits for the messages already queued/,
    ],
  ] as const)('%s %s', (locale, profileId, history, pausedUntil, words) => {
    const row = foldFeed([queuedFrom(profileId, [...history], pausedUntil)])[0]!;
    const said = voice(locale).feedRow(row);
    expect(said.detail).toMatch(words);
    expect(said.status).not.toMatch(/going out now/);
  });

  it('says nothing about waiting once the send went out', () => {
    const q = queuedFrom('exchange-online', burst(27, 1_000));
    const row = foldFeed([q, sent(q.sendId!, '15:01:00')])[0]!;
    expect(voice('en').feedRow(row).detail).toBeNull();
  });

  it.each([
    ['2026-01-05T15:10:00Z', /^Queued for 3:10\sPM$/],
    ['2026-01-05T14:59:00Z', /^Queued — going out now$/],
    [null, /^Queued — going out now$/],
  ])('an accepted send with sendAt %s reads %s', (sendAt, text) => {
    expect(voice('en').accepted(sendAt).text).toMatch(text);
  });
});
