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
