import { describe, expect, it } from 'vitest';
import type { FeedEvent } from '../api/v1/feed';
import { ManualClock } from '../ports/clock';
import { foldFeed } from './feed';
import type { SendRow } from './types';
import { createVoice } from './voice';

// Issue 8: a queued send can be cancelled by its sender or a team admin (`send.cancelled`); its row
// ends there, saying who cancelled it when it was not the rep.
let nextId = 1;
const at = (time: string) => `2026-01-05T${time}Z`;
const ev = (type: FeedEvent['type'], time: string, detail: FeedEvent['detail'] = {}): FeedEvent => ({
  id: nextId++,
  type,
  at: at(time),
  userId: 'eli',
  sendId: 's1',
  recipient: null,
  templateId: null,
  detail,
});
const queued = ev('send.queued', '15:00:00', { to: ['pat@example.com'], sendAt: at('16:00:00') });
const held = ev('send.held', '15:01:00', { state: 'needs-reconnect' });
const bySender = ev('send.cancelled', '15:05:00', { bySender: true, byName: 'Eli Park' });
const byAdmin = ev('send.cancelled', '15:05:00', { bySender: false, byName: 'Ava Reyes' });
const row = (events: FeedEvent[]) => foldFeed(events)[0] as SendRow;

describe('foldFeed with send.cancelled', () => {
  it.each([
    ['cancelled by the sender', [queued, bySender], null],
    ['cancelled by a team admin', [queued, byAdmin], 'Ava Reyes'],
    ['replayed out of order', [byAdmin, queued, byAdmin], 'Ava Reyes'],
    ['a held send cancelled: no longer waiting', [queued, held, bySender], null],
  ] as const)('%s', (_name, events, cancelledBy) => {
    const r = row([...events]);
    expect(r).toMatchObject({ phase: 'cancelled', cancelledAt: at('15:05:00'), cancelledBy, held: null });
  });

  it('a late "queued" does not bring a cancelled send back', () => {
    expect(row([bySender, queued]).phase).toBe('cancelled');
  });
});

describe.each(['en', 'zh-Hans'] as const)('the cancelled status in %s', (locale) => {
  const voice = createVoice({ locale, timeZone: 'UTC', clock: new ManualClock(at('15:06:00')) });
  const time = voice.time(at('15:05:00'));

  it.each([
    ['sender', [queued, bySender], () => voice.t('send.cancelled', { time })],
    ['admin', [queued, byAdmin], () => voice.t('send.cancelledBy', { name: 'Ava Reyes', time })],
  ] as const)('cancelled by the %s', (_who, events, expected) => {
    const r = row([...events]);
    expect(voice.sendStatus(r).text).toBe(expected());
    expect(voice.feedRow(r).title).toBe(voice.t('send.title.cancelled', { to: 'pat@example.com' }));
  });

  it('names the admin and the time in the sentence', () => {
    const text = voice.sendStatus(row([queued, byAdmin])).text;
    expect(text).toContain('Ava Reyes');
    expect(text).toContain(time);
  });
});
