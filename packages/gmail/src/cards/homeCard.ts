import type { ChannelView, FeedItem, QuotaView, TemplateAnalyticsView, TemplateView } from '../deps';
import { analyticsDetail, analyticsLine, feedItemText, quotaText } from './format';
import type { Card, CardSection, Widget } from './types';
import { button, buttonList, decorated, escapeText, paragraph } from './widgets';

export interface HomeCardData {
  addonUrl: string;
  email: string;
  channel: ChannelView;
  quota: QuotaView | null;
  templates: { template: TemplateView; analytics: TemplateAnalyticsView }[];
  feed: FeedItem[];
  /** Minutes east of UTC, for the times shown. */
  offsetMinutes: number;
}

/**
 * Where sends go. The override note shows only when core says this Gmail send bypasses the rep's
 * default channel (its structured `override`), never by comparing sentences.
 */
export function channelWidgets(channel: ChannelView): Widget[] {
  if (!channel.available) return [paragraph(escapeText(channel.explanation))];
  const main = decorated({
    topLabel: 'Sends go through',
    text: 'Gmail — your mailbox',
    bottomLabel: escapeText(channel.address),
  });
  if (!channel.override) return [main];
  const label = escapeText(channel.override.defaultChannel.label);
  return [
    main,
    paragraph(`Sends from Gmail always use your own Gmail, not your default channel (${label}).`),
  ];
}

function templateSection(data: HomeCardData): CardSection {
  const widgets = data.templates.map(({ template, analytics }) =>
    decorated({
      topLabel: escapeText(template.name),
      text: analyticsLine(analytics),
      bottomLabel: analyticsDetail(analytics),
    }),
  );
  return { header: 'Templates', widgets: widgets.length ? widgets : [paragraph('No templates yet.')] };
}

function feedSection(data: HomeCardData): CardSection {
  const items = data.feed.map((item) => decorated(feedItemText(item, data.offsetMinutes)));
  return {
    header: 'Recent activity',
    widgets: [
      ...(items.length ? items : [paragraph('No activity yet.')]),
      buttonList([button(data.addonUrl, 'Refresh', 'refresh')]),
    ],
  };
}

/** The homepage (and message-open) card: channel, today's quota, template analytics, recent activity. */
export function homeCard(data: HomeCardData): Card {
  const quota = data.quota ? [decorated(quotaText(data.quota, data.offsetMinutes))] : [];
  return {
    name: 'home',
    header: { title: 'Sendwell', subtitle: escapeText(data.email) },
    sections: [
      { header: 'Sending', widgets: [...channelWidgets(data.channel), ...quota] },
      templateSection(data),
      feedSection(data),
    ],
  };
}
