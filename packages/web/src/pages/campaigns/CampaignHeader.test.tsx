import type { Campaign } from '@sendwell/core';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from '../../api/session';
import { CampaignHeader } from './CampaignHeader';
import { ADMIN, campaignFixture, REP, renderWithApi, voiceForTests } from './testing';

afterEach(cleanup);

const breakerPause: NonNullable<Campaign['pause']> = {
  by: 'circuit-breaker',
  at: '2026-12-04T09:00:00.000Z',
  bounced: 6,
  window: 20,
  threshold: 0.2,
  message: 'paused by the breaker',
};
const ownerPause: NonNullable<Campaign['pause']> = {
  by: 'owner',
  at: '2026-12-04T09:00:00.000Z',
  message: 'paused',
};
const OTHER_REP: Session = { ...REP, user: { ...REP.user, id: 'lou', name: 'LOU' } };

describe('CampaignHeader', () => {
  it.each([
    // who reads, the campaign's pause → Pause shown, Resume shown
    ['the owner, active', REP, null, true, false],
    ['a teammate rep, active', OTHER_REP, null, false, false],
    ['the owner, paused by herself', REP, ownerPause, false, true],
    ['the owner, paused by the breaker', REP, breakerPause, false, false],
    ['an admin, paused by the breaker', ADMIN, breakerPause, false, true],
  ] as const)('Pause and Resume buttons for %s', async (_case, session, pause, canPause, canResume) => {
    const campaign = campaignFixture({ status: pause ? 'paused' : 'active', pause });
    renderWithApi(<CampaignHeader campaign={campaign} />, {}, session);
    const status = await screen.findByTestId('web-campaign-status');
    expect(status.textContent).toBe(voiceForTests.campaignStatus(campaign).text);
    expect(screen.queryByTestId('web-campaign-pause') !== null).toBe(canPause);
    expect(screen.queryByTestId('web-campaign-resume') !== null).toBe(canResume);
  });

  it.each([
    ['a rep', REP],
    ['an admin', ADMIN],
  ])('the breaker’s banner in core’s words for %s', async (_who, session) => {
    renderWithApi(
      <CampaignHeader campaign={campaignFixture({ status: 'paused', pause: breakerPause })} />,
      {},
      session,
    );
    const banner = await screen.findByTestId('campaign-banner');
    const words = voiceForTests.breakerBanner(breakerPause, { isAdmin: session.user.role === 'admin' })!;
    expect(banner.textContent).toContain(words.title);
    expect(banner.textContent).toContain(words.detail);
  });

  it('no banner for an owner’s pause (the status says who paused it)', async () => {
    renderWithApi(<CampaignHeader campaign={campaignFixture({ status: 'paused', pause: ownerPause })} />, {});
    await screen.findByTestId('web-campaign-status');
    expect(screen.queryByTestId('campaign-banner')).toBeNull();
  });

  it('an admin resumes a breaker’s pause; a refusal is shown as the server worded it', async () => {
    const message = 'Only a team admin can resume a campaign the circuit breaker paused.';
    const { sent } = renderWithApi(
      <CampaignHeader campaign={campaignFixture({ status: 'paused', pause: breakerPause })} />,
      { 'POST /campaigns/cmp-1/resume': { status: 403, body: { error: { code: 'admin-only', message } } } },
      ADMIN,
    );
    fireEvent.click(await screen.findByTestId('web-campaign-resume'));
    await waitFor(() =>
      expect(screen.getByTestId('web-campaign-action-error').textContent).toContain(message),
    );
    expect(sent.filter((s) => s.method === 'POST').map((s) => s.path)).toEqual(['/campaigns/cmp-1/resume']);
  });
});
