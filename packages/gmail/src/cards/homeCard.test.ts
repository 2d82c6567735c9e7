import { type ChannelConfig, resolveChannel, type SenderIdentity } from '@sendwell/core';
import { describe, expect, it } from 'vitest';
import { channelViewOf } from '../channelView';
import type { FeedItem, TemplateAnalyticsView } from '../deps';
import { buttonActions, decoratedByLabel, decoratedTexts, paragraphs } from './cardTestUtils';
import { type HomeCardData, homeCard } from './homeCard';

const gmailBox: ChannelConfig = {
  id: 'mb-1',
  kind: 'gmail',
  address: 'rep@example.com',
  profileId: 'gmail-workspace',
  label: 'Gmail — your mailbox',
};
const smtp: ChannelConfig = {
  ...gmailBox,
  id: 'smtp',
  kind: 'custom-smtp',
  label: 'Custom SMTP',
  profileId: 'custom-smtp',
};

/** The channel exactly as core decides it for these identities (no wording copied into the test). */
const channel = (identity: SenderIdentity) => channelViewOf(resolveChannel('gmail', identity));
const own = channel({ defaultChannel: null, nativeMailboxes: { gmail: gmailBox } });
const gmailDefault = channel({ defaultChannel: gmailBox, nativeMailboxes: { gmail: gmailBox } });
const overridden = channel({ defaultChannel: smtp, nativeMailboxes: { gmail: gmailBox } });
const none = channel({ defaultChannel: null, nativeMailboxes: {} });

const counts = (messages: number, recipients: number, bounced: number) => ({
  messages,
  recipients,
  messagesBounced: bounced ? 1 : 0,
  recipientsBounced: bounced,
  recipientsHardBounced: bounced,
  recipientsSoftBounced: 0,
  recipientsDelayed: 0,
});
const analytics: TemplateAnalyticsView = { templateId: 't-1', team: counts(1, 2, 1), mine: counts(0, 0, 0) };
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
    channel: own,
    quota: null,
    templates: [{ template: { id: 't-1', name: 'Intro', subject: 's', body: 'b' }, analytics }],
    feed: [bounce],
    offsetMinutes: 0,
    ...change,
  };
}

describe('homeCard', () => {
  it.each([
    ['own mailbox, no default channel', own, false],
    ['Gmail is the default channel', gmailDefault, false],
    ['a Custom SMTP default is bypassed', overridden, true],
  ])('shows the override note only when core reports an override: %s', (_name, view, shown) => {
    const card = homeCard(data({ channel: view }));
    expect(decoratedByLabel(card, 'Sends go through')).toMatchObject({ bottomLabel: 'rep@example.com' });
    const label = view.available && view.override ? view.override.defaultChannel.label : 'Custom SMTP';
    expect(paragraphs(card).some((p) => p.includes(label))).toBe(shown);
  });

  it("says why sending is unavailable, in core's words", () => {
    const card = homeCard(data({ channel: none }));
    expect(decoratedByLabel(card, 'Sends go through')).toBeUndefined();
    expect(paragraphs(card)).toContain(none.explanation);
  });

  it("labels team figures as the team's and counts messages and recipients apart", () => {
    expect(decoratedByLabel(homeCard(data()), 'Intro')).toMatchObject({
      text: 'Team: 1 message to 2 recipients · 1 recipient bounced',
    });
  });

  it.each([
    [[bounce, bounce], 2, false],
    [[], 0, true],
  ])('lists recent activity %#', (feed, rows, empty) => {
    const card = homeCard(data({ feed }));
    expect(decoratedTexts(card).filter((d) => d.text === 'nobody@bounce.test')).toHaveLength(rows);
    expect(paragraphs(card).includes('No activity yet.')).toBe(empty);
    expect(buttonActions(card)).toEqual([{ action: 'refresh', disabled: false }]);
  });
});
