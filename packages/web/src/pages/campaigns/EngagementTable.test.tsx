import type { CampaignAnalytics, EngagementCounts } from '@sendwell/core';
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { campaignFixture, renderCampaignRoutes, voiceForTests } from './testing';

afterEach(cleanup);

const campaign = campaignFixture();
const STEP_1: EngagementCounts = { opened: 5, clicked: 2, machineOpens: 7, machineClicks: 3 };
const STEP_2: EngagementCounts = { opened: 1, clicked: 0, machineOpens: 4, machineClicks: 0 };
const TOTAL: EngagementCounts = { opened: 6, clicked: 2, machineOpens: 11, machineClicks: 3 };

function analytics(tracking: CampaignAnalytics['tracking']): CampaignAnalytics {
  const { active: _active, left: _left, ...counts } = campaign.counts;
  return {
    campaignId: campaign.id,
    total: { ...counts, engagement: TOTAL },
    steps: [
      { ...counts, engagement: STEP_1, stepId: campaign.steps[0]!.id, index: 0 },
      { ...counts, engagement: STEP_2, stepId: campaign.steps[1]!.id, index: 1 },
    ],
    left: { bounced: 0, replied: 0, unsubscribed: 0, complained: 0, suppressed: 0, removed: 0 },
    tracking,
  };
}

function renderPage(answer: CampaignAnalytics | Omit<CampaignAnalytics, 'tracking'>) {
  return renderCampaignRoutes(`/campaigns/${campaign.id}`, {
    [`GET /campaigns/${campaign.id}`]: { status: 200, body: campaign },
    [`GET /campaigns/${campaign.id}/analytics`]: { status: 200, body: answer },
    [`GET /campaigns/${campaign.id}/forecast`]: { status: 200, body: { steps: [], explanation: '' } },
    [`GET /campaigns/${campaign.id}/enrolments`]: { status: 200, body: { items: [], nextCursor: null } },
  });
}

const cells = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((c) => c.textContent);
const n = (value: number) => voiceForTests.number(value);

describe('campaign page: opens and clicks', () => {
  it.each([
    [
      'opens and clicks',
      { opens: true, clicks: true },
      ['opened', 'machineOpens', 'clicked', 'machineClicks'] as const,
    ],
    ['opens only', { opens: true, clicks: false }, ['opened', 'machineOpens'] as const],
    ['clicks only', { opens: false, clicks: true }, ['clicked', 'machineClicks'] as const],
  ])(
    'the team tracks %s: those columns, per step and in total, machines apart',
    async (_case, tracking, columns) => {
      renderPage(analytics(tracking));
      const table = await screen.findByTestId('web-campaign-engagement');
      expect(within(table).getByText(voiceForTests.t('campaign.engagement'))).toBeTruthy();
      const headers = within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent);
      expect(headers.slice(1)).toEqual(columns.map((c) => voiceForTests.countLabel(c)));
      const expected = [
        ['web-campaign-engagement-st-1', voiceForTests.t('step.title', { n: 1 }), STEP_1],
        ['web-campaign-engagement-st-2', voiceForTests.t('step.title', { n: 2 }), STEP_2],
        ['web-campaign-engagement-total', voiceForTests.countLabel('total'), TOTAL],
      ] as const;
      for (const [testId, label, counts] of expected)
        expect(cells(screen.getByTestId(testId))).toEqual([label, ...columns.map((c) => n(counts[c]))]);
      expect(screen.getByText(voiceForTests.t('campaign.engagement.machines'))).toBeTruthy();
    },
  );

  it.each([
    ['tracking off', analytics({ opens: false, clicks: false })],
    [
      'an answer from a server that predates tracking',
      (({ tracking: _t, ...rest }) => rest)(analytics({ opens: true, clicks: true })),
    ],
  ])('%s: no opens or clicks at all', async (_case, answer) => {
    renderPage(answer);
    expect(await screen.findByTestId('web-campaign-analytics-total')).toBeTruthy();
    expect(screen.queryByTestId('web-campaign-engagement')).toBeNull();
    expect(screen.queryByText(voiceForTests.countLabel('opened'))).toBeNull();
  });
});
