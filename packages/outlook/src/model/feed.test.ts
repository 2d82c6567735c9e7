import { describe, expect, it } from 'vitest';
import { describeFeedEvent } from './feed';

const now = new Date('2026-03-02T09:00:00Z');

describe('describeFeedEvent', () => {
  it.each([
    [
      { hard: true, reason: 'userunknown', status: '5.1.1' },
      'x@bounce.test bounced (hard)',
      'user unknown, 5.1.1',
    ],
    [{ hard: false, reason: 'mailboxfull' }, 'x@bounce.test bounced (soft)', 'mailbox full'],
    ['550 no such user', 'x@bounce.test bounced', '550 no such user'],
    [
      { hard: null, action: 'delayed', reason: 'expired' },
      'Delivery to x@bounce.test delayed (not bounced yet)',
      'delivery time expired',
    ],
  ])('describes bounce detail %j', (detail, title, text) => {
    const view = describeFeedEvent({
      type: 'bounce',
      at: now.toISOString(),
      recipient: 'x@bounce.test',
      detail,
    });
    expect(view).toMatchObject({ title, detail: text });
  });
});

describe('describeFeedEvent for server events', () => {
  it.each([
    [
      {
        type: 'send.queued',
        detail: {
          sendAt: '2026-03-02T09:30:00Z',
          reason: 'Exchange Online allows 30 messages a minute.',
          to: ['a@x.test', 'b@x.test'],
        },
      },
      'Queued to a@x.test, b@x.test',
      /^sends .+ · Exchange Online allows 30 messages a minute\.$/,
    ],
    [
      { type: 'send.submitted', detail: { to: ['a@x.test'], subject: 'Quick idea' } },
      'Sent to a@x.test',
      /^Quick idea$/,
    ],
    [{ type: 'send.failed', detail: { error: 'Graph said 400' } }, 'Send failed', /^Graph said 400$/],
    [
      { type: 'throttle.paused', detail: { until: '2026-03-02T10:00:00Z', reason: '429 Retry-After 3600' } },
      'Sending paused by the provider',
      /^until .+ · 429 Retry-After 3600$/,
    ],
    [
      {
        type: 'send.queued',
        at: '2026-03-02T09:00:00Z',
        detail: { sendAt: '2026-03-02T09:00:00.400Z', reason: 'Sends now.' },
      },
      'Queued',
      /^Sends now\.$/,
    ],
  ])('%j', (partial, title, detail) => {
    const view = describeFeedEvent({ at: now.toISOString(), ...partial }, now);
    expect(view.title).toBe(title);
    expect(view.detail).toMatch(detail);
  });
});
