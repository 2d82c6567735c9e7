import type { FeedEvent } from '../api/wire';
import type { CampaignRow, FeedRow, SendRow, SuppressionRow } from './types';

/**
 * Issue 9's feed events: replies, opt-outs and engagement fold into their send's row; campaign and
 * suppression events are rows of their own (even when they name the send that caused them).
 */

const str = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);
const num = (value: unknown): number | null => (typeof value === 'number' ? value : null);
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

const CAMPAIGN_EVENTS: readonly CampaignRow['event'][] = [
  'campaign.enrolled',
  'campaign.left',
  'campaign.finished',
  'campaign.paused',
  'campaign.resumed',
];
const SUPPRESSION_EVENTS: readonly SuppressionRow['event'][] = ['suppression.added', 'suppression.lifted'];

/** Events that always make a row of their own, whatever send they mention. */
export function isOwnRowEvent(type: FeedEvent['type']): boolean {
  return (
    (CAMPAIGN_EVENTS as readonly string[]).includes(type) ||
    (SUPPRESSION_EVENTS as readonly string[]).includes(type)
  );
}

/** Events whose `to`/`subject` describe the send itself (a reply's "Re: …" subject is not the send's). */
export const describesSend = (type: FeedEvent['type']) => type.startsWith('send.') || type === 'bounce';

/** The send row's news fields before any event. */
export const noNews = (): Pick<SendRow, 'replies' | 'autoReplies' | 'optOut' | 'engagement'> => ({
  replies: [],
  autoReplies: [],
  optOut: null,
  engagement: { opens: 0, clicks: 0, machine: 0 },
});

/** Fold a reply, auto-reply, opt-out or open/click into its send's row (already copied by the caller). */
export function applyNews(row: SendRow, event: FeedEvent): void {
  const d = event.detail;
  const from = str(d.from) ?? event.recipient ?? '';
  switch (event.type) {
    case 'reply':
      // A rescanned reply, or a second one from the same person, is still one person who answered.
      if (!row.replies.some((r) => same(r.from, from)))
        row.replies = [...row.replies, { from, at: event.at }];
      break;
    case 'auto-reply':
      if (!row.autoReplies.some((a) => same(a, from))) row.autoReplies = [...row.autoReplies, from];
      break;
    case 'unsubscribe':
      row.optOut ??= 'unsubscribe';
      break;
    case 'complaint':
      row.optOut = 'complaint'; // a complaint outranks an unsubscribe
      break;
    case 'engagement.open':
    case 'engagement.click': {
      const e = { ...row.engagement };
      if (d.machine === true) e.machine++;
      else if (event.type === 'engagement.open') e.opens++;
      else e.clicks++;
      row.engagement = e;
      break;
    }
    default:
      break;
  }
}

/** The fields every row starts with. */
interface RowStart {
  key: string;
  userId: string | null;
  startedAt: string;
  updatedAt: string;
}

/** A row for a campaign, suppression or unattributed reply event; null for anything else. */
export function newsRow(event: FeedEvent, base: RowStart): FeedRow | null {
  const d = event.detail;
  const email = str(d.email) ?? event.recipient;
  if ((CAMPAIGN_EVENTS as readonly string[]).includes(event.type)) {
    const bounced = num(d.bounced);
    const window = num(d.window);
    const threshold = num(d.threshold);
    return {
      ...base,
      kind: 'campaign',
      event: event.type as CampaignRow['event'],
      campaignId: str(d.campaignId),
      campaignName: str(d.campaignName),
      email,
      reason: event.type === 'campaign.paused' ? (str(d.by) ?? str(d.reason)) : str(d.reason),
      count: num(d.count) ?? 1,
      breaker: bounced !== null && window && threshold !== null ? { bounced, window, threshold } : null,
    };
  }
  if ((SUPPRESSION_EVENTS as readonly string[]).includes(event.type))
    return {
      ...base,
      kind: 'suppression',
      event: event.type as SuppressionRow['event'],
      email,
      reason: str(d.reason),
    };
  if (event.type === 'reply' || event.type === 'auto-reply')
    return {
      ...base,
      kind: 'reply',
      from: str(d.from) ?? event.recipient,
      auto: event.type === 'auto-reply',
    };
  return null;
}
