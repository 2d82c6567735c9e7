import { describe, expect, it } from 'vitest';
import type { QuotaInfo } from '../api/types';
import { describeQuota, labelFor } from './quota';

const now = new Date('2026-03-02T09:00:00Z');

describe('describeQuota', () => {
  const quota: QuotaInfo = {
    profileId: 'exchange-online',
    used: { messagesPerMinute: 29, recipientsPer24h: 100 },
    limits: { messagesPerMinute: 30, recipientsPer24h: 10000 },
    remaining: { messagesPerMinute: 1, recipientsPer24h: 9900 },
    nextFreeAt: '2026-03-02T09:01:00Z',
    pausedUntil: '2026-03-02T08:00:00Z',
    queued: 0,
  };

  it('pairs used with limits and points at the tightest one', () => {
    const view = describeQuota(quota, now);
    expect(view.lines.map((line) => `${line.used}/${line.limit} ${line.label}`)).toEqual([
      '29/30 messages per minute',
      '100/10000 recipients per 24h',
    ]);
    expect(view.tightest?.key).toBe('messagesPerMinute');
  });

  it('ignores a pause that has already ended and names a future slot', () => {
    const view = describeQuota(quota, now);
    expect(view.paused).toBeNull();
    expect(view.nextSlot).toMatch(/^Next free slot /);
    expect(describeQuota({ ...quota, nextFreeAt: null }, now).nextSlot).toBe('A slot is free now');
  });

  it.each([
    ['messagesPerDay', 'messages per day'],
    ['recipientsPer24h', 'recipients per 24h'],
    ['external', 'external'],
  ])('labels %s as %s', (key, label) => expect(labelFor(key)).toBe(label));
});
