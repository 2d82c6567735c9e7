import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { missingScopes, requiredScopes } from './auth/scopes';
import {
  createGoogleTokenChecks,
  GoogleAuthError,
  type GoogleIdentity,
  type GoogleTokenChecks,
} from './auth/verifyGoogleRequest';
import { connectCard } from './cards/connectCard';
import { pushCard, updateCard } from './cards/responses';
import type { AddonResponse, Card } from './cards/types';
import type { GmailAddonDeps } from './deps';
import { type AddonEvent, addonEventSchema, voiceFor } from './event';
import { onCampaignAdd, onPersonRemove } from './handlers/campaigns';
import { onCompose, onComposeRefresh, onTemplateRecent } from './handlers/compose';
import { isUsable, loadGmailConnection } from './handlers/connection';
import type { AddonContext } from './handlers/context';
import { onCancelSend, onHome, onRefresh } from './handlers/home';
import { onInsertTemplate } from './handlers/insert';
import { notConnectedCard } from './handlers/notConnected';
import { onNoticeRemove, onNoticeSuppress, onOpen } from './handlers/notice';
import { onSendDraft, onSendWithSendwell } from './handlers/send';

type Handler = (ctx: AddonContext) => Promise<AddonResponse>;

/**
 * `?t=` triggers, as configured in deployment.json. `open` is the unconditional contextual trigger:
 * a bounce notice gets the notice card, any other message the home card.
 */
const TRIGGERS: Record<string, Handler> = { home: onHome, open: onOpen, compose: onCompose };

/** `?t=action&a=` card callbacks. */
export const ACTIONS: Record<string, Handler> = {
  refresh: onRefresh,
  'insert-template': onInsertTemplate,
  'send-with-sendwell': onSendWithSendwell,
  'send-draft': onSendDraft,
  'compose-refresh': onComposeRefresh,
  'template-recent': onTemplateRecent,
  'campaign-add': onCampaignAdd,
  'person-remove': onPersonRemove,
  'cancel-send': onCancelSend,
  'notice-remove': onNoticeRemove,
  'notice-suppress': onNoticeSuppress,
};

const fail = (c: Context, status: 400 | 401 | 413 | 500, code: string, message: string) =>
  c.json({ error: { code, message } }, status);

function handlerFor(trigger: string | undefined, action: string | undefined): Handler | undefined {
  if (trigger === 'action') return action ? ACTIONS[action] : undefined;
  return trigger ? TRIGGERS[trigger] : undefined;
}

type Authenticated = { ok: true; identity: GoogleIdentity } | { ok: false; response: Response };

/** Google first (system token), then consent (granular scopes), then the user (user ID token). */
async function authenticate(
  c: Context,
  checks: GoogleTokenChecks,
  event: AddonEvent,
): Promise<Authenticated> {
  try {
    await checks.system(c.req.header('authorization'));
    const required = requiredScopes(c.req.query('t') ?? '', c.req.query('a'));
    const missing = missingScopes(required, event.authorizationEventObject?.authorizedScopes);
    // Gmail asks the user for these and re-runs the request once granted.
    if (missing.length)
      return { ok: false, response: c.json({ requesting_google_scopes: { scopes: missing } }) };
    return { ok: true, identity: await checks.user(event.authorizationEventObject?.userIdToken) };
  } catch (error) {
    if (error instanceof GoogleAuthError)
      return { ok: false, response: fail(c, 401, error.code, error.message) };
    throw error;
  }
}

/**
 * The Gmail HTTP add-on: `POST /addon?t=home|open|compose|action[&a=<name>]`, Workspace event object
 * in, card JSON out. Every request must carry Google's system ID token (Authorization header) and
 * the user's ID token (event body); both are verified before anything else happens.
 */
export function createGmailAddon(deps: GmailAddonDeps): Hono {
  // Token lifetimes are checked against the same clock as everything else.
  const checks = createGoogleTokenChecks({ ...deps.auth, clock: deps.auth.clock ?? deps.clock });
  const app = new Hono();
  app.use(
    '/addon',
    bodyLimit({
      maxSize: 256 * 1024,
      onError: (c) => fail(c, 413, 'body-too-large', 'Event body is too large.'),
    }),
  );

  app.post('/addon', async (c) => {
    const handler = handlerFor(c.req.query('t'), c.req.query('a'));
    if (!handler) return fail(c, 400, 'unknown-trigger', 'Unknown trigger or action.');
    const parsed = addonEventSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success)
      return fail(c, 400, 'invalid-event', 'The body is not a Workspace add-on event object.');
    const event = parsed.data;
    const auth = await authenticate(c, checks, event);
    if (!auth.ok) return auth.response;
    const show = (card: Card) => c.json(c.req.query('t') === 'action' ? updateCard(card) : pushCard(card));
    const { identity } = auth;
    // The account is Google's immutable `sub`, never the email in the token.
    const who = await deps.userByIdentity({
      subject: identity.subject,
      email: identity.email,
      hostedDomain: identity.hostedDomain,
      ...(identity.name ? { name: identity.name } : {}),
    });
    const voice = voiceFor(event, deps.clock);
    if (who.outcome === 'refused') return show(notConnectedCard(identity.email, who.reason, voice));
    const { user } = who;
    const connection = await loadGmailConnection(deps, user.userId);
    if (!isUsable(connection))
      return show(connectCard({ addonUrl: deps.addonUrl, email: user.email, ...connection, voice }));
    return c.json(await handler({ deps, user, event, voice, connection }));
  });

  app.onError((error, c) => {
    // The message and route only: events carry tokens, so they are never logged.
    deps.logger?.error('gmail add-on request failed', {
      trigger: c.req.query('t'),
      action: c.req.query('a'),
      error: error.message,
    });
    return fail(c, 500, 'internal', 'The add-on could not answer; try again.');
  });
  return app;
}
