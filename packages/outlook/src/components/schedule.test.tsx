import { type Clock, createVoice } from '@sendwell/core';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../api/types';
import { ada, draftTo } from '../testing/fixtures';
import { renderPane } from '../testing/renderPane';

afterEach(cleanup);

const voiceIn = (timeZone: string, clock: Clock) => createVoice({ locale: 'en', timeZone, clock });

async function pickSendAt(value: string) {
  fireEvent.change(await screen.findByTestId('send-at'), { target: { value } });
  return screen.getByTestId('send-at-confirm');
}

async function clickSend() {
  const button = await screen.findByTestId('send-button');
  await waitFor(() => expect(button).toHaveProperty('disabled', false));
  fireEvent.click(button);
  await waitFor(() => expect(screen.getByTestId('send-status').dataset.state).not.toBe('sending'));
  return screen.getByTestId('send-status');
}

describe('send at (schedule send)', () => {
  it('reads the picked time on the rep’s clock and posts it as sendAt, with core’s “Goes out …”', async () => {
    const { api, clock } = renderPane({ item: draftTo([ada], 'Hi', '<p>Hi</p>'), timeZone: 'Europe/Paris' });
    const confirm = await pickSendAt('2026-03-03T09:00'); // 9:00 in Paris is 8:00 UTC in March
    const voice = voiceIn('Europe/Paris', clock);
    expect(confirm.dataset.state).toBe('at');
    expect(confirm.textContent).toBe(voice.goesOut('2026-03-03T08:00:00.000Z'));
    await clickSend();
    expect(api.sends[0]!.sendAt).toBe('2026-03-03T08:00:00.000Z');
  });

  it('sends without sendAt when the field is empty or the time has passed', async () => {
    const { api, clock } = renderPane({ item: draftTo([ada], 'Hi', '<p>Hi</p>') });
    expect((await screen.findByTestId('send-at-confirm')).textContent).toBe(
      voiceIn('UTC', clock).t('compose.sendAtEmpty'),
    );
    const confirm = await pickSendAt('2026-03-02T08:00'); // an hour ago
    expect(confirm.textContent).toBe(voiceIn('UTC', clock).goesOut(null));
    await clickSend();
    expect(api.sends[0]).not.toHaveProperty('sendAt');
  });

  it('refuses a time more than a year out before posting, in core’s words', async () => {
    const { api, clock } = renderPane({ item: draftTo([ada], 'Hi', '<p>Hi</p>') });
    const confirm = await pickSendAt('2027-06-01T09:00');
    expect(confirm.dataset.state).toBe('too-far');
    expect(confirm.textContent).toBe(voiceIn('UTC', clock).t('send.sendAtTooFar'));
    expect(screen.getByTestId('send-button')).toHaveProperty('disabled', true);
    expect(api.sends).toEqual([]);
  });
});

describe('cancel a queued send from its feed row', () => {
  const queued = (sendId: string, userId: string) => ({
    type: 'send.queued' as const,
    at: '2026-03-02T09:00:00Z',
    sendId,
    userId,
    detail: { to: ['ada@acme.test'], sendAt: '2026-03-03T08:00:00.000Z' },
  });
  const row = (sendId: string) =>
    screen.getAllByTestId('feed-item').find((item) => item.dataset.sendId === sendId)!;

  it('cancels the rep’s own queued send; the feed’s send.cancelled takes the button away', async () => {
    const { api } = renderPane();
    await screen.findByTestId('live-feed');
    await waitFor(() => expect(api.calls).toContain('getMe'));
    act(() => void api.emit(queued('s-1', api.me.user.id)));
    fireEvent.click(await within(row('s-1')).findByTestId('cancel-send'));
    await waitFor(() => expect(api.cancelled).toEqual(['s-1']));
    act(() => void api.emit({ type: 'send.cancelled', at: '2026-03-02T09:00:10Z', sendId: 's-1' }));
    expect(row('s-1').dataset.phase).toBe('cancelled');
    expect(within(row('s-1')).queryByTestId('cancel-send')).toBeNull();
  });

  it('shows the server’s refusal on the row (the send already left)', async () => {
    const { api } = renderPane();
    await waitFor(() => expect(api.calls).toContain('getMe'));
    const refusal = new ApiError('send-not-waiting', 'This send is already with the provider.', 409);
    api.cancelAnswer = refusal;
    act(() => void api.emit(queued('s-2', api.me.user.id)));
    fireEvent.click(await within(row('s-2')).findByTestId('cancel-send'));
    const failed = await within(row('s-2')).findByTestId('cancel-failed');
    expect(failed.textContent).toContain(refusal.message);
    expect(failed.dataset.code).toBe(refusal.code);
  });

  it('offers no cancel on a teammate’s send or on one already sent', async () => {
    const { api } = renderPane();
    await waitFor(() => expect(api.calls).toContain('getMe'));
    fireEvent.change(await screen.findByTestId('feed-scope'), { target: { value: 'team' } });
    act(() => void api.emit(queued('s-team', 'u-teammate')));
    act(() => void api.emit(queued('s-sent', api.me.user.id)));
    act(() => void api.emit({ type: 'send.submitted', at: '2026-03-02T09:00:05Z', sendId: 's-sent' }));
    expect(within(row('s-team')).queryByTestId('cancel-send')).toBeNull();
    expect(within(row('s-sent')).queryByTestId('cancel-send')).toBeNull();
  });
});
