import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createVoice } from '@sendwell/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type RenderResult, render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createApiClient } from '../api/client';
import { ServicesProvider } from '../api/context';
import type { Session } from '../api/session';

/**
 * An admin page rendered with the app's real API client and query hooks over a table of answers
 * (`'METHOD /path'` → status and body), recording what the page sent. The server's own behaviour is
 * covered by its HTTP tests and the Playwright specs; this checks the page's wiring.
 */
export type Answer =
  | { status: number; body?: unknown }
  | ((body: unknown) => { status: number; body?: unknown });

export interface Sent {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
}

const ADMIN_SESSION: Session = {
  token: 'test-session',
  expiresAt: '2026-12-04T18:00:00.000Z',
  user: {
    id: 'ava',
    email: 'ava@contoso.test',
    name: 'Ava Reyes',
    role: 'admin',
    legacy: false,
    tenantId: 'contoso',
  },
};

export function renderAdmin(ui: ReactNode, answers: Record<string, Answer>): RenderResult & { sent: Sent[] } {
  const sent: Sent[] = [];
  const fakeFetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://sendwell.test');
    const path = url.pathname.replace(/^\/api\/v1/, '');
    const method = init?.method ?? 'GET';
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    sent.push({ method, path, query: Object.fromEntries(url.searchParams), body });
    const answer = answers[`${method} ${path}`];
    if (!answer)
      return Response.json(
        { error: { code: 'not-found', message: `No answer for ${method} ${path}` } },
        { status: 404 },
      );
    const { status, body: out } = typeof answer === 'function' ? answer(body) : answer;
    return out === undefined ? new Response(null, { status }) : Response.json(out, { status });
  };
  const services = {
    session: ADMIN_SESSION,
    api: createApiClient({ token: ADMIN_SESSION.token, fetch: fakeFetch as typeof fetch }),
    voice: createVoice({
      locale: 'en',
      timeZone: 'UTC',
      clock: { now: () => new Date('2026-12-04T10:00:00Z') },
    }),
  };
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <QueryClientProvider client={queryClient}>
        <ServicesProvider services={services}>{ui}</ServicesProvider>
      </QueryClientProvider>
    </FluentProvider>,
  );
  return { ...view, sent };
}
