import { type Clock, createVoice } from '@sendwell/core';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, type ChannelInfo } from '../api/types';
import { FakeApi, quotaAfter } from '../testing/fakeApi';
import { FakeComposeItem } from '../testing/fakeComposeItem';
import { apiWith, counts, intro } from '../testing/fixtures';
import { renderPane } from '../testing/renderPane';

afterEach(cleanup);

/** The words the pane should show, from core's voice itself (English, UTC as renderPane sets). */
const voiceAt = (clock: Clock) => createVoice({ locale: 'en', timeZone: 'UTC', clock });

async function _send() {
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

  it('shows the channel the send will use and why, in the voice', async () => {
    const { api, clock } = renderPane();
    const words = voiceAt(clock).channel(api.channel as ChannelInfo, 'outlook');
    expect((await screen.findByTestId('channel-label')).textContent).toBe(words.title);
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
    const { clock } = renderPane({ api });
    fireEvent.change(await screen.findByTestId('template-picker'), { target: { value: intro.id } });
    const team = await screen.findByTestId('template-analytics-team');
    const voice = voiceAt(clock);
    const analytics = api.analytics.get(intro.id)!;
    expect(team.textContent).toBe(voice.analytics(analytics, 'team'));
    expect(team.textContent).toBe('Team · 1 message to 2 recipients · 1 recipient bounced');
    expect(screen.getByTestId('template-analytics-mine').textContent).toBe(
      voice.analytics(analytics, 'mine'),
    );
  });

  it('reloads when a feed event concerns the template, once per event', async () => {
    const api = apiWith(intro);
    renderPane({ api });
    await screen.findByTestId('live-feed');
    act(() => void api.emit({ type: 'send.submitted', at: '2026-03-02T09:00:10Z', templateId: intro.id }));
    fireEvent.change(await screen.findByTestId('template-picker'), { target: { value: intro.id } });
    await screen.findByTestId('template-analytics-team');
    expect(api.analyticsRequests).toBe(1);
    api.analytics.set(intro.id, {
      templateId: intro.id,
      team: counts({ messages: 5, recipients: 5 }),
      mine: counts(),
    });
    act(() => void api.emit({ type: 'bounce', at: '2026-03-02T09:01:00Z', templateId: intro.id }));
    await waitFor(() =>
      expect(screen.getByTestId('template-analytics-team').textContent).toContain('5 messages'),
    );
  });
});

describe('quota (one voice)', () => {
  it('reads used of our target, the provider ceiling and why we stop short', async () => {
    const api = new FakeApi();
    api.quota = quotaAfter([{ at: '2026-03-02T08:00:00Z', recipients: 12 }], undefined, {
      pausedUntil: '2026-03-02T10:00:00Z',
      pauseReason: '429 Retry-After 3600',
      queued: 3,
    });
    const { clock } = renderPane({ api });
    const words = voiceAt(clock).quota(api.quota);
    const quota = await screen.findByTestId('quota');
    for (const line of [...words.lines, words.ceiling!, words.queued!, words.paused!])
      expect(quota.textContent).toContain(line);
    expect(quota.dataset.paused).toBe('true');
  });

  it("speaks Office's display language", async () => {
    const item = new FakeComposeItem();
    item.displayLanguage = 'zh-CN';
    const { api, clock } = renderPane({ item });
    const zh = createVoice({ locale: 'zh-Hans', timeZone: 'UTC', clock });
    const chinese = zh.quota(api.quota);
    expect((await screen.findByTestId('quota')).textContent).toContain(chinese.headline);
    expect(chinese.headline).not.toBe(voiceAt(clock).quota(api.quota).headline);
    expect(screen.getByTestId('send-button').textContent).toBe(zh.t('ui.sendWithSendwell'));
  });
});

describe('live feed: one row per send, with filters', () => {
  it("updates one row through the send's life, with each recipient's outcome", async () => {
    const { api, clock } = renderPane();
    await screen.findByTestId('live-feed');
    const to = ['ada@acme.test', 'y@full.test'];
    act(
      () => void api.emit({ type: 'send.queued', at: '2026-03-02T09:00:00Z', sendId: 's1', detail: { to } }),
    );
    act(
      () =>
        void api.emit({ type: 'send.submitted', at: '2026-03-02T09:00:05Z', sendId: 's1', detail: { to } }),
    );
    const detail = { hard: false, reason: 'mailboxfull' };
    act(
      () =>
        void api.emit({
          type: 'bounce',
          at: '2026-03-02T09:01:00Z',
          sendId: 's1',
          recipient: 'y@full.test',
          detail,
        }),
    );
    const rows = within(screen.getByTestId('live-feed')).getAllByTestId('feed-item');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.dataset.phase).toBe('sent');
    const outcome = voiceAt(clock).outcome({
      address: 'y@full.test',
      state: 'bounced',
      hard: false,
      reason: 'mailboxfull',
      status: null,
      retryUntil: null,
      at: null,
    });
    expect(within(rows[0]!).getByTestId('feed-recipient').textContent).toBe(outcome.text);
  });

  it("shows the rep's own rows, the team's on request, and bounces only on request", async () => {
    const { api } = renderPane();
    await screen.findByTestId('live-feed');
    act(
      () =>
        void api.emit({
          type: 'send.submitted',
          at: '2026-03-02T09:00:05Z',
          sendId: 'mine',
          detail: { to: ['a@x.test'] },
        }),
    );
    act(
      () =>
        void api.emit({
          type: 'send.submitted',
          at: '2026-03-02T09:00:06Z',
          sendId: 'theirs',
          userId: 'u-teammate',
          detail: { to: ['b@x.test'] },
        }),
    );
    act(
      () =>
        void api.emit({
          type: 'bounce',
          at: '2026-03-02T09:00:07Z',
          sendId: 'theirs',
          userId: 'u-teammate',
          recipient: 'b@x.test',
          detail: { hard: true },
        }),
    );
    const shown = () =>
      within(screen.getByTestId('live-feed'))
        .queryAllByTestId('feed-item')
        .map((row) => row.textContent);
    await waitFor(() => expect(shown()).toEqual([expect.stringContaining('a@x.test')]));
    fireEvent.change(screen.getByTestId('feed-scope'), { target: { value: 'team' } });
    expect(shown()).toHaveLength(2);
    fireEvent.click(screen.getByTestId('feed-bounces-only'));
    expect(shown()).toEqual([expect.stringContaining('b@x.test')]);
  });

  it('shows an event replayed on a new stream once, and unsubscribes when the pane goes away', async () => {
    const { api, view } = renderPane();
    await screen.findByTestId('live-feed');
    const event = api.emit({
      type: 'send.submitted',
      at: '2026-03-02T09:00:05Z',
      sendId: 's1',
      detail: { to: ['a@x.test'] },
    });
    act(() => api.emit(event));
    await waitFor(() =>
      expect(within(screen.getByTestId('live-feed')).getAllByTestId('feed-item')).toHaveLength(1),
    );
    expect(api.subscribers).toBe(1);
    view.unmount();
    expect(api.subscribers).toBe(0);
  });
});
