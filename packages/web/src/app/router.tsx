import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { z } from 'zod';
import { adminRoutes } from '../admin/routes';
import type { Session } from '../api/session';
import { campaignRoutes } from '../pages/campaigns/routes';
import { HomePage } from '../pages/home/HomePage';
import { SendDetailPage } from '../pages/sends/SendDetailPage';
import { SendsPage } from '../pages/sends/SendsPage';
import { suppressionRoutes } from '../pages/suppressions/routes';
import { TemplatesPage } from '../pages/templates/TemplatesPage';
import { NotFound } from './NotFound';
import { Shell } from './Shell';
import { SignInPage } from './SignInPage';

export interface RouterContext {
  queryClient: QueryClient;
  /** Null until the person signs in: only the sign-in page is reachable then. */
  session: Session | null;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  // Only reached outside the signed-in layout (which has its own catch-all): a page of its own.
  notFoundComponent: () => (
    <main>
      <NotFound />
    </main>
  ),
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/signin',
  validateSearch: z.object({ error: z.string().optional() }),
  beforeLoad: ({ context }) => {
    if (context.session) throw redirect({ to: '/' });
  },
  component: SignInPage,
});

/** Every page behind sign-in hangs off this layout: the nav, the person's name, sign-out. */
const signedInRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'signed-in',
  beforeLoad: ({ context }) => {
    if (!context.session) throw redirect({ to: '/signin' });
  },
  component: Shell,
});

const homeRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/', component: HomePage });

const sendsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/sends',
  validateSearch: z.object({
    q: z.string().optional(),
    status: z.string().optional(),
    scope: z.enum(['mine', 'team']).optional(),
  }),
  component: SendsPage,
});

const sendDetailRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/sends/$sendId',
  component: SendDetailPage,
});

const templatesRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/templates',
  component: TemplatesPage,
});

const templateEditorRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/templates/$templateId',
  // `created`: the editor just made this template (the new page's "Saved." survives the move).
  validateSearch: z.object({ created: z.boolean().optional() }),
  // Tiptap and the charts load with their pages, not with the app's first screen.
  component: lazyRouteComponent(() => import('../pages/templates/TemplateEditorPage'), 'TemplateEditorPage'),
});

const numbersRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/numbers',
  validateSearch: z.object({ days: z.coerce.number().int().min(1).max(90).optional() }),
  component: lazyRouteComponent(() => import('../pages/numbers/NumbersPage'), 'NumbersPage'),
});

/** Any other address, signed in: "Page not found" inside the nav, so the way back is right there. */
const unknownRoute = createRoute({ getParentRoute: () => signedInRoute, path: '$', component: NotFound });

const routeTree = rootRoute.addChildren([
  signInRoute,
  signedInRoute.addChildren([
    homeRoute,
    sendsRoute,
    sendDetailRoute,
    templatesRoute,
    templateEditorRoute,
    numbersRoute,
    ...campaignRoutes(signedInRoute),
    ...suppressionRoutes(signedInRoute),
    ...adminRoutes(signedInRoute),
    unknownRoute,
  ]),
]);

export function createAppRouter(context: RouterContext) {
  return createRouter({ routeTree, basepath: '/app', context, defaultPreload: false });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
