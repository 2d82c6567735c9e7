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
  const team = stats.team;
  return `Team: ${plural(team.messages, 'message')} to ${plural(team.recipients, 'recipient')} · ${plural(team.recipientsBounced, 'recipient')} bounced`;
}

export function analyticsDetail(stats: TemplateAnalyticsView): string {
  const mine = stats.mine;
  return `Yours: ${plural(mine.messages, 'message')} · ${mine.recipientsHardBounced} hard · ${mine.recipientsSoftBounced} soft · ${mine.recipientsDelayed} delayed`;
}

export function quotaText(quota: QuotaView, offsetMinutes: number): DecoratedText {
  const notes = [quota.queued ? `${quota.queued} queued` : null];
  if (quota.pausedUntil)
    notes.push(`paused by the provider until ${formatTime(quota.pausedUntil, offsetMinutes)}`);
  else if (quota.remainingMessages <= 0 && quota.nextFreeAt)
    notes.push(`next slot ${formatTime(quota.nextFreeAt, offsetMinutes)}`);
  const bottom = notes.filter(Boolean).join(' · ');
  return {
    topLabel: "Today's quota",
    text: `${quota.usedMessages} of ${quota.limitMessages} sent · ${quota.remainingMessages} left`,
    ...(bottom ? { bottomLabel: bottom } : {}),
  };
}

const BOUNCE_KIND = (hard: boolean | null | undefined, delayed: boolean): string =>
  delayed ? 'delayed' : hard === true ? 'hard' : hard === false ? 'soft' : 'unclassified';

const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Who a send event is about: its recipient, else the `to` list the server puts in `detail`. */
function audience(item: FeedItem): string {
  if (item.recipient) return escapeText(item.recipient);
  const to = Array.isArray(item.detail.to)
    ? item.detail.to.filter((a): a is string => typeof a === 'string')
    : [];
  return escapeText(to.join(', '));
}

const withBottom = (text: DecoratedText, bottom: string): DecoratedText =>
  bottom ? { ...text, bottomLabel: escapeText(bottom) } : text;

/** How one feed event reads in "Recent activity"; bounces show recipient, hard/soft and reason. */
export function feedItemText(item: FeedItem, offsetMinutes: number): DecoratedText {
  const time = formatTime(item.at, offsetMinutes);
  const who = audience(item);
  const d = item.detail;
  switch (item.type) {
    case 'bounce': {
      const reason = [d.reason, d.status].filter(Boolean).join(' ');
      const kind = BOUNCE_KIND(d.hard, d.action === 'delayed');
      return {
        topLabel: `Bounce · ${kind} · ${time}`,
        text: who || 'unknown recipient',
        bottomLabel: escapeText(reason || 'no reason given'),
      };
    }
    case 'send.queued': {
      const sendAt = str(d.sendAt) ? `sends at ${formatTime(str(d.sendAt), offsetMinutes)}` : '';
      return withBottom({ topLabel: `Queued · ${time}`, text: who || 'email queued' }, sendAt);
    }
    case 'send.submitted':
      return withBottom({ topLabel: `Sent · ${time}`, text: who || 'email sent' }, str(d.subject));
    case 'send.failed':
      return withBottom(
        { topLabel: `Failed · ${time}`, text: who || 'email not sent' },
        str(d.error) || str(d.message),
      );
    case 'throttle.paused': {
      const until = str(d.until) ? ` until ${formatTime(str(d.until), offsetMinutes)}` : '';
      return withBottom(
        { topLabel: `Paused · ${time}`, text: `Sending paused by the provider${until}` },
        str(d.reason) || str(d.message),
      );
    }
    case 'throttle.resumed':
      return withBottom({ topLabel: `Resumed · ${time}`, text: 'Sending resumed' }, str(d.message));
  }
}
