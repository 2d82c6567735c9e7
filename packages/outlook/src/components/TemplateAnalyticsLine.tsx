import { Caption1 } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import type { FeedEvent, SendwellApi } from '../api/types';
import { useLoad } from '../hooks/useLoad';
import { useVoice } from './voice';

/** Events without a template id could still be ours (e.g. a bounce not yet attributed), so they refresh too. */
const concerns = (event: FeedEvent | null, templateId: string) =>
  event !== null && (event.templateId == null || event.templateId === templateId);

export function TemplateAnalyticsLine(props: {
  api: SendwellApi;
  templateId: string;
  latestEvent: FeedEvent | null;
}) {
  const voice = useVoice();
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
    return <Caption1 data-testid="template-analytics">{voice.t('pane.loadingAnalytics')}</Caption1>;
  if (analytics.state === 'failed') {
    return (
      <Caption1 data-testid="template-analytics">
        {voice.t('pane.analyticsUnavailable', { error: analytics.problem.message })}
      </Caption1>
    );
  }
  // Team and mine always labelled, messages and recipients never mixed (core's voice).
  return (
    <div data-testid="template-analytics">
      <Caption1 block data-testid="template-analytics-mine">
        {voice.analytics(analytics.value, 'mine')}
      </Caption1>
      <Caption1 block data-testid="template-analytics-team">
        {voice.analytics(analytics.value, 'team')}
      </Caption1>
    </div>
  );
}
