import { describe, expect, it } from 'vitest';
import type { FeedItem, QuotaView } from '../deps';
import { feedItemText, formatTime, quotaText } from './format';

describe('formatTime', () => {
  it.each([
    ['2026-03-02T10:05:00Z', 0, '10:05'],
    ['2026-03-02T10:05:00Z', 60, '11:05'],
    ['2026-03-02T00:30:00Z', -120, '22:30'],
  ])('%s at %i min', (iso, offset, expected) => {
    expect(formatTime(iso, offset)).toBe(expected);
  });
});

const at = '2026-03-02T10:05:00Z';
describe('feedItemText', () => {
  it.each<[string, FeedItem, { topLabel: string; text: string; bottomLabel?: string }]>([
    [
      'hard bounce',
      {
        type: 'bounce',
        at,
        recipient: 'nobody@bounce.test',
        detail: { hard: true, reason: 'userunknown', status: '5.1.1' },
      },
      { topLabel: 'Bounce · hard · 10:05', text: 'nobody@bounce.test', bottomLabel: 'userunknown 5.1.1' },
    ],
    [
      'soft bounce',
      {
        type: 'bounce',
        at,
        recipient: 'x@full.test',
        detail: { hard: false, reason: 'mailboxfull', status: '4.2.2' },
      },
      { topLabel: 'Bounce · soft · 10:05', text: 'x@full.test', bottomLabel: 'mailboxfull 4.2.2' },
    ],
    [
      'delayed notice',
      {
        type: 'bounce',
        at,
        recipient: 'x@delay.test',
        detail: { hard: null, action: 'delayed', reason: 'expired' },
      },
      { topLabel: 'Bounce · delayed · 10:05', text: 'x@delay.test', bottomLabel: 'expired' },
    ],
    [
      'bounce without a reason, escaped',
      { type: 'bounce', at, recipient: '<odd>@x', detail: {} },
      { topLabel: 'Bounce · unclassified · 10:05', text: '&lt;odd&gt;@x', bottomLabel: 'no reason given' },
    ],
    [
      'queued (server detail)',
      {
        type: 'send.queued',
        at,
        detail: { to: ['ada@example.com', 'bob@example.com'], sendAt: '2026-03-02T10:07:00Z' },
      },
      { topLabel: 'Queued · 10:05', text: 'ada@example.com, bob@example.com', bottomLabel: 'sends at 10:07' },
    ],
    [
      'submitted',
      { type: 'send.submitted', at, detail: { to: ['ada@example.com'], subject: 'Hi <Ada>' } },
      { topLabel: 'Sent · 10:05', text: 'ada@example.com', bottomLabel: 'Hi &lt;Ada&gt;' },
    ],
    [
      'submitted without detail',
      { type: 'send.submitted', at, detail: {} },
      { topLabel: 'Sent · 10:05', text: 'email sent' },
    ],
    [
      'failed',
      { type: 'send.failed', at, detail: { error: '400 invalidArgument Invalid To header' } },
      {
        topLabel: 'Failed · 10:05',
        text: 'email not sent',
        bottomLabel: '400 invalidArgument Invalid To header',
      },
    ],
    [
      'paused',
      {
        type: 'throttle.paused',
        at,
        detail: { until: '2026-03-03T10:05:00Z', reason: 'Mail sending limit' },
      },
      {
        topLabel: 'Paused · 10:05',
        text: 'Sending paused by the provider until 10:05',
        bottomLabel: 'Mail sending limit',
      },
    ],
    [
      'resumed',
      { type: 'throttle.resumed', at, detail: {} },
      { topLabel: 'Resumed · 10:05', text: 'Sending resumed' },
    ],
  ])('%s', (_name, item, expected) => {
    expect(feedItemText(item, 0)).toEqual(expected);
  });
});

describe('quotaText', () => {
  const quota: QuotaView = {
    profileId: 'gmail-workspace',
    usedMessages: 12,
    limitMessages: 2000,
    remainingMessages: 1988,
    nextFreeAt: null,
    pausedUntil: null,
    queued: 0,
  };
  it.each<[string, Partial<QuotaView>, string, string | undefined]>([
    ['plain', {}, '12 of 2000 sent · 1988 left', undefined],
    ['queued', { queued: 3 }, '12 of 2000 sent · 1988 left', '3 queued'],
    [
      'paused',
      { pausedUntil: '2026-03-02T11:00:00Z' },
      '12 of 2000 sent · 1988 left',
      'paused by the provider until 11:00',
    ],
    [
      'exhausted',
      { usedMessages: 2000, remainingMessages: 0, nextFreeAt: '2026-03-03T09:00:00Z' },
      '2000 of 2000 sent · 0 left',
      'next slot 09:00',
    ],
  ])('%s', (_name, change, text, bottom) => {
    const result = quotaText({ ...quota, ...change }, 0);
    expect(result.text).toBe(text);
    expect(result.bottomLabel).toBe(bottom);
  });
});
