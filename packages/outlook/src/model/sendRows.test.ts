import { foldFeed } from '@sendwell/core';
import { describe, expect, it } from 'vitest';
import { acceptedSend } from '../testing/fakeApi';
import { lifeOf, overallLife, rowForSend } from './sendRows';

const at = new Date('2026-03-02T09:00:00Z');
const accepted = acceptedSend({ id: 's1', sendAt: '2026-03-02T09:30:00Z', to: ['a@x.test', 'b@x.test'] });
const event = (id: number, type: 'send.submitted' | 'bounce' | 'send.failed', extra = {}) => ({
  id,
  type,
  at: '2026-03-02T09:31:00Z',
  sendId: 's1',
  recipient: null,
  templateId: null,
  detail: {},
  ...extra,
});

describe('rowForSend', () => {
  it('before any event, is the queued row core folds from the answer', () => {
    const row = rowForSend(accepted, [], at);
    expect(row).toMatchObject({ sendId: 's1', phase: 'queued', sendAt: accepted.sendAt, to: accepted.to });
  });

  it.each([
    [[], 'queued'],
    [[event(1, 'send.submitted')], 'sent'],
    [[event(1, 'send.failed', { detail: { error: 'Graph 400' } })], 'failed'],
    [[event(1, 'bounce', { recipient: 'b@x.test', detail: { action: 'delayed' } })], 'delayed'],
    [
      [
        event(1, 'bounce', { recipient: 'b@x.test', detail: { action: 'delayed' } }),
        event(2, 'bounce', { recipient: 'a@x.test', detail: { hard: false, reason: 'mailboxfull' } }),
      ],
      'bounced',
    ],
  ] as const)('follows %j to %s', (events, life) => {
    expect(lifeOf(rowForSend(accepted, foldFeed(events), at))).toBe(life);
  });

  it('headlines the state that needs attention most', () => {
    const sent = rowForSend({ ...accepted, id: 's2', status: 'submitted' }, [], at);
    expect(overallLife([sent, rowForSend(accepted, [], at)])).toBe('queued');
    expect(overallLife([sent])).toBe('sent');
  });
});
