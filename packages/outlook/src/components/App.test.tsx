import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../api/types';
import { FakeApi } from '../testing/fakeApi';
import { FakeComposeItem } from '../testing/fakeComposeItem';
import { ada, apiWith, counts, draftTo, intro } from '../testing/fixtures';
import { renderPane } from '../testing/renderPane';

afterEach(cleanup);

async function send() {
  const button = await screen.findByTestId('send-button');
  await waitFor(() => expect(button).toHaveProperty('disabled', false));
  fireEvent.click(button);
  await waitFor(() => expect(screen.getByTestId('send-status').dataset.state).not.toBe('sending'));
  return screen.getByTestId('send-status');
}

describe('host and channel', () => {
  // Observation 8: an unsupported account still showed a channel, an Exchange quota and a feed.
  it.each([
    ['outlookCom', /Outlook\.com/],
    ['enterprise', /on-premises Exchange/],
    ['gmail', /Gmail account/],
    ['unknown', /did not say/],
  ] as const)(
    'a %s account gets the explanation and what to do, and nothing else',
    async (accountType, why) => {
      const { api } = renderPane({ item: new FakeComposeItem(accountType) });
      expect((await screen.findByTestId('host-notice')).textContent).toMatch(why);
      expect(screen.getByTestId('host-what-to-do').textContent).not.toBe('');
      for (const testId of ['channel-label', 'quota', 'live-feed', 'send-button', 'template-picker'])
        expect(screen.queryByTestId(testId)).toBeNull();
      expect(api.calls).toEqual([]);
    },
  );

  it('shows the channel the send will use and why', async () => {
    renderPane();
    expect((await screen.findByTestId('channel-label')).textContent).toBe('Exchange Online — your mailbox');
    expect(screen.queryByTestId('host-notice')).toBeNull();
  });

  it('explains a missing Exchange mailbox and keeps Send off', async () => {
    const api = new FakeApi();
    api.channel = new ApiError(
      'no-native-mailbox',
      'Sends from Outlook must go through your Exchange Online mailbox, and none is connected.',
      409,
    );
    renderPane({ api });
    expect((await screen.findByTestId('channel-label')).textContent).toContain('none is connected');
    expect(screen.getByTestId('send-button')).toHaveProperty('disabled', true);
  });
});

describe('template analytics', () => {
  it("labels the rep's own figures and the team's, counting messages and recipients apart", async () => {
    const api = apiWith(intro);
    api.analytics.set(intro.id, {
      templateId: intro.id,
      team: counts({ messages: 1, recipients: 2, messagesBounced: 1, recipientsBounced: 1 }),
      mine: counts(),
    });
    renderPane({ api });
    fireEvent.change(await screen.findByTestId('template-picker'), { target: { value: intro.id } });
    const team = await screen.findByTestId('template-analytics-team');
    expect(team.textContent).toBe('Your team: 1 message to 2 recipients · 1 recipient bounced');
    expect(screen.getByTestId('template-analytics-mine').textContent).toBe('You: 0 messages to 0 recipients');
  });

  it('reloads when a feed event concerns the template, once per event', async () => {
    const api = apiWith(intro);
    renderPane({ api });
    await screen.findByTestId('live-feed');
    act(() => api.emit({ type: 'send.submitted', at: '2026-03-02T09:00:10Z', templateId: intro.id }));
    fireEvent.change(await screen.findByTestId('template-picker'), { target: { value: intro.id } });
    await screen.findByTestId('template-analytics-team');
    expect(api.analyticsRequests).toBe(1);
    api.analytics.set(intro.id, {
      templateId: intro.id,
      team: counts({ messages: 5, recipients: 5 }),
      mine: counts(),
    });
    act(() => api.emit({ type: 'bounce', at: '2026-03-02T09:01:00Z', templateId: intro.id }));
    await waitFor(() =>
      expect(screen.getByTestId('template-analytics-team').textContent).toContain('5 messages'),
    );
  });
});

describe('status lines follow the send (observation 9)', () => {
  it('queued → sent → bounced, from the feed events for that send id', async () => {
    const { api } = renderPane({ item: draftTo([{ email: 'x@bounce.test' }], 'Hi', '<p>Hi</p>') });
    const status = await send();
    expect(status.dataset.life).toBe('queued');
    const sendId = status.dataset.sendId!;
    act(() => api.emit({ type: 'send.submitted', at: '2026-03-02T09:00:05Z', sendId }));
    expect(screen.getByTestId('send-status').dataset.life).toBe('sent');
    expect(screen.getByTestId('send-status').textContent).not.toContain('going out now');
    act(() =>
      api.emit({
        type: 'bounce',
        at: '2026-03-02T09:01:00Z',
        sendId,
        recipient: 'x@bounce.test',
        detail: { hard: true, reason: 'userunknown' },
      }),
    );
    expect(screen.getByTestId('send-status').dataset.life).toBe('bounced');
    expect(screen.getByTestId('send-status').textContent).toContain('x@bounce.test');
  });

  it('re-derives "in 30 min" from the clock, then says it is going out once the slot comes', async () => {
    const api = new FakeApi();
    api.sendAnswer = () => [{ id: 's1', status: 'scheduled', sendAt: '2026-03-02T09:30:00Z' }];
    const { advance } = renderPane({ item: draftTo([ada], 'Hi', '<p>Hi</p>'), api });
    expect((await send()).textContent).toContain('in 30 min');
    advance(20 * 60_000);
    expect(screen.getByTestId('send-status').textContent).toContain('in 10 min');
    advance(10 * 60_000);
    expect(screen.getByTestId('send-status').textContent).toContain('going out now');
  });

  it('reloads the quota once its next free slot has passed', async () => {
    const api = new FakeApi();
    api.quota = { ...api.quota, nextFreeAt: '2026-03-02T09:00:02Z' };
    const { advance } = renderPane({ api });
    await waitFor(() => expect(screen.getByTestId('quota').textContent).toContain('Next free slot in 2 s'));
    advance(1000);
    expect(screen.getByTestId('quota').textContent).toContain('Next free slot in 1 s');
    api.quota = { ...api.quota, nextFreeAt: null };
    advance(2000);
    await waitFor(() => expect(screen.getByTestId('quota').textContent).toContain('A slot is free now'));
    expect(api.calls.filter((call) => call === 'getQuota')).toHaveLength(2);
  });
});

describe('quota and live feed', () => {
  it("shows today's quota and the provider pause", async () => {
    const api = new FakeApi();
    api.quota = { ...api.quota, pausedUntil: '2026-03-02T10:00:00Z', queued: 3 };
    renderPane({ api });
    const quota = await screen.findByTestId('quota');
    expect(quota.textContent).toContain('12/9,000 recipients in the last 24 h');
    expect(quota.textContent).toContain('3 queued');
    expect(quota.dataset.paused).toBe('true');
  });

  it('renders a bounce with recipient, hard/soft and reason, newest first, each event once', async () => {
    const { api } = renderPane();
    await screen.findByTestId('live-feed');
    const bounce = {
      id: 41,
      type: 'bounce',
      at: '2026-03-02T09:02:00Z',
      recipient: 'nobody@bounce.test',
      sendId: 's2',
      detail: { hard: true, reason: 'userunknown', status: '5.1.1' },
    };
    act(() =>
      api.emit({ id: 40, type: 'send.submitted', at: '2026-03-02T09:00:10Z', recipient: 'ada@acme.test' }),
    );
    act(() => api.emit(bounce));
    act(() => api.emit({ ...bounce }));
    const items = within(screen.getByTestId('live-feed')).getAllByTestId('feed-item');
    expect(items).toHaveLength(2);
    expect(items[0]!.textContent).toContain('nobody@bounce.test');
    expect(items[1]!.textContent).toContain('ada@acme.test');
  });

  it('unsubscribes from the feed when the pane goes away', async () => {
    const { api, view } = renderPane();
    await screen.findByTestId('live-feed');
    expect(api.subscribers).toBe(1);
    view.unmount();
    expect(api.subscribers).toBe(0);
  });
});
