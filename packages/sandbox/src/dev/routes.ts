import { type Context, Hono } from 'hono';
import { z } from 'zod';
import type { SandboxContext } from '../context';
import { smtpDevSection } from '../smtp/devSection';
import { findUser, type SandboxUser } from '../users';
import { devPage } from './page';

const userRequest = z.object({ userId: z.string().min(1) });

type Action = 'revoke' | 'password';

/** `{userId}` from JSON (tests, scripts) or a form post (the page's buttons). */
async function readUserId(c: Context): Promise<{ userId: string | null; fromForm: boolean }> {
  const fromForm = !/application\/json/i.test(c.req.header('content-type') ?? '');
  const raw = fromForm ? await c.req.parseBody() : await c.req.json().catch(() => null);
  const parsed = userRequest.safeParse(raw);
  return { userId: parsed.success ? parsed.data.userId : null, fromForm };
}

function noticeFor(action: Action, user: SandboxUser, count: number): string {
  if (action === 'revoke')
    return count
      ? `Sendwell's access to ${user.name}'s account was removed: its refresh and access tokens no longer work.`
      : `${user.name} had not given Sendwell access; nothing to remove.`;
  return `${user.name}'s password was changed: refresh tokens issued before now no longer work.`;
}

/**
 * The sandbox's account-settings page and its two actions: "Revoke Sendwell's access" (every grant of
 * the user, with its refresh and access tokens) and "Change password" (Entra: refresh tokens die with
 * AADSTS50173 and Graph rejects earlier access tokens; Google: refresh tokens with Gmail scopes die).
 */
export function devAccountRoutes(ctx: SandboxContext): Hono {
  const app = new Hono();
  const grants = ctx.identity.grants;

  app.get('/', (c) => {
    const action = c.req.query('done') as Action | undefined;
    const user = findUser(ctx.users, c.req.query('user') ?? '');
    const notice =
      user && (action === 'revoke' || action === 'password')
        ? noticeFor(action, user, Number(c.req.query('count') ?? '0'))
        : null;
    const rows = ctx.users.map((u) => ({ user: u, grants: grants.grantsOf(u.id) }));
    return c.html(devPage(rows, notice, ctx.baseUrl, smtpDevSection(ctx.smtp, ctx.baseUrl)));
  });

  const handle = (action: Action) => async (c: Context) => {
    const { userId, fromForm } = await readUserId(c);
    const user = userId ? findUser(ctx.users, userId) : undefined;
    if (!user)
      return c.json({ error: { code: 'unknown-user', message: `No sandbox user ${userId ?? ''}.` } }, 404);
    let count = 1;
    if (action === 'revoke') count = grants.revokeUser(user.id);
    else grants.changePassword(user.id);
    if (fromForm) return c.redirect(`${ctx.baseUrl}/dev?done=${action}&user=${user.id}&count=${count}`, 303);
    return c.json({ userId: user.id, action, grants: count, message: noticeFor(action, user, count) });
  };
  app.post('/revoke', handle('revoke'));
  app.post('/password', handle('password'));
  return app;
}
