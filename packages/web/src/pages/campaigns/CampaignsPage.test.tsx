import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { campaignFixture, renderCampaignRoutes, voiceForTests } from './testing';

afterEach(cleanup);

const counts = { ...campaignFixture().counts, active: 3, sent: 12, replied: 2, bouncedHard: 1, left: 2 };
const spring = campaignFixture({ counts });
const ANALYTICS = {
  campaignId: 'cmp-1',
  total: { ...counts },
  steps: [],
  left: { bounced: 1, replied: 1, unsubscribed: 0, complained: 0, suppressed: 0, removed: 0 },
};

describe('campaign routes', () => {
  it('the list asks the server with the URL’s scope and status and shows each campaign’s counts', async () => {
    const { sent } = renderCampaignRoutes('/campaigns?scope=team&status=active', {
      'GET /campaigns': { status: 200, body: { items: [spring], nextCursor: null } },
    });
    const row = await screen.findByTestId('web-campaign-row-cmp-1');
    expect(sent[0]!.query).toEqual({ scope: 'team', status: 'active', limit: '25' });
    expect(within(row).getByText(voiceForTests.campaignStatus(spring).text)).toBeTruthy();
    expect(row.textContent).toContain('Eli'); // the owner column, in the team's list
    expect(row.textContent).toContain('12');
  });

  it('a campaign opens on its own page: steps in core’s words, forecast, funnel, people', async () => {
    renderCampaignRoutes('/campaigns', {
      'GET /campaigns': { status: 200, body: { items: [spring], nextCursor: null } },
      'GET /campaigns/cmp-1': { status: 200, body: spring },
      'GET /campaigns/cmp-1/analytics': { status: 200, body: ANALYTICS },
      'GET /campaigns/cmp-1/forecast': {
        status: 200,
        body: {
          steps: [
            {
              stepId: 'st-2',
              index: 1,
              pending: 3,
              firstAt: '2026-12-07T08:00:00.000Z',
              lastAt: '2026-12-07T09:00:00.000Z',
            },
          ],
          explanation: 'Paced by the throttle.',
        },
      },
      'GET /campaigns/cmp-1/enrolments': { status: 200, body: { items: [], nextCursor: null } },
    });
    fireEvent.click(await screen.findByRole('link', { name: 'Spring outreach' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Spring outreach' })).toBeTruthy();
    const step2 = await screen.findByTestId('web-campaign-step-row-1');
    expect(step2.textContent).toContain(voiceForTests.stepDelay(spring.steps[1]!.delay, 1));
    expect(step2.textContent).toContain(voiceForTests.stepWindow(spring.steps[1]!.window, 'Europe/Paris'));
    expect((await screen.findByTestId('web-campaign-forecast-1')).textContent).toBe(
      voiceForTests.forecastStep({
        stepId: 'st-2',
        index: 1,
        pending: 3,
        firstAt: '2026-12-07T08:00:00.000Z',
        lastAt: '2026-12-07T09:00:00.000Z',
      }),
    );
    expect((await screen.findByTestId('funnel')).textContent).toContain(voiceForTests.countLabel('enrolled'));
    expect(await screen.findByTestId('web-enrolments-empty')).toBeTruthy();
    // Eli owns it: he can enrol people and edit its steps.
    expect(screen.getByTestId('web-enrol-csv')).toBeTruthy();
    expect(screen.getByTestId('web-campaign-edit')).toBeTruthy();
  });
});
