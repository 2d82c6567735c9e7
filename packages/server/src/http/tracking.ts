import { Hono } from 'hono';
import type { OutcomeDeps } from '../services/outcomeDeps';

/** `GET /t/c/<token>` (click redirect) and `GET /t/o/<token>.gif` (open pixel). STUB (H1). */
export function trackingRoutes(_deps: OutcomeDeps & { secret: Buffer }): Hono {
  return new Hono();
}
