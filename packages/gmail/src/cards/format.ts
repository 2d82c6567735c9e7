import type { FeedItem, QuotaView, TemplateAnalyticsView } from '../deps';
import type { DecoratedText } from './types';
import { escapeText } from './widgets';

/** `HH:MM` in the user's zone (offset in minutes east of UTC); cards have no locale-aware clock. */
export function formatTime(iso: string, offsetMinutes: number): string {
  const shifted = new Date(new Date(iso).getTime() + offsetMinutes * 60_000);
  return shifted.toISOString().slice(11, 16);
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export function analyticsLine(stats: TemplateAnalyticsView): string {
  return `${stats.sent} sent · ${stats.bounced} bounced`;
}

export function analyticsDetail(stats: TemplateAnalyticsView): string {
  return `${stats.hardBounced} hard · ${stats.softBounced} soft · ${stats.delayed} delayed`;
}

export function quotaText(quota: QuotaView, offsetMinutes: number): DecoratedText {
  const notes = [quota.queued ? `${quota.queued} queued` : null];
  if (quota.pausedUntil) notes.push(`paused by the provider until ${formatTime(quota.pausedUntil, offsetMinutes)}`);
  else if (quota.remainingMessages <= 0 && quota.nextFreeAt) notes.push(`next slot ${formatTime(quota.nextFreeAt, offsetMinutes)}`);
  const bottom = notes.filter(Boolean).join(' · ');
  return {
    topLabel: "Today's quota",
    text: `${quota.usedMessages} of ${quota.limitMessages} sent · ${quota.remainingMessages} left`,
    ...(bottom ? { bottomLabel: bottom } : {}),
  };
}

const BOUNCE_KIND = (hard: boolean | null | undefined, delayed: boolean): string =>
  delayed ? 'delayed' : hard === true ? 'hard' : hard === false ? 'soft' : 'unclassified';

/** How one feed event reads in "Recent activity"; bounces show recipient, hard/soft and reason. */
export function feedItemText(item: FeedItem, offsetMinutes: number): DecoratedText {
  const time = formatTime(item.at, offsetMinutes);
  const who = escapeText(item.recipient ?? '');
  const message = item.detail.message ? escapeText(String(item.detail.message)) : '';
  switch (item.type) {
    case 'bounce': {
      const delayed = item.detail.action === 'delayed';
      const reason = [item.detail.reason, item.detail.status].filter(Boolean).join(' ');
      const label = `Bounce · ${BOUNCE_KIND(item.detail.hard, delayed)}`;
      return { topLabel: `${label} · ${time}`, text: who || 'unknown recipient', bottomLabel: escapeText(reason || 'no reason given') };
    }
    case 'send.queued':
      return { topLabel: `Queued · ${time}`, text: who || message || 'email queued' };
    case 'send.submitted':
      return { topLabel: `Sent · ${time}`, text: who || message || 'email sent' };
    case 'send.failed':
      return { topLabel: `Failed · ${time}`, text: who || 'email', ...(message ? { bottomLabel: message } : {}) };
    case 'throttle.paused':
      return { topLabel: `Paused · ${time}`, text: message || 'Sending paused by the provider' };
    case 'throttle.resumed':
      return { topLabel: `Resumed · ${time}`, text: message || 'Sending resumed' };
  }
}
