import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient } from './api/client';
import { type AppServices, browserVoice, ServicesProvider } from './api/context';
import { fetchSession, type SessionAnswer } from './api/session';
import { createAppRouter } from './app/router';

/** Ends a session the server no longer honours: back to sign-in, saying why. */
const sessionEnded = (code: string) =>
  window.location.assign(
    `/app/signin?error=${code === 'session-expired' ? 'session-expired' : 'signin-expired'}`,
  );

function servicesFor(answer: SessionAnswer): AppServices | null {
  if (answer.outcome !== 'signed-in') return null;
  return {
    session: answer.session,
    api: createApiClient({ token: answer.session.token, onSessionEnded: sessionEnded }),
    voice: browserVoice(),
  };
}

/** The web app: ask the server who is signed in, then route (sign-in page or the signed-in pages). */
async function start(root: HTMLElement) {
  const answer = await fetchSession();
  const services = servicesFor(answer);
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
  });
  const router = createAppRouter({ queryClient, session: services?.session ?? null });
  const app = (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
  createRoot(root).render(
    <StrictMode>
      <FluentProvider theme={webLightTheme}>
        {answer.outcome === 'unreachable' ? (
          <p role="alert">Sendwell could not be reached ({answer.message}). Reload the page to try again.</p>
        ) : services ? (
          <ServicesProvider services={services}>{app}</ServicesProvider>
        ) : (
          app
        )}
      </FluentProvider>
    </StrictMode>,
  );
}

void start(document.getElementById('root')!);
