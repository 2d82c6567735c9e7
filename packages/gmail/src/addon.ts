import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createGoogleRequestVerifier, GoogleAuthError } from './auth/verifyGoogleRequest';
import { pushCard, updateCard } from './cards/responses';
import type { AddonResponse } from './cards/types';
import type { GmailAddonDeps } from './deps';
import { addonEventSchema, utcOffsetMinutes } from './event';
import { onCompose, onInsertTemplate, onSendWithSendwell } from './handlers/compose';
import type { AddonContext } from './handlers/context';
import { onHome, onRefresh } from './handlers/home';
import { notConnectedCard } from './handlers/notConnected';

type Handler = (ctx: AddonContext) => Promise<AddonResponse>;

/** `?t=` triggers, as configured in deployment.json. `open` is the unconditional contextual trigger. */
const TRIGGERS: Record<string, Handler> = { home: onHome, open: onHome, compose: onCompose };

/** `?t=action&a=` card callbacks. */
export const ACTIONS: Record<string, Handler> = {
  refresh: onRefresh,
  'insert-template': onInsertTemplate,
  'send-with-sendwell': onSendWithSendwell,
};

const fail = (c: Context, status: 400 | 401 | 413 | 500, code: string, message: string) =>
  c.json({ error: { code, message } }, status);

function handlerFor(trigger: string | undefined, action: string | undefined): Handler | undefined {
  if (trigger === 'action') return action ? ACTIONS[action] : undefined;
  return trigger ? TRIGGERS[trigger] : undefined;
}

/**
 * The Gmail HTTP add-on: `POST /addon?t=home|open|compose|action[&a=<name>]`, Workspace event object
 * in, card JSON out. Every request must carry Google's system ID token (Authorization header) and
 * the user's ID token (event body); both are verified before anything else happens.
 */
export function createGmailAddon(deps: GmailAddonDeps): Hono {
  const verify = createGoogleRequestVerifier(deps.auth);
  const app = new Hono();
  app.use('/addon', bodyLimit({ maxSize: 256 * 1024, onError: (c) => fail(c, 413, 'body-too-large', 'Event body is too large.') }));

  app.post('/addon', async (c) => {
    const handler = handlerFor(c.req.query('t'), c.req.query('a'));
    if (!handler) return fail(c, 400, 'unknown-trigger', 'Unknown trigger or action.');
    const body: unknown = await c.req.json().catch(() => undefined);
    const parsed = addonEventSchema.safeParse(body);
    if (!parsed.success) return fail(c, 400, 'invalid-event', 'The body is not a Workspace add-on event object.');
    const event = parsed.data;
    let email: string;
    try {
      ({ email } = await verify({ authorization: c.req.header('authorization'), userIdToken: event.authorizationEventObject?.userIdToken }));
    } catch (error) {
      if (error instanceof GoogleAuthError) return fail(c, 401, error.code, error.message);
      throw error;
    }
    const user = await deps.userByEmail(email);
    if (!user) {
      const card = notConnectedCard(email);
      return c.json(c.req.query('t') === 'action' ? updateCard(card) : pushCard(card));
    }
    return c.json(await handler({ deps, user, event, offsetMinutes: utcOffsetMinutes(event) }));
  });

  app.onError((_error, c) => fail(c, 500, 'internal', 'The add-on could not answer; try again.'));
  return app;
}
