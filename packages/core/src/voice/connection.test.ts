import { describe, expect, it } from 'vitest';
import type { FeedEvent } from '../api/wire';
import type { ConnectionInfo, ConnectionProblem } from '../connection/types';
import { ManualClock } from '../ports/clock';
import { translate } from './catalog';
import { foldFeed } from './feed';
import type { Locale } from './locale';
import type { ConnectionRow, SendRow } from './types';
import { createVoice } from './voice';

const clock = new ManualClock(new Date('2026-01-05T15:00:00Z'));
let nextId = 1;
const ev = (
  type: FeedEvent['type'],
  detail: FeedEvent['detail'] = {},
  sendId: string | null = 's1',
): FeedEvent => ({
  id: nextId++,
  type,
  at: '2026-01-05T15:00:00Z',
  userId: 'nia',
  sendId,
  recipient: null,
  templateId: null,
  detail,
});
const info = (over: Partial<ConnectionInfo>): ConnectionInfo => ({
  mailboxId: 'mbx-nia',
  provider: 'exchange',
  address: 'nia@contoso.test',
  state: 'connected',
  problem: null,
  since: '2026-01-05T15:00:00Z',
  heldSends: 0,
  bounceTracking: true,
  ...over,
});

describe('a held send in the feed', () => {
  it('waits for the reconnect, then reads as sent', () => {
    const held = [
      ev('send.queued', { to: ['pat@example.com'], sendAt: '2026-01-05T15:00:00Z' }),
      ev('send.held', { state: 'needs-reconnect', problem: 'grant-revoked' }),
    ];
    const [row] = foldFeed(held) as SendRow[];
    expect(row!.held).toEqual({ state: 'needs-reconnect', problem: 'grant-revoked' });
    const voice = createVoice({ locale: 'en', clock });
    expect(voice.sendStatus(row!).text).toBe(translate('en', 'send.held.needs-reconnect'));
    const [sent] = foldFeed([...held, ev('send.submitted')]) as SendRow[];
    expect(sent!.held).toBeNull();
    expect(voice.sendStatus(sent!).tone).toBe('success');
  });
});

describe('connection rows', () => {
  it('one row per change, with the problem and the sends a reconnect released', () => {
    const rows = foldFeed([
      ev('connection.needs-reconnect', { address: 'nia@contoso.test', problem: 'password-changed' }, null),
      ev('connection.reconnected', { address: 'nia@contoso.test', released: 2 }, null),
    ]) as ConnectionRow[];
    expect(rows.map((r) => [r.event, r.problem, r.released])).toEqual([
      ['connection.reconnected', null, 2],
      ['connection.needs-reconnect', 'password-changed', 0],
    ]);
    const voice = createVoice({ locale: 'en', clock });
    const [reconnected, lost] = rows.map((r) => voice.feedRow(r));
    expect(reconnected!.title).toBe(
      translate('en', 'feed.connection.reconnected', { address: 'nia@contoso.test' }),
    );
    expect(reconnected!.detail).toBe(translate('en', 'feed.connection.released.other', { n: 2 }));
    expect(lost!.tone).toBe('warning');
  });
});

describe.each<Locale>(['en', 'zh-Hans'])('connection banner (%s)', (locale) => {
  const voice = createVoice({ locale, clock });

  it('offers Connect when there is no connection', () => {
    const words = voice.connection(null, 'exchange');
    expect(words.action).toBe('connect');
    expect(words.actionLabel).toBe(translate(locale, 'connection.action.connect'));
    expect(words.title).toBe(
      translate(locale, 'connection.title.none', {
        provider: translate(locale, 'connection.provider.exchange'),
      }),
    );
  });

  it.each<ConnectionProblem>(['grant-revoked', 'consent-revoked', 'password-changed', 'grant-expired'])(
    'says why a reconnect is needed (%s) and how many sends wait',
    (problem) => {
      const words = voice.connection(info({ state: 'needs-reconnect', problem, heldSends: 1 }), 'exchange');
      expect(words.action).toBe('reconnect');
      expect(words.detail).toContain(translate(locale, `connection.problem.${problem}`));
      expect(words.detail).toContain(translate(locale, 'connection.held.one', { n: 1 }));
    },
  );

  it('has no button for a mailbox an admin disabled', () => {
    expect(voice.connection(info({ state: 'disabled' }), 'gmail').action).toBeNull();
  });

  it('says bounce tracking is unavailable on premises', () => {
    const words = voice.connection(info({ provider: 'exchange-server', bounceTracking: false }), 'exchange');
    expect(words.detail).toBe(translate(locale, 'connection.noBounceTracking'));
    expect(words.title).toContain(translate(locale, 'connection.provider.exchange-server'));
  });
});
