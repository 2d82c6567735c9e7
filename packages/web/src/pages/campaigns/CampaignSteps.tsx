import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import type { Campaign, CampaignForecast, Voice } from '@sendwell/core';
import { delayWords, windowWords } from './campaignWords';

/** Each step in words and, from the throttle's forecast, how many emails wait and when they go. */
export function CampaignSteps(props: {
  campaign: Campaign;
  forecast: CampaignForecast | undefined;
  voice: Voice;
}) {
  const { campaign, forecast, voice } = props;
  const pendingOf = (stepId: string) => forecast?.steps.find((s) => s.stepId === stepId);
  const when = (stepId: string) => {
    const step = pendingOf(stepId);
    if (!forecast) return '…';
    if (!step || step.pending === 0 || !step.firstAt) return 'Nothing waiting';
    const range =
      step.lastAt && step.lastAt !== step.firstAt
        ? `${voice.time(step.firstAt)} – ${voice.time(step.lastAt)}`
        : voice.time(step.firstAt);
    return `${voice.number(step.pending)} waiting · ${range}`;
  };
  return (
    <>
      <Table size="small" aria-label="Steps" data-testid="web-campaign-steps">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Step</TableHeaderCell>
            <TableHeaderCell>Template</TableHeaderCell>
            <TableHeaderCell>When</TableHeaderCell>
            <TableHeaderCell>Window</TableHeaderCell>
            <TableHeaderCell>Thread</TableHeaderCell>
            <TableHeaderCell>Goes out</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {campaign.steps.map((step, index) => (
            <TableRow key={step.id} data-testid={`web-campaign-step-row-${index}`}>
              <TableCell>{index + 1}</TableCell>
              <TableCell>{step.templateName ?? 'A template that was deleted'}</TableCell>
              <TableCell>{delayWords(step.delay, index === 0)}</TableCell>
              <TableCell>{windowWords(step.window)}</TableCell>
              <TableCell>{step.thread === 'same' ? 'Reply in the same thread' : 'New email'}</TableCell>
              <TableCell data-testid={`web-campaign-forecast-${index}`}>{when(step.id)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {forecast?.explanation && <p data-testid="web-campaign-forecast-explanation">{forecast.explanation}</p>}
    </>
  );
}
