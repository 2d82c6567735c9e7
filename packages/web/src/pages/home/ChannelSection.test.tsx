import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import {
  type ChannelsAnswer,
  channelCatalog,
  createVoice,
  LEGACY_LABEL,
  LEGACY_WARNING,
  systemClock,
} from '@sendwell/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../api/client';
import { ServicesProvider } from '../../api/context';
import { ChannelSection } from './ChannelSection';

afterEach(cleanup);

/** The server's answer, built by core's own catalog (as the channels service does). */
function channelsFor(legacyAccount: boolean, chosenId: string | null): ChannelsAnswer {
  const catalog = channelCatalog({
    legacyAccount,
    legacyVisible: true,
    legacyHostedConfigured: true,
    native: [{ id: 'mbx-lou', provider: 'exchange', label: 'lou@fabrikam.test', connected: true }],
    smtp: [],
    chosenId,
    teamDefaultId: null,
  });
  return {
    catalog,
    webChannelId: chosenId ?? 'mbx-lou',
    teamDefaultId: null,
    legacyVisible: true,
    legacyHostedConfigured: true,
    smtpChannels: [],
  };
}

/** An API client that answers GET /channels and records the choice a PUT makes. */
function channelsApi(answer: ChannelsAnswer) {
  const puts: { path: string; body: unknown }[] = [];
  const api = {
    get: async () => answer,
    put: async (path: string, body: unknown) => {
      puts.push({ path, body });
      return {};
    },
  } as unknown as ApiClient;
  return { api, puts };
}

function renderWith(api: ApiClient, legacy: boolean) {
  const session = {
    token: 't',
    expiresAt: '2026-12-05T05:00:00Z',
    user: { id: 'lou', email: 'lou@fabrikam.test', name: 'Lou', role: 'rep' as const, legacy, tenantId: 'f' },
  };
  const voice = createVoice({ locale: 'en', timeZone: 'UTC', clock: systemClock });
  return render(
    <FluentProvider theme={webLightTheme}>
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <ServicesProvider services={{ session, api, voice }}>
          <ChannelSection />
        </ServicesProvider>
      </QueryClientProvider>
    </FluentProvider>,
  );
}

describe('the channel section', () => {
  it('a legacy account sees the legacy hosted channel with core’s warning, and can pick it', async () => {
    const { api, puts } = channelsApi(channelsFor(true, null));
    renderWith(api, true);
    const legacy = await screen.findByTestId('web-channel-legacy-hosted');
    expect(legacy.textContent).toContain(LEGACY_LABEL);
    expect(screen.getByTestId('web-channel-warning').textContent).toBe(LEGACY_WARNING);
    fireEvent.click(screen.getByRole('radio', { name: LEGACY_LABEL }));
    await waitFor(() =>
      expect(puts).toEqual([{ path: '/channels/choice', body: { channelId: 'legacy-hosted' } }]),
    );
  });

  it('anyone else sees the native channel recommended, with its bounce tracking sentence, and no warning', async () => {
    const answer = channelsFor(false, 'mbx-lou');
    const { api } = channelsApi(answer);
    renderWith(api, false);
    const native = await screen.findByTestId('web-channel-mbx-lou');
    expect(native.textContent).toContain('Recommended');
    expect(screen.getByTestId('web-channel-bounce-tracking').textContent).toContain(
      answer.catalog[0]!.bounceTracking.reason,
    );
    expect(screen.queryByTestId('web-channel-legacy-hosted')).toBeNull();
    expect(screen.queryByTestId('web-channel-warning')).toBeNull();
    expect((screen.getByRole('radio', { name: /lou@fabrikam\.test/ }) as HTMLInputElement).checked).toBe(
      true,
    );
  });
});
