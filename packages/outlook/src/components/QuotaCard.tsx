import { Badge, Caption1, Spinner, Text } from '@fluentui/react-components';
import type { QuotaInfo } from '../api/types';
import type { Loaded } from '../hooks/useLoad';
import { describeQuota, quotaLineText } from '../model/quota';
import { ProblemBar } from './ProblemBar';
import { Section } from './Section';

export function QuotaCard(props: { quota: Loaded<QuotaInfo>; now: Date }) {
  const { quota } = props;
  if (quota.state === 'loading') {
    return (
      <Section title="Today's sending">
        <Spinner size="tiny" label="Loading quota…" />
      </Section>
    );
  }
  if (quota.state === 'failed') {
    return (
      <Section title="Today's sending">
        <ProblemBar problem={quota.problem} testId="quota" />
      </Section>
    );
  }
  const view = describeQuota(quota.value, props.now);
  return (
    <Section title="Today's sending">
      <div data-testid="quota" data-paused={view.paused ? 'true' : 'false'}>
        {view.lines.map((line) => (
          <Text block key={line.key}>
            {quotaLineText(line)}
          </Text>
        ))}
        {view.providerLimits && <Caption1 block>Provider limits: {view.providerLimits}</Caption1>}
        <Caption1 block>
          {view.nextSlot}
          {view.queued && ` · ${view.queued}`}
        </Caption1>
        {view.paused && (
          <Badge appearance="tint" color="warning">
            {view.paused}
          </Badge>
        )}
      </div>
    </Section>
  );
}
