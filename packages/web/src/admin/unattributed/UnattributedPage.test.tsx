import { createVoice, type Unattributed } from '@sendwell/core';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderAdmin } from '../testing';
import { UnattributedPage } from './UnattributedPage';

afterEach(cleanup);

const bounce: Unattributed = {
  id: 'bounce-7',
  kind: 'bounce',
  mailboxAddress: 'eli@contoso.test',
  from: null,
  recipient: 'pat@bounce.test',
  at: '2026-03-02T10:00:00.000Z',
  evidence: { status: '5.1.1', reason: 'userunknown', hard: true, noticeId: 'n7' },
};
const reply: Unattributed = {
  id: 'reply-3',
  kind: 'reply',
  mailboxAddress: 'ava@contoso.test',
  from: 'kim@example.com',
  recipient: null,
  at: '2026-03-02T11:00:00.000Z',
  evidence: { inReplyTo: ['gone@sendwell.local'], auto: false },
};
const counts = { bounces: 1, replies: 1 };

describe('UnattributedPage', () => {
  it('lists the team’s unattributed bounces with the reason in words and the evidence, then the replies', async () => {
    // Answered in the order the page asks: the bounces tab first, then the replies tab.
    const pages = [bounce, reply];
    const { sent } = renderAdmin(<UnattributedPage />, {
      'GET /unattributed': () => ({
        status: 200,
        body: { items: [pages.shift()!], nextCursor: null, counts },
      }),
    });
    const [row] = await screen.findAllByTestId('web-admin-unattributed-row');
    const reason = createVoice({
      locale: 'en',
      timeZone: 'UTC',
      clock: { now: () => new Date('2026-03-02T12:00:00Z') },
    }).bounceReason('userunknown');
    expect(within(row!).getByText('pat@bounce.test')).toBeTruthy();
    expect(row!.textContent).toContain(reason);
    expect(row!.textContent).toContain('noticeId: n7');
    fireEvent.click(screen.getByTestId('web-admin-unattributed-reply'));
    await screen.findByText('kim@example.com');
    expect(screen.getByText('gone@sendwell.local')).toBeTruthy();
    expect(sent.map((s) => [s.query.kind, s.query.scope])).toEqual([
      ['bounce', 'team'],
      ['reply', 'team'],
    ]);
  });
});
