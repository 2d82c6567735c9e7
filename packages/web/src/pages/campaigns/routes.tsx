import { CAMPAIGN_STATUSES } from '@sendwell/core';
import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { z } from 'zod';
import { CampaignsPage } from './CampaignsPage';

/**
 * The campaign pages, hung off the app's signed-in layout by the router
 * (`...campaignRoutes(signedInRoute)`): the list (with the person lookup), a new campaign, one
 * campaign, and its step editor. The campaign and editor pages load with their route.
 */
export function campaignRoutes<TParent extends AnyRoute>(parent: TParent) {
  const list = createRoute({
    getParentRoute: () => parent,
    path: 'campaigns',
    validateSearch: z.object({
      scope: z.enum(['mine', 'team']).optional(),
      status: z.enum(CAMPAIGN_STATUSES).optional(),
    }),
    component: CampaignsPage,
  });
  const create = createRoute({
    getParentRoute: () => parent,
    path: 'campaigns/new',
    component: lazyRouteComponent(() => import('./CampaignEditorPage'), 'NewCampaignPage'),
  });
  const one = createRoute({
    getParentRoute: () => parent,
    path: 'campaigns/$campaignId',
    component: lazyRouteComponent(() => import('./CampaignPage'), 'CampaignPage'),
  });
  const edit = createRoute({
    getParentRoute: () => parent,
    path: 'campaigns/$campaignId/edit',
    component: lazyRouteComponent(() => import('./CampaignEditorPage'), 'EditCampaignPage'),
  });
  return [list, create, one, edit] as const;
}
