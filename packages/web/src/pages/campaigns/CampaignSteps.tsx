import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import type { Campaign, CampaignForecast, Voice } from '@sendwell/core';

/** Each step in core's words and, from the throttle's forecast, how many emails wait and when they go. */
export function CampaignSteps(props: {
  campaign: Campaign;
  forecast: CampaignForecast | undefined;
  voice: Voice;
}) {
  const { campaign, forecast, voice } = props;
  const goesOut = (stepId: string) => {
    const step = forecast?.steps.find((s) => s.stepId === stepId);
    if (!forecast) return '…';
    return voice.forecastStep(step ?? { stepId, index: 0, pending: 0, firstAt: null, lastAt: null });
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
              <TableCell>{voice.t('step.title', { n: index + 1 })}</TableCell>
              <TableCell>{step.templateName ?? 'A deleted template'}</TableCell>
              <TableCell>{voice.stepDelay(step.delay, index)}</TableCell>
              <TableCell>{voice.stepWindow(step.window, campaign.timeZone)}</TableCell>
              <TableCell>{voice.stepThread(step.thread)}</TableCell>
              <TableCell data-testid={`web-campaign-forecast-${index}`}>{goesOut(step.id)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {forecast?.explanation && <p data-testid="web-campaign-forecast-explanation">{forecast.explanation}</p>}
    </>
  );
}
