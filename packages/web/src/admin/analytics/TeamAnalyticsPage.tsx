import { DataVizPalette, GroupedVerticalBarChart, getColorFromToken } from '@fluentui/react-charts';
import {
  Body1,
  Caption1,
  Field,
  makeStyles,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import type { TeamNumbers } from '@sendwell/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useVoice } from '../../api/context';
import { ReasonsChart } from '../../pages/numbers/NumbersCharts';
import { AdminPage, AdminSection } from '../AdminPage';
import { ApiErrorBar } from '../ApiErrorBar';
import { useTeamNumbers } from '../adminApi';
import { bounceRate, type ChartWords, dayLabel, perDayBars } from './chartData';
import { StaticChart } from './StaticChart';

const PERIODS = [7, 30, 90] as const;
const DEFAULT_DAYS = 30;
const PALETTE = [1, 2, 3, 4, 5, 6, 7, 8].map((n) =>
  getColorFromToken(DataVizPalette[`color${n}` as keyof typeof DataVizPalette]),
);

const useStyles = makeStyles({
  chart: { width: '100%', maxWidth: '900px' },
  period: { maxWidth: '16em' },
  numeric: { textAlign: 'end' },
});

/** The whole team's sends and bounces per day and bounce reasons, as charts with tables beside them. */
export function TeamAnalyticsPage() {
  const styles = useStyles();
  const voice = useVoice();
  const search = useSearch({ strict: false }) as { days?: number };
  const navigate = useNavigate();
  const days = search.days ?? DEFAULT_DAYS;
  const numbers = useTeamNumbers(days);
  return (
    <AdminPage
      title="Team analytics"
      intro="Everyone in your team, counted by the day the emails went out (UTC)."
      testId="web-admin-analytics"
    >
      <Field label="Period" className={styles.period}>
        <Select
          value={String(days)}
          data-testid="web-admin-analytics-days"
          onChange={(_, d) => navigate({ to: '.', search: { days: Number(d.value) } })}
        >
          {PERIODS.map((p) => (
            <option key={p} value={p}>
              Last {p} days
            </option>
          ))}
        </Select>
      </Field>
      <ApiErrorBar error={numbers.error} title="The team's numbers could not be loaded" />
      {numbers.isPending && <Caption1>Loading the team&apos;s numbers…</Caption1>}
      {numbers.data && <NumbersView numbers={numbers.data} locale={voice.locale} />}
    </AdminPage>
  );
}

function NumbersView(props: { numbers: TeamNumbers; locale: string }) {
  const styles = useStyles();
  const voice = useVoice();
  const { numbers } = props;
  const words: ChartWords = {
    sends: 'Sends',
    bounces: 'Bounces',
    reason: (r) => voice.bounceReason(r),
    day: (d) => dayLabel(d, props.locale),
  };
  const rate = bounceRate(numbers);
  return (
    <>
      <Body1 data-testid="web-admin-analytics-totals">
        {voice.number(numbers.totals.sends)} sends and {voice.number(numbers.totals.bounces)} bounced
        recipients from {numbers.from} to {numbers.to}
        {rate !== null && ` (${percent(rate, props.locale)} bounced)`}.
      </Body1>
      <AdminSection title="Sends and bounces per day">
        <StaticChart label="Sends and bounces per day" className={styles.chart}>
          <GroupedVerticalBarChart
            chartTitle="Sends and bounces per day"
            data={perDayBars(numbers, words, [PALETTE[0] ?? '', PALETTE[1] ?? ''])}
            height={280}
            hideLegend={false}
          />
        </StaticChart>
        <Table aria-label="Sends and bounces per day" size="extra-small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Day (UTC)</TableHeaderCell>
              <TableHeaderCell>Sends</TableHeaderCell>
              <TableHeaderCell>Bounces</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {numbers.perDay.map((d) => (
              <TableRow key={d.date}>
                <TableCell>{d.date}</TableCell>
                <TableCell className={styles.numeric}>{voice.number(d.sends)}</TableCell>
                <TableCell className={styles.numeric}>{voice.number(d.bounces)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </AdminSection>
      <AdminSection title="Bounce reasons">
        {/* The rep page's bar chart: Fluent's DonutChart leaves focusable hidden guards at the body (axe). */}
        {numbers.bounceReasons.length > 0 ? (
          <ReasonsChart reasons={numbers.bounceReasons} voice={voice} title="Bounce reasons" />
        ) : (
          <Body1>Nothing bounced in this period.</Body1>
        )}
        {numbers.bounceReasons.length > 0 && (
          <Table aria-label="Bounce reasons" size="extra-small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Reason</TableHeaderCell>
                <TableHeaderCell>Recipients</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {numbers.bounceReasons.map((r) => (
                <TableRow key={r.reason}>
                  <TableCell>{voice.bounceReason(r.reason)}</TableCell>
                  <TableCell className={styles.numeric}>{voice.number(r.count)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </AdminSection>
      <MembersTable numbers={numbers} />
    </>
  );
}

const percent = (fraction: number, locale: string) =>
  new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(fraction);

function MembersTable(props: { numbers: TeamNumbers }) {
  const styles = useStyles();
  const voice = useVoice();
  return (
    <AdminSection title="Per member">
      <Table aria-label="Sends and bounces per member" size="extra-small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Member</TableHeaderCell>
            <TableHeaderCell>Sends</TableHeaderCell>
            <TableHeaderCell>Bounces</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {props.numbers.members.map((m) => (
            <TableRow key={m.userId} data-testid={`web-admin-analytics-member-${m.userId}`}>
              <TableCell>
                {m.name} <Caption1>{m.email}</Caption1>
              </TableCell>
              <TableCell className={styles.numeric}>{voice.number(m.sends)}</TableCell>
              <TableCell className={styles.numeric}>{voice.number(m.bounces)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </AdminSection>
  );
}
