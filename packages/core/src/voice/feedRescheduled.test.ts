import { describe, expect, it } from 'vitest';
import type { FeedEvent } from '../api/wire';
import { ManualClock } from '../ports/clock';
import { foldFeed } from './feed';
import type { SendRow } from './types';
import { createVoice } from './voice';

// Issue 6, observation 9 ("never go stale"): when the outbox worker holds a send back, its row keeps
// the time the send was queued for until `send.rescheduled` moves it.
let nextId = 1;
const at = (time: string) => `2026-01-05T${time}Z`;
const ev = (type: FeedEvent['type'], time: string, detail: FeedEvent['detail'] = {}): FeedEvent => ({
  id: nextId++,
  type,
  at: at(time),
  userId: 'ava',
  sendId: 's1',
  recipient: null,
  templateId: null,
  detail,
});
const queued = () =>
  ev('send.queued', '15:00:00', {
    to: ['pat@example.com'],
    sendAt: at('15:00:00'),
    reason: 'Sends now',
    limitedBy: 'none',
    windowId: null,
    profileId: 'exchange-online',
  });
const moved = (sendAt: string, limitedBy: string, profileId: string | null = 'exchange-online') =>
  ev('send.rescheduled', '15:00:05', {
    sendAt: at(sendAt),
    previousSendAt: at('15:00:00'),
    limitedBy,
    windowId: null,
    profileId,
    reason: `held back (${limitedBy})`,
  });
const sendRow = (events: FeedEvent[]) => {
  const rows = foldFeed(events);
  expect(rows).toHaveLength(1);
  return rows[0] as SendRow;
};

describe('foldFeed with send.rescheduled', () => {
  const q = queued();
  const paced = moved('15:00:30', 'pace');
  const paused = moved('15:10:00', 'pause');
  const retry = moved('15:00:45', 'retry', null);
  const submitted = ev('send.submitted', '15:10:01', { to: ['pat@example.com'] });
  it.each([
    ['queued only', [q], 'queued', at('15:00:00'), 'none'],
    ['paced at send time', [q, paced], 'queued', at('15:00:30'), 'pace'],
    ['moved twice: the last move wins', [q, paced, paused], 'queued', at('15:10:00'), 'pause'],
    ['a retry after a provider error', [q, retry], 'queued', at('15:00:45'), 'retry'],
    ['replayed out of order', [paused, q, paced, paused], 'queued', at('15:10:00'), 'pause'],
    ['moved, then sent', [q, paused, submitted], 'sent', at('15:10:00'), 'pause'],
    ['a move seen before the queued event', [paced], 'queued', at('15:00:30'), 'pace'],
  ] as const)('%s', (_name, events, phase, sendAt, limitedBy) => {
    const row = sendRow([...events]);
    expect(row).toMatchObject({ phase, sendAt, slot: { limitedBy } });
    expect(row.queuedAt).toBe(events.includes(q) ? q.at : null);
  });

  it('keeps the rule it had when a move does not name one', () => {
    const bare = ev('send.rescheduled', '15:00:05', { sendAt: at('15:02:00') });
    expect(sendRow([q, paced, bare])).toMatchObject({ sendAt: at('15:02:00'), slot: { limitedBy: 'pace' } });
  });
});

describe('a held-back send in words', () => {
  const clock = new ManualClock(new Date(at('15:00:06')));
  const voices = [
    createVoice({ locale: 'en', timeZone: 'UTC', clock }),
    createVoice({ locale: 'zh-Hans', timeZone: 'Asia/Shanghai', clock }),
  ];

  it.each(voices.map((v) => [v.locale, v] as const))(
    '%s: the status line and row show the new time and why',
    (_locale, voice) => {
      const q = queued();
      const before = sendRow([q]);
      expect(voice.sendStatus(before).text).toBe(voice.t('send.queuedNow'));
      const cases = [
        [
          moved('15:10:00', 'pause'),
          voice.slot({ limitedBy: 'pause', windowId: null, profileId: 'exchange-online' }),
        ],
        [moved('15:00:45', 'retry', null), voice.t('slot.retry')],
      ] as const;
      for (const [event, why] of cases) {
        const row = sendRow([q, event]);
        const status = voice.t('send.queuedFor', { time: voice.time(String(event.detail.sendAt)) });
        expect(voice.sendStatus(row).text).toBe(status);
        expect(voice.feedRow(row)).toMatchObject({ status, detail: why });
      }
    },
  );
});
