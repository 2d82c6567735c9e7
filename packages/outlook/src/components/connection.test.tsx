import { type ConnectionProblem, createVoice, ManualClock } from '@sendwell/core';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../api/types';
import { connectionInfo, FakeApi } from '../testing/fakeApi';
import { renderPane } from '../testing/renderPane';

afterEach(cleanup);

const voice = createVoice({ locale: 'en', timeZone: 'UTC', clock: new ManualClock('2026-03-02T09:00:00Z') });
const exchange = voice.t('connection.provider.exchange');

function apiWith(answer: Partial<FakeApi['connections']>): FakeApi {
  const api = new FakeApi();
  api.connections = { connections: [], connectable: ['microsoft'], ...answer };
  return api;
}

const banner = () => screen.findByTestId('connection-banner');
const bannerState = async (state: string) =>
  waitFor(() => expect(screen.getByTestId('connection-banner').dataset.state).toBe(state));

describe('the connection banner', () => {
  it('without a mailbox: "Connect your mailbox", one click opens the consent page, and the pane reads the connection again when it closes', async () => {
    const api = apiWith({ connections: [] });
    const { authWindow } = renderPane({ api });
    expect((await banner()).dataset.state).toBe('none');
    expect(screen.getByTestId('connection-banner').textContent).toContain(
      voice.t('connection.title.none', { provider: exchange }),
    );
    // The banner alone: no channel or budget card repeating that there is no mailbox.
    expect(screen.queryByTestId('channel-label')).toBeNull();
    expect(screen.queryByTestId('quota')).toBeNull();
    const channelReads = api.calls.filter((call) => call === 'getChannel').length;
    fireEvent.click(screen.getByTestId('connect-mailbox'));
    await waitFor(() =>
      expect(authWindow.opened).toEqual([
        (api.connectStart as { authorizationUrl: string }).authorizationUrl,
      ]),
    );
    expect(api.calls).toContain('startConnect:microsoft');
    expect(screen.getByTestId('connect-waiting').textContent).toBe(voice.t('pane.connect.waiting'));
    api.connections = { connections: [connectionInfo()], connectable: ['microsoft'] };
    authWindow.close();
    await bannerState('connected');
    // Connected now: the channel and quota are read again (they said "no mailbox" before).
    await waitFor(() =>
      expect(api.calls.filter((call) => call === 'getChannel').length).toBe(channelReads + 1),
    );
    expect(await screen.findByTestId('channel-label')).toBeTruthy();
  });

  it.each<ConnectionProblem>([
    'grant-revoked',
    'consent-revoked',
    'password-changed',
    'grant-expired',
    'token-rejected',
  ])('needs reconnecting (%s): the problem in words, the held sends, and Reconnect', async (problem) => {
    const api = apiWith({
      connections: [connectionInfo({ state: 'needs-reconnect', problem, heldSends: 2 })],
    });
    renderPane({ api });
    expect((await banner()).dataset.state).toBe('needs-reconnect');
    expect(screen.getByTestId('connection-problem').textContent).toBe(
      voice.t(`connection.problem.${problem}`, { provider: exchange }),
    );
    expect(screen.getByTestId('connection-held').textContent).toBe(voice.count('connection.held', 2));
    expect(screen.getByTestId('connect-mailbox').textContent).toBe(voice.t('connection.action.reconnect'));
  });

  it.each([
    ['disconnected', 'connection.detail.disconnected', true],
    ['disabled', 'connection.detail.disabled', false],
  ] as const)(
    '%s: explains, and offers to connect only when the rep can fix it',
    async (state, detail, button) => {
      renderPane({ api: apiWith({ connections: [connectionInfo({ state })] }) });
      expect((await banner()).textContent).toContain(voice.t(detail));
      expect(screen.queryByTestId('connect-mailbox') !== null).toBe(button);
    },
  );

  it('says when this Sendwell cannot connect Microsoft mailboxes at all, without a button', async () => {
    renderPane({ api: apiWith({ connections: [], connectable: [] }) });
    expect((await banner()).textContent).toContain(voice.t('pane.connect.notConnectable'));
    expect(screen.queryByTestId('connect-mailbox')).toBeNull();
  });

  it('an Exchange Server mailbox keeps a note that bounces cannot be tracked on-premises, and why', async () => {
    const onPrem = connectionInfo({ provider: 'exchange-server', bounceTracking: false });
    renderPane({ api: apiWith({ connections: [onPrem] }) });
    expect((await screen.findByTestId('connection-note')).textContent).toBe(
      voice.t('connection.noBounceTracking'),
    );
    expect(screen.getByTestId('connection-banner').dataset.state).toBe('connected');
  });

  it('prefers the Exchange Online mailbox over an Exchange Server one (the Outlook channel)', async () => {
    const answer = {
      connections: [
        connectionInfo({ mailboxId: 'mbx-onprem', provider: 'exchange-server', bounceTracking: false }),
        connectionInfo({ state: 'needs-reconnect', problem: 'grant-revoked' }),
      ],
    };
    renderPane({ api: apiWith(answer) });
    expect((await banner()).dataset.state).toBe('needs-reconnect');
    expect(screen.queryByTestId('connection-note')).toBeNull();
  });

  it("follows the live feed's connection events", async () => {
    const api = apiWith({ connections: [connectionInfo()] });
    renderPane({ api });
    await bannerState('connected');
    api.connections = {
      connections: [connectionInfo({ state: 'needs-reconnect', problem: 'grant-revoked', heldSends: 1 })],
      connectable: ['microsoft'],
    };
    act(() => void api.emit({ type: 'connection.needs-reconnect', at: '2026-03-02T09:01:00Z', detail: {} }));
    await bannerState('needs-reconnect');
    expect(screen.getByTestId('connection-held').textContent).toBe(voice.count('connection.held', 1));
  });

  it("shows the server's refusal to start a connect, and stays ready to try again", async () => {
    const api = apiWith({ connections: [] });
    api.connectStart = new ApiError('provider-unavailable', 'Microsoft is not configured', 409);
    const { authWindow } = renderPane({ api });
    fireEvent.click(await screen.findByTestId('connect-mailbox'));
    const failed = await screen.findByTestId('connect-failed');
    expect(failed.dataset.code).toBe('provider-unavailable');
    expect(authWindow.opened).toEqual([]);
    expect(screen.getByTestId('connect-mailbox')).toHaveProperty('disabled', false);
  });
});

describe('sign-in failures in the rep’s language', () => {
  it.each([
    ['signin-not-configured', 'pane.connect.signin.not-configured'],
    ['signin-refused', 'pane.connect.signin.refused'],
    ['signin-cancelled', 'pane.connect.signin.cancelled'],
  ] as const)('%s is worded from the catalog', async (code, key) => {
    const api = new FakeApi();
    api.channel = new ApiError(code, 'AADSTS65001: consent required', 0);
    renderPane({ api });
    const label = await screen.findByTestId('channel-label');
    await waitFor(() =>
      expect(label.textContent).toContain(voice.t(key, { error: 'AADSTS65001: consent required' })),
    );
  });
});
