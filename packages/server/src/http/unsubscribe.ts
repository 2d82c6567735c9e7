import { Hono } from 'hono';
import type { OutcomeDeps } from '../services/outcomeDeps';

/** `GET|POST /u/<token>`: RFC 8058 one-click unsubscribe. STUB (H3). */
export function unsubscribeRoutes(_deps: OutcomeDeps & { secret: Buffer }): Hono {
  return new Hono();
}
