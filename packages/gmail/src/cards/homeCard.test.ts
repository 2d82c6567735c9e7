import {
  type ChannelConfig,
  createVoice,
  type FeedEvent,
  foldFeed,
  ManualClock,
  resolveChannel,
  type SenderIdentity,
} from '@sendwell/core';
import { describe, expect, it } from 'vitest';
import { channelViewOf } from '../channelView';
import type { TemplateAnalyticsView } from '../deps';
import { emptyQuota } from '../testing/fakeDeps';
import { buttonActions, decoratedByLabel, decoratedTexts, paragraphs } from './cardTestUtils';
import { type HomeCardData, homeCard } from './homeCard';

const clock = new ManualClock('2026-03-02T10:10:00Z');
const voice = createVoice({ locale: 'en', timeZone: 'Europe/Berlin', clock });
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
const decide = (identity: SenderIdentity) => resolveChannel('gmail', identity);
const own = decide({ defaultChannel: null, nativeMailboxes: { gmail: gmailBox } });
const gmailDefault = decide({ defaultChannel: gmailBox, nativeMailboxes: { gmail: gmailBox } });
const overridden = decide({ defaultChannel: smtp, nativeMailboxes: { gmail: gmailBox } });
const none = decide({ defaultChannel: null, nativeMailboxes: {} });

const counts = (messages: number, recipients: number, bounced: number) => ({
  messages,
  recipients,
  messagesBounced: bounced ? 1 : 0,
  recipientsBounced: bounced,
  recipientsHardBounced: bounced,
  recipientsSoftBounced: 0,
  recipientsDelayed: 0,
  messagesReplied: 0,
});
const analytics: TemplateAnalyticsView = { templateId: 't-1', team: counts(1, 2, 1), mine: counts(0, 0, 0) };
const event = (id: number, type: FeedEvent['type'], change: Partial<FeedEvent> = {}): FeedEvent => ({
  id,
  type,
  at: '2026-03-02T10:05:00Z',
  userId: 'u-1',
  sendId: 'send-1',
  recipient: null,
  templateId: 't-1',
  detail: { to: ['ada@example.com', 'nobody@bounce.test'], sendAt: '2026-03-02T10:05:00Z' },
  ...change,
});
const lifeOfOneSend = [
  event(1, 'send.queued'),
  event(2, 'send.submitted'),
  event(3, 'bounce', {
    recipient: 'nobody@bounce.test',
    detail: { hard: true, reason: 'userunknown', status: '5.1.1' },
  }),
];

function data(change: Partial<HomeCardData> = {}): HomeCardData {
  return {
    addonUrl: 'https://sendwell.example/gmail/addon',
    email: 'rep@example.com',
    userId: 'u-1',
    channel: channelViewOf(own),
    quota: null,
    templates: [{ template: { id: 't-1', name: 'Intro', subject: 's', body: 'b' }, analytics }],
    feed: lifeOfOneSend,
    voice,
    ...change,
  };
}

describe("homeCard (observation 17: the override note follows core's structured field)", () => {
  it.each([
    ['own mailbox, no default channel', own],
    ['Gmail is the default channel', gmailDefault],
    ['a Custom SMTP default is bypassed', overridden],
  ])('%s', (_name, decision) => {
    const card = homeCard(data({ channel: channelViewOf(decision) }));
    const override = decision.outcome === 'resolved' ? decision.override : null;
    // Any note under the channel, whatever it says: only an override may add one.
    const notes = card.sections[0]!.widgets.flatMap((w) =>
      'textParagraph' in w ? [w.textParagraph.text] : [],
    );
    expect(notes).toHaveLength(override ? 1 : 0);
    if (override) expect(notes[0]).toContain(override.defaultChannel.label);
    expect(decoratedTexts(card).some((d) => d.text === 'rep@example.com')).toBe(true);
  });

  it('says why sending is unavailable, in the voice', () => {
    const card = homeCard(data({ channel: channelViewOf(none) }));
    expect(paragraphs(card)).toContain(voice.channelUnavailable('no-native-mailbox', 'gmail'));
  });
});

describe('homeCard in one voice', () => {
  it('labels team and own figures apart and counts messages and recipients apart', () => {
    expect(decoratedByLabel(homeCard(data()), 'Intro')).toMatchObject({
      text: voice.analytics(analytics, 'team'),
    });
    expect(voice.analytics(analytics, 'team')).toContain('1 message to 2 recipients');
  });

  it('shows the sending budget with thousands separators and the provider ceiling', () => {
    const quota = emptyQuota();
    const card = homeCard(data({ quota }));
    const words = voice.quota(quota);
    expect(decoratedByLabel(card, voice.t('ui.quota'))).toMatchObject({ text: words.headline });
    expect(words.headline).toContain('1,800');
    expect(decoratedByLabel(card, voice.t('ui.quota'))?.bottomLabel).toContain(words.ceiling!);
  });

  it("one row per send through its life, with each recipient's outcome", () => {
    const card = homeCard(data());
    const [row] = foldFeed(lifeOfOneSend);
    const words = voice.feedRow(row!);
    expect(decoratedTexts(card).filter((d) => d.text === words.title)).toHaveLength(1);
    const bottom = decoratedTexts(card).find((d) => d.text === words.title)?.bottomLabel ?? '';
    expect(bottom).toContain(words.recipients[0]!.text);
    expect(bottom).toContain('address does not exist');
  });

  it('a send the outbox held back shows its new time, not the stale one (obs 9)', () => {
    const queued = event(1, 'send.queued');
    const sendAt = '2026-03-02T10:30:00Z';
    const moved = event(2, 'send.rescheduled', {
      detail: { sendAt, limitedBy: 'pause', windowId: null, profileId: 'gmail-workspace', reason: '429' },
    });
    const bottomOf = (feed: FeedEvent[]) =>
      decoratedTexts(homeCard(data({ feed }))).find((d) => d.text === voice.feedRow(foldFeed(feed)[0]!).title)
        ?.bottomLabel ?? '';
    expect(bottomOf([queued])).toContain(voice.t('send.queuedNow'));
    const after = bottomOf([queued, moved]);
    expect(after).toContain(voice.t('send.queuedFor', { time: voice.time(sendAt) }));
    expect(after).not.toContain(voice.t('send.queuedNow'));
  });

  it.each([
    ["the rep's own feed", lifeOfOneSend, false],
    ["a teammate's send only", lifeOfOneSend.map((e) => ({ ...e, userId: 'u-2' })), true],
    ['nothing yet', [], true],
  ])('%s', (_name, feed, empty) => {
    const card = homeCard(data({ feed }));
    expect(paragraphs(card).includes(voice.t('ui.noActivity'))).toBe(empty);
    expect(buttonActions(card)).toEqual([{ action: 'refresh', disabled: false }]);
  });
});
