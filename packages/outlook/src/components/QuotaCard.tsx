import { Badge, Caption1, Spinner, Text } from '@fluentui/react-components';
import type { QuotaInfo } from '../api/types';
import type { Loaded } from '../hooks/useLoad';
import { describeQuota } from '../model/quota';
import { ProblemBar } from './ProblemBar';
import { Section } from './Section';

const number = new Intl.NumberFormat();

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
            {number.format(line.used)}/{number.format(line.limit)} {line.label}
          </Text>
        ))}
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
