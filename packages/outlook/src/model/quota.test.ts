import { describe, expect, it } from 'vitest';
import type { QuotaInfo } from '../api/types';
import { describeQuota, labelFor, quotaLineText } from './quota';

const now = new Date('2026-03-02T09:00:00Z');

/** The shape core's quotaSnapshot gives for an Exchange Online mailbox. */
const quota: QuotaInfo = {
  profileId: 'exchange-online',
  used: { messages: 2, recipients: 5, external: 3 },
  limits: { messages: null, recipients: 9000, external: null },
  remaining: { messages: null, recipients: 8995, external: null },
  windows: [
    { id: 'per-minute', label: '30 messages a minute', metric: 'messages', used: 1, target: 27 },
    { id: 'per-day', label: '10,000 recipients a day', metric: 'recipients', used: 5, target: 9000 },
  ],
  nextFreeAt: '2026-03-02T09:01:00Z',
  pausedUntil: null,
  queued: 0,
};

describe('describeQuota', () => {
  it('shows counts with a daily limit as used/limit, and the message count always', () => {
    const view = describeQuota(quota, now);
    expect(view.lines).toEqual([
      { key: 'messages', label: 'messages', used: 2, limit: null },
      { key: 'recipients', label: 'recipients', used: 5, limit: 9000 },
    ]);
    expect(view.providerLimits).toBe('30 messages a minute · 10,000 recipients a day');
  });

  it.each([
    [{ key: 'messages', label: 'messages', used: 1, limit: null }, '1 message in the last 24 h'],
    [{ key: 'messages', label: 'messages', used: 1200, limit: null }, '1,200 messages in the last 24 h'],
    [{ key: 'recipients', label: 'recipients', used: 1, limit: 9000 }, '1/9,000 recipients in the last 24 h'],
  ])('words %j as %s', (line, text) => expect(quotaLineText(line)).toBe(text));

  it('names a future slot, or says a slot is free', () => {
    expect(describeQuota(quota, now).nextSlot).toMatch(/^Next free slot /);
    expect(describeQuota({ ...quota, nextFreeAt: '2026-03-02T09:00:03Z' }, now).nextSlot).toBe(
      'Next free slot in 3 s',
    );
    expect(describeQuota({ ...quota, nextFreeAt: null }, now).nextSlot).toBe('A slot is free now');
  });

  it.each([
    [null, null, null],
    ['2026-03-02T08:00:00Z', 'limit reached', null],
    [
      '2026-03-02T10:00:00Z',
      'Exchange said 5.2.2',
      /^Paused by the provider until .+: Exchange said 5\.2\.2$/,
    ],
  ])('pause until %s (%s)', (pausedUntil, pauseReason, expected) => {
    const paused = describeQuota({ ...quota, pausedUntil, pauseReason }, now).paused;
    if (expected) expect(paused).toMatch(expected);
    else expect(paused).toBeNull();
  });

  it.each([
    ['external', 'external recipients'],
    ['uniqueExternal', 'unique external'],
  ])('labels %s as %s', (key, label) => expect(labelFor(key)).toBe(label));
});
