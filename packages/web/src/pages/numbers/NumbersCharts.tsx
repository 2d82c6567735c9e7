import { GroupedVerticalBarChart, VerticalBarChart } from '@fluentui/react-charts';
import {
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import type { MyNumbers, Voice } from '@sendwell/core';
import { StaticChart } from '../../admin/analytics/StaticChart';

const useStyles = makeStyles({
  chart: { maxWidth: '960px', minHeight: '300px' },
  tableCaption: {
    textAlign: 'start',
    fontWeight: tokens.fontWeightSemibold,
    paddingBlock: tokens.spacingVerticalS,
  },
});

const SENDS_COLOR = tokens.colorBrandBackground;
const BOUNCES_COLOR = tokens.colorPaletteRedBackground3;

/**
 * Sends and bounces per day as grouped bars. The chart is a picture to assistive technology (one
 * label, no keyboard stops: see StaticChart); the same numbers follow in a table (`PerDayTable`).
 */
export function PerDayChart({ perDay, title }: { perDay: MyNumbers['perDay']; title: string }) {
  const styles = useStyles();
  const data = perDay.map((day) => ({
    name: day.date.slice(5),
    series: [
      { key: 'sends', data: day.sends, legend: 'Sends', color: SENDS_COLOR },
      { key: 'bounces', data: day.bounces, legend: 'Bounces', color: BOUNCES_COLOR },
    ],
  }));
  return (
    <StaticChart label={title} className={styles.chart}>
      <GroupedVerticalBarChart data={data} height={300} chartTitle={title} />
    </StaticChart>
  );
}

export function ReasonsChart({
  reasons,
  voice,
  title,
}: {
  reasons: MyNumbers['bounceReasons'];
  voice: Voice;
  title: string;
}) {
  const styles = useStyles();
  if (reasons.length === 0) return null;
  const data = reasons.map((r) => ({
    x: voice.bounceReason(r.reason === 'unknown' ? null : r.reason),
    y: r.count,
    legend: 'Bounces',
    color: BOUNCES_COLOR,
  }));
  return (
    <StaticChart label={title} className={styles.chart}>
      <VerticalBarChart data={data} height={300} chartTitle={title} hideLegend wrapXAxisLables />
    </StaticChart>
  );
}

export function PerDayTable({ perDay, caption }: { perDay: MyNumbers['perDay']; caption: string }) {
  const styles = useStyles();
  return (
    <Table size="extra-small" data-testid="web-numbers-per-day-table">
      <caption className={styles.tableCaption}>{caption}</caption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Day (UTC)</TableHeaderCell>
          <TableHeaderCell>Sends</TableHeaderCell>
          <TableHeaderCell>Bounces</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {perDay.map((day) => (
          <TableRow key={day.date}>
            <TableCell>{day.date}</TableCell>
            <TableCell>{day.sends}</TableCell>
            <TableCell>{day.bounces}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function ReasonsTable({
  reasons,
  voice,
  caption,
}: {
  reasons: MyNumbers['bounceReasons'];
  voice: Voice;
  caption: string;
}) {
  const styles = useStyles();
  if (reasons.length === 0) return <p data-testid="web-numbers-no-bounces">No bounces in this period.</p>;
  return (
    <Table size="extra-small" data-testid="web-numbers-reasons-table">
      <caption className={styles.tableCaption}>{caption}</caption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Reason</TableHeaderCell>
          <TableHeaderCell>Bounces</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {reasons.map((r) => (
          <TableRow key={r.reason}>
            <TableCell>{voice.bounceReason(r.reason === 'unknown' ? null : r.reason)}</TableCell>
            <TableCell>{r.count}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
