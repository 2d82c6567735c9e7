import { type ChannelInfo, filterFeed, foldFeed, type Voice } from '@sendwell/core';
import type { ChannelView, FeedItem, QuotaView, TemplateAnalyticsView, TemplateView } from '../deps';
import type { Button, Widget } from './types';
import { decorated, escapeText, paragraph } from './widgets';

/**
 * What the cards say, in Sendwell's one voice (core `voice`): channel, quota, analytics, feed rows,
 * counts and times in the rep's locale and zone. The cards only lay the words out (escaped).
 */

const channelInfo = (c: Extract<ChannelView, { available: true }>): ChannelInfo => ({
  channel: { kind: 'gmail', label: c.label, address: c.address, profileId: c.profileId },
  forced: c.forced,
  explanation: c.explanation,
  override: c.override,
});

/** Where sends go; the override note only when core's structured `override` says so. */
export function channelWidgets(channel: ChannelView, voice: Voice): Widget[] {
  if (!channel.available) return [paragraph(escapeText(voice.channelUnavailable(channel.reason, 'gmail')))];
  const words = voice.channel(channelInfo(channel), 'gmail');
  const main = decorated({
    topLabel: escapeText(words.title),
    text: escapeText(words.address),
    ...(words.forced ? { bottomLabel: escapeText(words.forced) } : {}),
  });
  return words.override ? [main, paragraph(escapeText(words.override))] : [main];
}

/** "412 of 1,800 messages in the last 24 hours", the provider's ceiling and why we stop short. */
export function quotaWidget(quota: QuotaView, voice: Voice): Widget {
  const words = voice.quota(quota);
  const notes = [words.paused ?? words.nextSlot, words.queued, words.ceiling].filter((n): n is string => !!n);
  return decorated({
    topLabel: escapeText(voice.t('ui.quota')),
    text: escapeText(words.headline),
    bottomLabel: escapeText(notes.join(voice.t('list.separator'))),
  });
}

/** Team and "You" labelled apart; messages and recipients counted apart. */
export function analyticsWidget(
  template: TemplateView,
  analytics: TemplateAnalyticsView,
  voice: Voice,
): Widget {
  return decorated({
    topLabel: escapeText(template.name),
    text: escapeText(voice.analytics(analytics, 'team')),
    bottomLabel: escapeText(
      [voice.analytics(analytics, 'mine'), voice.analyticsDetail(analytics.mine)].join(
        voice.t('list.separator'),
      ),
    ),
  });
}

/**
 * One row per send that updates through its life (queued → sent → bounced), the rep's own; a send
 * still waiting in the outbox gets `cancel(sendId)`'s button.
 */
export function feedWidgets(
  events: FeedItem[],
  userId: string,
  voice: Voice,
  limit: number,
  cancel?: (sendId: string) => Button,
): Widget[] {
  const rows = filterFeed(foldFeed(events), { scope: 'mine', userId }).slice(0, limit);
  return rows.map((row) => {
    const waiting = cancel && row.kind === 'send' && row.phase === 'queued';
    const words = voice.feedRow(row);
    const lines = [words.status, words.detail, ...words.recipients.map((l) => l.text)].filter(
      (l): l is string => !!l,
    );
    return decorated({
      topLabel: escapeText(words.time),
      text: escapeText(words.title),
      bottomLabel: escapeText(lines.join(voice.t('list.separator'))),
      ...(waiting ? { button: cancel(row.sendId) } : {}),
    });
  });
}
