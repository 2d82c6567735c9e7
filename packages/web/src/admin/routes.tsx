import { type AnyRoute, createRoute, redirect } from '@tanstack/react-router';
import { z } from 'zod';
import { AdminLayout } from './AdminLayout';
import { TeamAnalyticsPage } from './analytics/TeamAnalyticsPage';
import { AuditPage } from './audit/AuditPage';
import { ChannelsPage } from './channels/ChannelsPage';
import { ManifestsPage } from './manifests/ManifestsPage';
import { MembersPage } from './members/MembersPage';
import { BounceRulesPage } from './rules/BounceRulesPage';
import { ThrottlePage } from './throttle/ThrottlePage';
import { UnattributedPage } from './unattributed/UnattributedPage';

/**
 * The team admin's pages under `/admin`, hung off the app's signed-in layout by the router
 * (`...adminRoutes(signedInRoute)`). The layout refuses non-admins with a sentence (the API refuses
 * them too, with 403 `admin-only`): the nav hides Admin from reps, but a typed URL still lands here.
 */
export function adminRoutes<TParent extends AnyRoute>(parent: TParent) {
  const admin = createRoute({ getParentRoute: () => parent, path: 'admin', component: AdminLayout });
  const child = <TPath extends string>(path: TPath, component: () => React.ReactNode) =>
    createRoute({ getParentRoute: () => admin, path, component });

  const index = createRoute({
    getParentRoute: () => admin,
    path: '/',
    beforeLoad: () => {
      throw redirect({ to: '/admin/members' });
    },
  });
  const analytics = createRoute({
    getParentRoute: () => admin,
    path: 'analytics',
    validateSearch: z.object({ days: z.coerce.number().int().min(1).max(90).optional() }),
    component: TeamAnalyticsPage,
  });

  return [
    admin.addChildren([
      index,
      child('members', MembersPage),
      child('channels', ChannelsPage),
      child('throttle', ThrottlePage),
      child('rules', BounceRulesPage),
      analytics,
      child('unattributed', UnattributedPage),
      child('audit', AuditPage),
      child('manifests', ManifestsPage),
    ]),
  ] as const;
}
