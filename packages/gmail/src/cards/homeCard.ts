import type { Voice } from '@sendwell/core';
import type { ChannelView, FeedItem, QuotaView, TemplateAnalyticsView, TemplateView } from '../deps';
import type { Card, CardSection } from './types';
import { button, buttonList, escapeText, paragraph } from './widgets';
import { analyticsWidget, channelWidgets, feedWidgets, quotaWidget } from './words';

export interface HomeCardData {
  addonUrl: string;
  email: string;
  userId: string;
  channel: ChannelView;
  quota: QuotaView | null;
  templates: { template: TemplateView; analytics: TemplateAnalyticsView }[];
  /** Recent feed events, any order (folded into one row per send). */
  feed: FeedItem[];
  voice: Voice;
  /** Shown first while Gmail needs reconnecting (connectCard's `reconnectBanner`). */
  banner?: CardSection | null;
}

const FEED_ROWS = 10;

function templateSection(data: HomeCardData): CardSection {
  const widgets = data.templates.map(({ template, analytics }) =>
    analyticsWidget(template, analytics, data.voice),
  );
  return {
    header: escapeText(data.voice.t('ui.templates')),
    widgets: widgets.length ? widgets : [paragraph(escapeText(data.voice.t('ui.noTemplates')))],
  };
}

function feedSection(data: HomeCardData): CardSection {
  const cancel = (sendId: string) =>
    button(data.addonUrl, data.voice.t('compose.cancelSend'), 'cancel-send', { sendId });
  const rows = feedWidgets(data.feed, data.userId, data.voice, FEED_ROWS, cancel);
  return {
    header: escapeText(data.voice.t('ui.recentActivity')),
    widgets: [
      ...(rows.length ? rows : [paragraph(escapeText(data.voice.t('ui.noActivity')))]),
      buttonList([button(data.addonUrl, data.voice.t('ui.refresh'), 'refresh')]),
    ],
  };
}

/** The homepage (and message-open) card: channel, the sending budget, template analytics, recent activity. */
export function homeCard(data: HomeCardData): Card {
  const quota = data.quota ? [quotaWidget(data.quota, data.voice)] : [];
  return {
    name: 'home',
    header: { title: 'Sendwell', subtitle: escapeText(data.email) },
    sections: [
      ...(data.banner ? [data.banner] : []),
      { widgets: [...channelWidgets(data.channel, data.voice), ...quota] },
      templateSection(data),
      feedSection(data),
    ],
  };
}
