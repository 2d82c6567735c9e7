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
import {
  type CampaignAnalytics,
  type CountLabel,
  LEFT_REASONS,
  type StepCounts,
  type Voice,
} from '@sendwell/core';

const useStyles = makeStyles({
  funnel: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    rowGap: tokens.spacingVerticalXS,
    columnGap: tokens.spacingHorizontalM,
    alignItems: 'center',
    margin: 0,
    maxWidth: '760px',
  },
  stage: { display: 'contents' },
  value: { margin: 0, display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  track: {
    flexGrow: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusSmall,
    height: '18px',
  },
  bar: {
    display: 'block',
    backgroundColor: tokens.colorBrandBackground,
    borderRadius: tokens.borderRadiusSmall,
    height: '100%',
  },
  caption: {
    textAlign: 'start',
    fontWeight: tokens.fontWeightSemibold,
    paddingBlock: tokens.spacingVerticalS,
  },
});

interface FunnelStage {
  label: string;
  count: number;
}

/** Enrolled → each step sent → finished: how far people got, the widest stage being 100%. */
function funnelStages(analytics: CampaignAnalytics, voice: Voice): FunnelStage[] {
  const sent = voice.countLabel('sent');
  return [
    { label: voice.countLabel('enrolled'), count: analytics.total.enrolled },
    ...analytics.steps.map((s) => ({
      label: `${voice.t('step.title', { n: s.index + 1 })}: ${sent}`,
      count: s.sent,
    })),
    { label: voice.countLabel('finished'), count: analytics.total.finished },
  ];
}

/**
 * The funnel as plain HTML: a description list of stages whose numbers are text (a screen reader
 * reads "Step 2 sent: 14"), the bars only draw them. No chart library, so no focus traps for axe.
 */
export function CampaignFunnel({ analytics, voice }: { analytics: CampaignAnalytics; voice: Voice }) {
  const styles = useStyles();
  const stages = funnelStages(analytics, voice);
  const widest = Math.max(1, ...stages.map((s) => s.count));
  return (
    <dl className={styles.funnel} aria-label={voice.t('campaign.funnel')} data-testid="funnel">
      {stages.map((stage) => (
        <div key={stage.label} className={styles.stage}>
          <dt>{stage.label}</dt>
          <dd className={styles.value}>
            <span className={styles.track} aria-hidden="true">
              <span className={styles.bar} style={{ width: `${(100 * stage.count) / widest}%` }} />
            </span>
            {voice.number(stage.count)}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** The plain numbers of a step (its opens and clicks have their own table, when tracked). */
type CountKey = Exclude<keyof StepCounts, 'engagement'> & CountLabel;
const NUMBERS: CountKey[] = [
  'enrolled',
  'sent',
  'bouncedHard',
  'bouncedSoft',
  'bounceRate',
  'replied',
  'replyRate',
  'unsubscribed',
  'unsubscribeRate',
  'finished',
];
const RATES = new Set<CountKey>(['bounceRate', 'replyRate', 'unsubscribeRate']);
const cell = (counts: StepCounts, key: CountKey, voice: Voice) =>
  RATES.has(key) ? voice.percent(counts[key]) : voice.number(counts[key]);

/** Every step's numbers and the campaign's, with the rates; then who left and why. */
export function StepAnalyticsTable({ analytics, voice }: { analytics: CampaignAnalytics; voice: Voice }) {
  const styles = useStyles();
  const rows = [
    ...analytics.steps.map((s) => ({
      key: s.stepId,
      label: voice.t('step.title', { n: s.index + 1 }),
      counts: s as StepCounts,
    })),
    { key: 'total', label: voice.countLabel('total'), counts: analytics.total },
  ];
  return (
    <>
      <Table size="extra-small" data-testid="web-campaign-analytics-table">
        <caption className={styles.caption}>Per step</caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Step</TableHeaderCell>
            {NUMBERS.map((key) => (
              <TableHeaderCell key={key}>{voice.countLabel(key)}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.key} data-testid={`web-campaign-analytics-${row.key}`}>
              <TableCell>{row.label}</TableCell>
              {NUMBERS.map((key) => (
                <TableCell key={key}>{cell(row.counts, key, voice)}</TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Table size="extra-small" data-testid="web-campaign-left-table">
        <caption className={styles.caption}>People who left, by reason</caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Reason</TableHeaderCell>
            <TableHeaderCell>People</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {LEFT_REASONS.map((reason) => (
            <TableRow key={reason}>
              <TableCell>{voice.t(`enrolment.left.${reason}`)}</TableCell>
              <TableCell>{voice.number(analytics.left[reason] ?? 0)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
