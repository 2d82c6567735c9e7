import { Badge, Caption1, Spinner, Text } from '@fluentui/react-components';
import type { QuotaInfo } from '../api/types';
import type { Loaded } from '../hooks/useLoad';
import { ProblemBar } from './ProblemBar';
import { Section } from './Section';
import { useVoice } from './voice';

/** Used of our target, the provider's ceiling and why we stop short, the next slot (re-worded every tick). */
export function QuotaCard(props: { quota: Loaded<QuotaInfo> }) {
  const voice = useVoice();
  const { quota } = props;
  if (quota.state === 'loading') {
    return (
      <Section title={voice.t('ui.quota')}>
        <Spinner size="tiny" label={voice.t('pane.loadingQuota')} />
      </Section>
    );
  }
  if (quota.state === 'failed') {
    return (
      <Section title={voice.t('ui.quota')}>
        <ProblemBar problem={quota.problem} testId="quota" />
      </Section>
    );
  }
  const words = voice.quota(quota.value);
  return (
    <Section title={voice.t('ui.quota')}>
      <div data-testid="quota" data-paused={words.paused ? 'true' : 'false'}>
        {words.lines.map((line) => (
          <Text block key={line}>
            {line}
          </Text>
        ))}
        {words.ceiling && (
          <Caption1 block data-testid="quota-ceiling">
            {words.ceiling}
          </Caption1>
        )}
        {words.windows.map((line) => (
          <Caption1 block key={line}>
            {line}
          </Caption1>
        ))}
        <Caption1 block data-testid="quota-next-slot">
          {[words.nextSlot, words.queued].filter(Boolean).join(' · ')}
        </Caption1>
        {words.paused && (
          <Badge appearance="tint" color="warning">
            {words.paused}
          </Badge>
        )}
      </div>
    </Section>
  );
}
