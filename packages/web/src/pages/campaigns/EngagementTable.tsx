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
import type { CampaignAnalytics, EngagementCounts, StepCounts, Voice } from '@sendwell/core';

const useStyles = makeStyles({
  caption: {
    textAlign: 'start',
    fontWeight: tokens.fontWeightSemibold,
    paddingBlock: tokens.spacingVerticalS,
  },
  machine: { color: tokens.colorNeutralForeground3 },
  note: { color: tokens.colorNeutralForeground3, maxWidth: '760px' },
});

type Column = keyof EngagementCounts;
const MACHINE = new Set<Column>(['machineOpens', 'machineClicks']);

/** Only what the team tracks: opens without the pixel, or clicks without rewritten links, mean nothing. */
function columnsOf(tracking: CampaignAnalytics['tracking']): Column[] {
  return [
    ...(tracking.opens ? (['opened', 'machineOpens'] as const) : []),
    ...(tracking.clicks ? (['clicked', 'machineClicks'] as const) : []),
  ];
}

// An answer without the block (a server from before tracking) shows a dash, not a made-up zero.
const cell = (counts: StepCounts, column: Column, voice: Voice) =>
  counts.engagement ? voice.number(counts.engagement[column]) : '—';

/**
 * Emails opened and clicked per step and in total, machines (privacy proxies, link scanners) in
 * their own columns; nothing at all while the team tracks neither.
 */
export function EngagementTable({ analytics, voice }: { analytics: CampaignAnalytics; voice: Voice }) {
  const styles = useStyles();
  const columns = columnsOf(analytics.tracking);
  if (columns.length === 0) return null;
  const rows = [
    ...analytics.steps.map((s) => ({
      key: s.stepId,
      label: voice.t('step.title', { n: s.index + 1 }),
      counts: s,
    })),
    { key: 'total', label: voice.countLabel('total'), counts: analytics.total },
  ];
  return (
    <>
      <Table size="extra-small" data-testid="web-campaign-engagement">
        <caption className={styles.caption}>{voice.t('campaign.engagement')}</caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Step</TableHeaderCell>
            {columns.map((column) => (
              <TableHeaderCell key={column} className={MACHINE.has(column) ? styles.machine : undefined}>
                {voice.countLabel(column)}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.key} data-testid={`web-campaign-engagement-${row.key}`}>
              <TableCell>{row.label}</TableCell>
              {columns.map((column) => (
                <TableCell key={column} className={MACHINE.has(column) ? styles.machine : undefined}>
                  {cell(row.counts, column, voice)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <p className={styles.note}>{voice.t('campaign.engagement.machines')}</p>
    </>
  );
}
