import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { pickLocale, systemClock } from '@sendwell/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createHttpApi } from './api';
import { App } from './components/App';
import { PaneUnavailable } from './components/PaneUnavailable';
import { connectOffice, type OfficeConnection } from './office';
import { authWindowOpener } from './office/authWindow';

/** Pane entry: find Outlook (real or sandbox), then render against the API on our own origin. */
async function start(root: HTMLElement) {
  const view = createRoot(root);
  let startError: string | undefined;
  const connection: OfficeConnection = await connectOffice(window).catch((error: unknown) => {
    startError = (error as Error).message;
    return { outcome: 'unavailable' as const, reason: 'no-office-js' as const, message: startError };
  });
  const content =
    connection.outcome === 'ready' ? (
      <App
        deps={{
          item: connection.item,
          api: createHttpApi({ baseUrl: '', getToken: connection.item.getAccessToken }),
          clock: systemClock,
          newIdempotencyKey: () => crypto.randomUUID(),
          openAuthWindow: authWindowOpener(connection.office, window),
        }}
      />
    ) : (
      // No Office here to ask for its display language: the browser's stands in.
      <PaneUnavailable
        reason={connection.reason}
        startError={startError}
        locale={pickLocale(navigator.language)}
      />
    );
  view.render(
    <StrictMode>
      <FluentProvider theme={webLightTheme}>{content}</FluentProvider>
    </StrictMode>,
  );
}

start(document.getElementById('root')!);
