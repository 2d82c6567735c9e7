import { createVoice, ManualClock } from '@sendwell/core';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../api/types';
import { FakeApi } from '../testing/fakeApi';
import { campaign } from '../testing/fakeCampaigns';
import { ada, bob, draftTo } from '../testing/fixtures';
import { renderPane } from '../testing/renderPane';

afterEach(cleanup);

const voice = createVoice({ locale: 'en', timeZone: 'UTC', clock: new ManualClock('2026-03-02T09:00:00Z') });
const spring = campaign({ id: 'c-spring', name: 'Spring launch' });

function apiWithCampaigns() {
  const api = new FakeApi();
  api.campaignServer.campaigns = [
    spring,
    campaign({ id: 'c-paused', name: 'Paused one', status: 'paused' }),
    campaign({ id: 'c-old', name: 'Archived one', status: 'archived' }),
  ];
  return api;
}

const personLine = (email: string) =>
  screen.getAllByTestId('person-status').find((line) => line.dataset.email === email)!;

async function addTo(campaignId: string) {
  const picker = await screen.findByTestId('campaign-picker');
  await waitFor(() => expect((picker as HTMLSelectElement).options.length).toBeGreaterThan(1));
  fireEvent.change(picker, { target: { value: campaignId } });
  fireEvent.click(screen.getByTestId('campaign-add'));
  return screen.findByTestId('campaign-result');
}

describe('Add to campaign', () => {
  it('offers only the rep’s active campaigns', async () => {
    renderPane({ api: apiWithCampaigns() });
    const picker = (await screen.findByTestId('campaign-picker')) as HTMLSelectElement;
    await waitFor(() => expect([...picker.options].map((o) => o.value)).toEqual(['', spring.id]));
  });

  it('enrols the draft’s recipients (source outlook, display names), with the answer per row', async () => {
    const api = apiWithCampaigns();
    const suppression = {
      reason: 'hard-bounce',
      message: 'Suppressed.',
      since: '2026-03-01T09:00:00.000Z',
      until: null,
    };
    api.campaignServer.suppressed.set('gone@acme.test', suppression);
    const item = draftTo([ada, bob]);
    item.recipients.cc = [{ email: 'gone@acme.test' }];
    renderPane({ api, item });
    const result = await addTo(spring.id);
    await waitFor(() => expect(result.dataset.state).toBe('done'));
    expect(api.campaignServer.enrolRequests).toEqual([
      {
        campaignId: spring.id,
        people: [
          { email: ada.email, displayName: ada.displayName },
          { email: bob.email, displayName: bob.displayName },
          { email: 'gone@acme.test' },
        ],
      },
    ]);
    const answer = {
      enrolled: 2,
      errors: [{ row: 2, email: 'gone@acme.test', code: 'suppressed' as const, message: '' }],
      dryRun: false,
    };
    expect(within(result).getByText(voice.enrolAnswer(answer))).toBeTruthy();
    const row = within(result).getByTestId('campaign-result-row');
    expect(row.textContent).toBe(voice.enrolRowError({ ...answer.errors[0]!, message: row.textContent! }));
    expect(row.dataset.code).toBe('suppressed');
    // Their status, read again after enrolling: step 1 of the campaign's 2.
    const enrolled = api.campaignServer.person(ada.email).enrolments[0]!;
    const status = voice.enrolmentStatus({ ...enrolled, totalSteps: spring.steps.length });
    await waitFor(() =>
      expect(personLine(ada.email).textContent).toContain(
        voice.t('person.inCampaign', { campaign: spring.name, status }),
      ),
    );
    expect(within(personLine('gone@acme.test')).getByTestId('person-suppressed').textContent).toBe(
      voice.whySuppressed({ email: 'gone@acme.test', ...suppression }),
    );
  });

  it('says there is nobody to enrol on a draft without recipients', async () => {
    const api = apiWithCampaigns();
    renderPane({ api });
    const result = await addTo(spring.id);
    expect(result.dataset.state).toBe('no-recipients');
    expect(result.textContent).toBe(voice.t('campaign.noRecipients'));
    expect(api.campaignServer.enrolRequests).toEqual([]);
  });
});

describe('each recipient’s campaign status', () => {
  it('reads “left: bounced” once the feed says the person left after a bounce', async () => {
    const api = apiWithCampaigns();
    api.campaignServer.enrol(spring.id, [{ email: 'x@bounce.test' }]);
    renderPane({ api, item: draftTo([{ email: 'x@bounce.test' }]) });
    const line = await waitFor(() => personLine('x@bounce.test'));
    expect(within(line).getByTestId('person-enrolment').dataset.status).toBe('active');
    api.campaignServer.leave('x@bounce.test', spring.id, 'bounced');
    act(
      () => void api.emit({ type: 'campaign.left', at: '2026-03-02T09:05:00Z', recipient: 'x@bounce.test' }),
    );
    const left = voice.enrolmentStatus({
      status: 'left',
      leftReason: 'bounced',
      nextStep: null,
      nextAt: null,
    });
    await waitFor(() =>
      expect(within(personLine('x@bounce.test')).getByTestId('person-enrolment').textContent).toBe(
        voice.t('person.inCampaign', { campaign: spring.name, status: left }),
      ),
    );
    expect(left).toBe(voice.t('enrolment.left.bounced'));
    expect(within(personLine('x@bounce.test')).queryByTestId('person-remove')).toBeNull();
  });

  it('removes a person from the rep’s campaign; a teammate’s campaign has no Remove', async () => {
    const api = apiWithCampaigns();
    api.campaignServer.enrol(spring.id, [{ email: ada.email }]);
    api.campaignServer.campaigns.push(campaign({ id: 'c-team', name: 'Teammate’s' }));
    api.campaignServer.enrol('c-team', [{ email: ada.email }]);
    api.campaignServer.campaigns.pop(); // listed for the teammate, not in the rep's own list
    renderPane({ api, item: draftTo([ada]) });
    const line = await waitFor(() => personLine(ada.email));
    await waitFor(() => expect(within(line).getAllByTestId('person-remove')).toHaveLength(1));
    fireEvent.click(within(line).getByTestId('person-remove'));
    const removed = voice.enrolmentStatus({
      status: 'left',
      leftReason: 'removed',
      nextStep: null,
      nextAt: null,
    });
    await waitFor(() => expect(personLine(ada.email).textContent).toContain(removed));
    expect(within(personLine(ada.email)).queryByTestId('person-remove')).toBeNull();
    expect(api.calls).toContain('removePerson');
  });

  it('keeps the person and shows why when Remove is refused', async () => {
    const api = apiWithCampaigns();
    api.campaignServer.enrol(spring.id, [{ email: ada.email }]);
    const refusal = new ApiError(
      'forbidden',
      'Only the campaign’s owner or a team admin can change it.',
      403,
    );
    api.campaignServer.removeFailure = refusal;
    renderPane({ api, item: draftTo([ada]) });
    const button = await waitFor(() => within(personLine(ada.email)).getByTestId('person-remove'));
    fireEvent.click(button);
    const failed = await within(personLine(ada.email)).findByTestId('person-remove-failed');
    expect(failed.textContent).toContain(refusal.message);
    expect(within(personLine(ada.email)).getByTestId('person-enrolment').dataset.status).toBe('active');
  });

  it('says a recipient is in no campaign, and reads the recipients again on request', async () => {
    const api = apiWithCampaigns();
    const item = draftTo([ada]);
    renderPane({ api, item });
    await waitFor(() => expect(personLine(ada.email).textContent).toContain(voice.t('person.inNoCampaign')));
    item.recipients.to = [bob];
    fireEvent.click(screen.getByTestId('people-refresh'));
    await waitFor(() =>
      expect(screen.getAllByTestId('person-status').map((l) => l.dataset.email)).toEqual([bob.email]),
    );
  });

  it('speaks Chinese when Office does', async () => {
    const api = apiWithCampaigns();
    api.campaignServer.enrol(spring.id, [{ email: ada.email }]);
    api.campaignServer.leave(ada.email, spring.id, 'bounced');
    const item = draftTo([ada]);
    item.displayLanguage = 'zh-CN';
    renderPane({ api, item });
    const zh = createVoice({
      locale: 'zh-Hans',
      timeZone: 'UTC',
      clock: new ManualClock('2026-03-02T09:00:00Z'),
    });
    const left = zh.enrolmentStatus({ status: 'left', leftReason: 'bounced', nextStep: null, nextAt: null });
    await waitFor(() =>
      expect(within(personLine(ada.email)).getByTestId('person-enrolment').textContent).toBe(
        zh.t('person.inCampaign', { campaign: spring.name, status: left }),
      ),
    );
    expect(screen.getByTestId('campaign-add').textContent).toBe(zh.t('campaign.action.add'));
  });
});
