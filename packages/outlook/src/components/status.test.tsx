import { type Clock, createVoice } from '@sendwell/core';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { acceptedSend, FakeApi } from '../testing/fakeApi';
import { ada, draftTo } from '../testing/fixtures';
import { renderPane } from '../testing/renderPane';

afterEach(cleanup);

/** The words the pane should show, from core's voice itself (English, UTC as renderPane sets). */
const voiceAt = (clock: Clock) => createVoice({ locale: 'en', timeZone: 'UTC', clock });

async function send() {
  const button = await screen.findByTestId('send-button');
  await waitFor(() => expect(button).toHaveProperty('disabled', false));
  fireEvent.click(button);
  await waitFor(() => expect(screen.getByTestId('send-status').dataset.state).not.toBe('sending'));
  return screen.getByTestId('send-status');
}

describe('status lines follow the send (observation 9)', () => {
  it('queued → sent → bounced, from the feed events for that send id', async () => {
    const { api, clock } = renderPane({ item: draftTo([{ email: 'x@bounce.test' }], 'Hi', '<p>Hi</p>') });
    const voice = voiceAt(clock);
    const status = await send();
    expect(status.dataset.life).toBe('queued');
    expect(status.textContent).toContain(voice.t('send.queuedNow'));
    const sendId = status.dataset.sendId!;
    act(() => void api.emit({ type: 'send.submitted', at: '2026-03-02T09:00:05Z', sendId }));
    expect(screen.getByTestId('send-status').dataset.life).toBe('sent');
    expect(screen.getByTestId('send-status').textContent).toContain(
      voice.t('send.sent', { time: voice.time('2026-03-02T09:00:05Z') }),
    );
    expect(screen.getByTestId('send-status').textContent).not.toContain(voice.t('send.queuedNow'));
    const detail = { hard: true, reason: 'userunknown', status: '5.1.1' };
    act(
      () =>
        void api.emit({
          type: 'bounce',
          at: '2026-03-02T09:01:00Z',
          sendId,
          recipient: 'x@bounce.test',
          detail,
        }),
    );
    expect(screen.getByTestId('send-status').dataset.life).toBe('bounced');
    const outcome = voice.outcome({
      address: 'x@bounce.test',
      state: 'bounced',
      hard: true,
      reason: 'userunknown',
      status: '5.1.1',
      retryUntil: null,
      at: null,
    });
    expect(screen.getByTestId('send-recipient').textContent).toBe(outcome.text);
  });

  it('says when a later slot comes, then that it is going out once the slot has come', async () => {
    const api = new FakeApi();
    api.sendAnswer = () => [acceptedSend({ id: 's1', status: 'scheduled', sendAt: '2026-03-02T09:30:00Z' })];
    const { advance, clock } = renderPane({ item: draftTo([ada], 'Hi', '<p>Hi</p>'), api });
    const voice = voiceAt(clock);
    expect((await send()).textContent).toContain(
      voice.t('send.queuedFor', { time: voice.time('2026-03-02T09:30:00Z') }),
    );
    advance(30 * 60_000);
    expect(screen.getByTestId('send-status').textContent).toContain(voice.t('send.queuedNow'));
  });

  it("says why a send waits, from the planner's rule in its queued event", async () => {
    const api = new FakeApi();
    api.sendAnswer = () => [acceptedSend({ id: 's1', status: 'scheduled', sendAt: '2026-03-02T09:00:02Z' })];
    const { clock } = renderPane({ item: draftTo([ada], 'Hi', '<p>Hi</p>'), api });
    await send();
    const rule = { limitedBy: 'pace', windowId: null, profileId: 'exchange-online' } as const;
    act(
      () =>
        void api.emit({
          type: 'send.queued',
          at: '2026-03-02T09:00:00Z',
          sendId: 's1',
          detail: { ...rule, sendAt: '2026-03-02T09:00:02Z' },
        }),
    );
    const why = voiceAt(clock).slot(rule);
    expect(why).toBeTruthy();
    expect(screen.getByTestId('send-why').textContent).toBe(why);
  });

  it('shows the new time and why when the outbox holds the send back (send.rescheduled)', async () => {
    const api = new FakeApi();
    api.sendAnswer = () => [acceptedSend({ id: 's1', status: 'scheduled', sendAt: '2026-03-02T09:00:02Z' })];
    const { advance, clock } = renderPane({ item: draftTo([ada], 'Hi', '<p>Hi</p>'), api });
    const voice = voiceAt(clock);
    await send();
    advance(5_000); // its slot has come, but the worker finds the mailbox paused
    expect(screen.getByTestId('send-status').textContent).toContain(voice.t('send.queuedNow'));
    const rule = { limitedBy: 'pause', windowId: null, profileId: 'exchange-online' } as const;
    const sendAt = '2026-03-02T09:10:00Z';
    act(
      () =>
        void api.emit({
          type: 'send.rescheduled',
          at: '2026-03-02T09:00:07Z',
          sendId: 's1',
          detail: { ...rule, sendAt, previousSendAt: '2026-03-02T09:00:02Z', reason: '429' },
        }),
    );
    const status = screen.getByTestId('send-status');
    expect(status.dataset.life).toBe('queued');
    expect(status.textContent).toContain(voice.t('send.queuedFor', { time: voice.time(sendAt) }));
    expect(status.textContent).not.toContain(voice.t('send.queuedNow'));
    expect(screen.getByTestId('send-why').textContent).toBe(voice.slot(rule));
  });

  it('reloads the quota once its next free slot has passed, re-wording the wait every tick', async () => {
    const api = new FakeApi();
    api.quota = { ...api.quota, nextFreeAt: '2026-03-02T09:00:02Z' };
    const { advance, clock } = renderPane({ api });
    const voice = voiceAt(clock);
    const nextSlot = () => screen.getByTestId('quota-next-slot').textContent;
    await waitFor(() => expect(nextSlot()).toBe(voice.quota(api.quota).nextSlot));
    advance(1000);
    expect(nextSlot()).toBe(voice.quota(api.quota).nextSlot);
    api.quota = { ...api.quota, nextFreeAt: null };
    advance(2000);
    await waitFor(() => expect(nextSlot()).toBe(voice.t('quota.freeNow')));
    expect(api.calls.filter((call) => call === 'getQuota')).toHaveLength(2);
  });
});
