import { Hono } from 'hono';
import { z } from 'zod';
import type { SandboxContext } from '../context';
import type { OneClickClient } from '../responses/oneClick';

const addressQuery = z.object({ address: z.string().trim().toLowerCase().email() });
const resetBody = z.object({ address: z.string().trim().toLowerCase().email().optional() }).strict();

const refuse = (message: string) => ({ error: { code: 'invalid-request', message } });

/**
 * Provider call accounting and what the recipients' mail clients did:
 * - `GET /dev/calls?address=` → `CallSummary` (`calls/log.ts`): every Graph, Gmail and EWS request
 *   answered for that mailbox (sandbox people and EWS users alike; none yet → zeros) since the last reset, counts by route and kind, `mutating`, `sends`,
 *   `drafts`, `quotaUnits` (Gmail's published per-method units).
 * - `POST /dev/calls/reset` `{address?}` → `{reset: address | 'all'}`.
 * - `GET /dev/unsubscribes` → `{unsubscribes: OneClickEntry[]}` (RFC 8058 POSTs by `*@unsubscribe.test`).
 */
export function devCallRoutes(ctx: SandboxContext, oneClick: OneClickClient): Hono {
  const app = new Hono();
  app.get('/calls', (c) => {
    const parsed = addressQuery.safeParse({ address: c.req.query('address') ?? '' });
    if (!parsed.success) return c.json(refuse('Give the mailbox as ?address=<email>.'), 400);
    return c.json(ctx.calls.summary(parsed.data.address));
  });
  app.post('/calls/reset', async (c) => {
    const text = await c.req.text();
    let json: unknown = {};
    try {
      json = text.trim() ? JSON.parse(text) : {};
    } catch {
      return c.json(refuse('The body must be JSON: {"address"?: string}.'), 400);
    }
    const parsed = resetBody.safeParse(json);
    if (!parsed.success)
      return c.json(refuse('The body must be {"address"?: string} with an email address.'), 400);
    ctx.calls.reset(parsed.data.address);
    return c.json({ reset: parsed.data.address ?? 'all' });
  });
  app.get('/unsubscribes', (c) => c.json({ unsubscribes: oneClick.entries() }));
  return app;
}
