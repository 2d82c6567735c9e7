import { type AnyRoute, createRoute } from '@tanstack/react-router';
import { z } from 'zod';
import { SuppressionsPage } from './SuppressionsPage';

/** `/suppressions?email=`: hung off the signed-in layout by the router (`...suppressionRoutes(signedInRoute)`). */
export function suppressionRoutes<TParent extends AnyRoute>(parent: TParent) {
  const list = createRoute({
    getParentRoute: () => parent,
    path: 'suppressions',
    validateSearch: z.object({ email: z.string().max(320).optional() }),
    component: SuppressionsPage,
  });
  return [list] as const;
}
