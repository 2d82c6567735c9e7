import { Body1, Dropdown, Field, Option } from '@fluentui/react-components';
import { myNumbersSchema } from '@sendwell/core';
import { getRouteApi } from '@tanstack/react-router';
import { useVoice } from '../../api/context';
import { useApiQuery } from '../../api/queries';
import { Loaded, Page, Section } from '../../ui/Page';
import { PerDayChart, PerDayTable, ReasonsChart, ReasonsTable } from './NumbersCharts';

const route = getRouteApi('/signed-in/numbers');
const PERIODS = [7, 30, 90] as const;

/** My numbers: sends and bounces per day, and why things bounced, over the last N days. */
export function NumbersPage() {
  const voice = useVoice();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const days = search.days ?? 30;
  const numbers = useApiQuery('/analytics/me', { query: { days }, schema: myNumbersSchema });
  return (
    <Page title="My numbers" testId="web-numbers">
      <Field label="Period">
        <Dropdown
          value={`Last ${days} days`}
          selectedOptions={[String(days)]}
          onOptionSelect={(_e, d) => navigate({ search: { days: Number(d.optionValue) }, replace: true })}
          data-testid="web-numbers-days"
        >
          {PERIODS.map((n) => (
            <Option key={n} value={String(n)}>{`Last ${n} days`}</Option>
          ))}
        </Dropdown>
      </Field>
      <Loaded query={numbers} label="Loading your numbers">
        {(n) => (
          <>
            <Body1 as="p" data-testid="web-numbers-totals">
              From {n.from} to {n.to} (UTC): {n.totals.sends} sent, {n.totals.bounces} bounced.
            </Body1>
            <Section title="Sends and bounces per day">
              <PerDayChart perDay={n.perDay} title="Sends and bounces per day" />
              <PerDayTable perDay={n.perDay} caption="Sends and bounces per day, as a table" />
            </Section>
            <Section title="Why emails bounced">
              <ReasonsChart reasons={n.bounceReasons} voice={voice} title="Bounces by reason" />
              <ReasonsTable reasons={n.bounceReasons} voice={voice} caption="Bounces by reason, as a table" />
            </Section>
          </>
        )}
      </Loaded>
    </Page>
  );
}
