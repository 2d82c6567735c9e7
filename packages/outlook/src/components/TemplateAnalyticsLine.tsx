import { Caption1 } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import type { FeedEvent, SendwellApi, TemplateAnalytics } from '../api/types';
import { useLoad } from '../hooks/useLoad';

/** Events without a template id could still be ours (e.g. a bounce not yet attributed), so they refresh too. */
const concerns = (event: FeedEvent | null, templateId: string) =>
  event !== null && (event.templateId == null || event.templateId === templateId);

type Counts = TemplateAnalytics['team'];

const plural = (count: number, one: string, many: string) =>
  `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;

/** Messages and recipients counted apart: "1 message to 2 recipients · 1 recipient bounced". */
export function countsText(counts: Counts): string {
  const parts = [
    `${plural(counts.messages, 'message', 'messages')} to ${plural(counts.recipients, 'recipient', 'recipients')}`,
  ];
  if (counts.recipientsBounced)
    parts.push(`${plural(counts.recipientsBounced, 'recipient', 'recipients')} bounced`);
  if (counts.recipientsDelayed)
    parts.push(`${plural(counts.recipientsDelayed, 'recipient', 'recipients')} delayed`);
  return parts.join(' · ');
}

export function TemplateAnalyticsLine(props: {
  api: SendwellApi;
  templateId: string;
  latestEvent: FeedEvent | null;
}) {
  const { api, templateId, latestEvent } = props;
  const analytics = useLoad(() => api.getTemplateAnalytics(templateId));
  const { reload } = analytics;
  // Events from before this template was chosen are already in the first load.
  const handled = useRef(latestEvent);
  useEffect(() => {
    if (latestEvent === handled.current) return;
    handled.current = latestEvent;
    if (concerns(latestEvent, templateId)) reload();
  }, [latestEvent, templateId, reload]);

  if (analytics.state === 'loading')
    return <Caption1 data-testid="template-analytics">Loading analytics…</Caption1>;
  if (analytics.state === 'failed') {
    return (
      <Caption1 data-testid="template-analytics">Analytics unavailable: {analytics.problem.message}</Caption1>
    );
  }
  const { team, mine } = analytics.value;
  return (
    <div data-testid="template-analytics">
      <Caption1 block data-testid="template-analytics-mine">
        You: {countsText(mine)}
      </Caption1>
      <Caption1 block data-testid="template-analytics-team">
        Your team: {countsText(team)}
      </Caption1>
    </div>
  );
}
