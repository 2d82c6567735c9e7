import { describe, expect, it } from 'vitest';
import type { ChannelView, FeedItem } from '../deps';
import { allWidgets, buttonActions, widgetById } from './cardTestUtils';
import { type HomeCardData, homeCard } from './homeCard';

const gmail: ChannelView = {
  available: true,
  label: 'Gmail',
  address: 'rep@example.com',
  profileId: 'gmail-workspace',
  forced: true,
  explanation: 'Sent through Gmail — your mailbox.',
};
const overridden: ChannelView = {
  ...gmail,
  explanation: 'Sent through Gmail — your mailbox, not your default channel (Custom SMTP).',
};
const none: ChannelView = {
  available: false,
  explanation: 'Sends from Gmail must go through your Gmail mailbox, and none is connected.',
};
const bounce: FeedItem = {
  type: 'bounce',
  at: '2026-03-02T10:05:00Z',
  recipient: 'nobody@bounce.test',
  detail: { hard: true, reason: 'userunknown', status: '5.1.1' },
};

function data(change: Partial<HomeCardData> = {}): HomeCardData {
  return {
    addonUrl: 'https://sendwell.example/gmail/addon',
    email: 'rep@example.com',
    channel: gmail,
    quota: null,
    templates: [
      {
        template: { id: 't-1', name: 'Intro', subject: 's', body: 'b' },
        analytics: { templateId: 't-1', sent: 5, bounced: 2, hardBounced: 1, softBounced: 1, delayed: 0 },
      },
    ],
    feed: [bounce],
    offsetMinutes: 0,
    ...change,
  };
}

const texts = (card: ReturnType<typeof homeCard>) => JSON.stringify(allWidgets(card));

describe('homeCard', () => {
  it.each<[string, ChannelView, string, string | null]>([
    ['own mailbox', gmail, 'Gmail — your mailbox', null],
    ['overriding a default', overridden, 'not your default channel (Custom SMTP)', 'channel-explanation'],
    ['no mailbox', none, 'none is connected', 'channel-unavailable'],
  ])('shows the channel: %s', (_name, channel, expected, note) => {
    const card = homeCard(data({ channel }));
    expect(texts(card)).toContain(expected);
    expect(widgetById(card, 'channel') !== undefined).toBe(channel.available);
    const notes = allWidgets(card)
      .map((w) => w.id)
      .filter((id) => id === 'channel-explanation' || id === 'channel-unavailable');
    expect(notes).toEqual(note ? [note] : []);
  });

  it('shows each template with "N sent · N bounced"', () => {
    const widget = widgetById(homeCard(data()), 'template-analytics--t-1');
    expect(widget).toMatchObject({
      decoratedText: {
        topLabel: 'Intro',
        text: '5 sent · 2 bounced',
        bottomLabel: '1 hard · 1 soft · 0 delayed',
      },
    });
  });

  it.each([
    [[bounce, bounce], ['feed-item--0', 'feed-item--1'], undefined],
    [[], [], 'feed-empty'],
  ])('lists recent activity %#', (feed, ids, empty) => {
    const card = homeCard(data({ feed }));
    const feedIds = allWidgets(card)
      .map((w) => w.id)
      .filter((id) => id?.startsWith('feed-'));
    expect(feedIds).toEqual(empty ? [empty] : ids);
    expect(buttonActions(card)).toEqual([{ action: 'refresh', disabled: false }]);
  });

  it('shows the quota when known', () => {
    const quota = {
      profileId: 'gmail-workspace' as const,
      usedMessages: 3,
      limitMessages: 2000,
      remainingMessages: 1997,
      nextFreeAt: null,
      pausedUntil: null,
      queued: 1,
    };
    expect(widgetById(homeCard(data({ quota })), 'quota')).toMatchObject({
      decoratedText: { text: '3 of 2000 sent · 1997 left' },
    });
    expect(widgetById(homeCard(data()), 'quota')).toBeUndefined();
  });
});
