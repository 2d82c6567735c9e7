import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { Campaign, Enrolment } from '@sendwell/core';
import { createVoice } from '@sendwell/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import {
  type AnyRouter,
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  Outlet,
  RouterProvider,
} from '@tanstack/react-router';
import { type RenderResult, render } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { Answer, Sent } from '../../admin/testing';
import { createApiClient } from '../../api/client';
import { ServicesProvider } from '../../api/context';
import type { Session } from '../../api/session';
import { campaignRoutes } from './routes';

/**
 * A campaign component rendered with the app's real API client, query hooks and core's voice over a
 * table of answers (`'METHOD /path'`), inside a memory router (the pages link to each other),
 * recording what it sent. The server's behaviour is H2's HTTP tests' and the Playwright spec's.
 */

const NOW = new Date('2026-12-04T10:00:00Z');
export const voiceForTests = createVoice({ locale: 'en', timeZone: 'UTC', clock: { now: () => NOW } });

const person = (id: string, role: 'rep' | 'admin'): Session => ({
  token: 'test-session',
  expiresAt: '2026-12-04T18:00:00.000Z',
  user: { id, email: `${id}@contoso.test`, name: id.toUpperCase(), role, legacy: false, tenantId: 'contoso' },
});
export const REP = person('eli', 'rep');
export const ADMIN = person('ava', 'admin');

export function renderWithApi(
  ui: ReactNode,
  answers: Record<string, Answer>,
  session: Session = REP,
): RenderResult & { sent: Sent[] } {
  const router = createRouter({
    routeTree: createRootRoute({ component: () => ui }),
    history: createMemoryHistory({ initialEntries: ['/'] }),
  });
  return renderRouter(router, answers, session);
}

/** The campaign routes themselves (under a `signed-in` layout, as in the app) at `path`. */
export function renderCampaignRoutes(
  path: string,
  answers: Record<string, Answer>,
  session: Session = REP,
): RenderResult & { sent: Sent[] } {
  const root = createRootRoute({ component: Outlet });
  const signedIn = createRoute({ getParentRoute: () => root, id: 'signed-in', component: Outlet });
  const router = createRouter({
    routeTree: root.addChildren([signedIn.addChildren([...campaignRoutes(signedIn)])]),
    history: createMemoryHistory({ initialEntries: [path] }),
  });
  return renderRouter(router, answers, session);
}

function renderRouter(
  router: AnyRouter,
  answers: Record<string, Answer>,
  session: Session,
): RenderResult & { sent: Sent[] } {
  const sent: Sent[] = [];
  const fakeFetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://sendwell.test');
    const path = decodeURIComponent(url.pathname.replace(/^\/api\/v1/, ''));
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
    session,
    api: createApiClient({ token: session.token, fetch: fakeFetch as typeof fetch }),
    voice: voiceForTests,
  };
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <QueryClientProvider client={queryClient}>
        <ServicesProvider services={services}>
          <RouterProvider router={router} />
        </ServicesProvider>
      </QueryClientProvider>
    </FluentProvider>,
  );
  return { ...view, sent };
}

const ZERO = {
  enrolled: 0,
  sent: 0,
  bouncedHard: 0,
  bouncedSoft: 0,
  replied: 0,
  unsubscribed: 0,
  finished: 0,
  bounceRate: 0,
  replyRate: 0,
  unsubscribeRate: 0,
};

/** A two-step campaign owned by Eli (a rep), as `GET /campaigns/{id}` answers it. */
export function campaignFixture(patch: Partial<Campaign> = {}): Campaign {
  return {
    id: 'cmp-1',
    name: 'Spring outreach',
    timeZone: 'Europe/Paris',
    status: 'active',
    pause: null,
    owner: { id: 'eli', name: 'Eli', email: 'eli@contoso.test' },
    steps: [
      {
        id: 'st-1',
        templateId: 'tpl-1',
        templateName: 'Intro',
        delay: { amount: 0, unit: 'days', businessDays: false },
        window: null,
        thread: 'new',
      },
      {
        id: 'st-2',
        templateId: 'tpl-2',
        templateName: 'Follow-up',
        delay: { amount: 2, unit: 'days', businessDays: true },
        window: { startHour: 9, endHour: 17, days: ['mon', 'tue', 'wed', 'thu', 'fri'], zone: 'rep' },
        thread: 'same',
      },
    ],
    counts: { ...ZERO, active: 0, left: 0 },
    createdAt: '2026-12-01T09:00:00.000Z',
    updatedAt: '2026-12-01T09:00:00.000Z',
    ...patch,
  };
}

export function enrolmentFixture(email: string, patch: Partial<Enrolment> = {}): Enrolment {
  return {
    id: `enr-${email}`,
    campaignId: 'cmp-1',
    campaignName: 'Spring outreach',
    email,
    displayName: null,
    status: 'active',
    leftReason: null,
    leftDetail: null,
    stepsSent: 1,
    nextStep: 1,
    nextAt: '2026-12-07T08:00:00.000Z',
    enrolledAt: '2026-12-01T09:00:00.000Z',
    updatedAt: '2026-12-01T09:00:00.000Z',
    ...patch,
  };
}
