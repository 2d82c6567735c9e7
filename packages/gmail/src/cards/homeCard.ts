import type { ChannelView, FeedItem, QuotaView, TemplateAnalyticsView, TemplateView } from '../deps';
import { analyticsDetail, analyticsLine, feedItemText, quotaText } from './format';
import type { Card, CardSection, Widget } from './types';
import { button, buttonList, decorated, escapeText, paragraph, widgetId } from './widgets';

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

/** core's resolveChannel wording when nothing is overridden; the card already says as much. */
const PLAIN_GMAIL_EXPLANATION = 'Sent through Gmail — your mailbox.';

export function channelWidgets(channel: ChannelView): Widget[] {
  if (!channel.available) return [paragraph(escapeText(channel.explanation), 'channel-unavailable')];
  const main = decorated('channel', {
    topLabel: 'Sends go through',
    text: 'Gmail — your mailbox',
    bottomLabel: escapeText(channel.address),
  });
  // Only an override (e.g. "not your default channel (Custom SMTP)") needs its explanation shown.
  if (channel.explanation.trim() === PLAIN_GMAIL_EXPLANATION) return [main];
  return [main, paragraph(escapeText(channel.explanation), 'channel-explanation')];
}

function templateSection(data: HomeCardData): CardSection {
  const widgets = data.templates.map(({ template, analytics }) =>
    decorated(widgetId('template-analytics', template.id), {
      topLabel: escapeText(template.name),
      text: analyticsLine(analytics),
      bottomLabel: analyticsDetail(analytics),
    }),
  );
  return {
    header: 'Templates',
    widgets: widgets.length ? widgets : [paragraph('No templates yet.', 'templates-empty')],
  };
}

function feedSection(data: HomeCardData): CardSection {
  const items = data.feed.map((item, index) =>
    decorated(widgetId('feed-item', String(index)), feedItemText(item, data.offsetMinutes)),
  );
  return {
    header: 'Recent activity',
    widgets: [
      ...(items.length ? items : [paragraph('No activity yet.', 'feed-empty')]),
      buttonList([button(data.addonUrl, 'Refresh', 'refresh')]),
    ],
  };
}

/** The homepage (and message-open) card: channel, today's quota, template analytics, recent activity. */
export function homeCard(data: HomeCardData): Card {
  const quota = data.quota ? [decorated('quota', quotaText(data.quota, data.offsetMinutes))] : [];
  return {
    name: 'home',
    header: { title: 'Sendwell', subtitle: data.email },
    sections: [
      { header: 'Sending', widgets: [...channelWidgets(data.channel), ...quota] },
      templateSection(data),
      feedSection(data),
    ],
  };
}
