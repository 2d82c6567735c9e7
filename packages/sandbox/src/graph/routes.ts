import { Hono } from 'hono';
import { classifyGraph } from '../calls/classify';
import { logCalls } from '../calls/log';
import type { SandboxContext } from '../context';
import type { SandboxUser } from '../users';
import { folderDeltaHandler } from './delta';
import { graphError } from './errors';
import { folderListHandler } from './folderList';
import { messageJson, parseSelect } from './messageJson';
import { sendMailHandler } from './sendMail';

type Env = { Variables: { user: SandboxUser } };

/** The Microsoft Graph subset, mounted at `<base>/graph/v1.0`. */
export function graphRoutes(ctx: SandboxContext): Hono<Env> {
  const app = new Hono<Env>();
  const inFlight = new Map<string, number>();
  app.use(
    logCalls(
      ctx.calls,
      'graph',
      classifyGraph,
      () => ctx.clock.now(),
      (a) => ctx.stalls.afterSend(a),
    ),
  );

  app.use(async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const token = /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim() ?? '';
    const check = await ctx.identity.checkGraphToken(token);
    if (!check.ok) {
      // A grant revoked (or a password changed) since the token was issued: Graph's CAE challenge.
      const challenge: Record<string, string> = check.claimsChallenge
        ? {
            'WWW-Authenticate': `Bearer realm="", authorization_uri="${ctx.baseUrl}/login/common/oauth2/authorize", error="insufficient_claims", claims="${check.claimsChallenge}"`,
          }
        : {};
      return graphError(c, 401, 'InvalidAuthenticationToken', check.message, challenge);
    }
    c.set('user', check.user);
    await next();
    return undefined;
  });

  // 4 concurrent requests per app and mailbox (Graph throttling limits, "Outlook service limits").
  app.use(async (c, next) => {
    const mailbox = c.var.user.mailboxId;
    const running = inFlight.get(mailbox) ?? 0;
    if (running >= ctx.limits.exchange.concurrentRequests) {
      // Retry-After value assumed; the code and message are the ones Graph sends.
      return graphError(c, 429, 'ApplicationThrottled', 'Application is over its MailboxConcurrency limit.', {
        'Retry-After': '1',
      });
    }
    inFlight.set(mailbox, running + 1);
    try {
      await ctx.gates.wait(mailbox);
      await next();
      return undefined;
    } finally {
      inFlight.set(mailbox, (inFlight.get(mailbox) ?? 1) - 1);
    }
  });

  app.get('/me', (c) => {
    const u = c.var.user;
    return c.json({
      '@odata.context': `${ctx.baseUrl}/graph/v1.0/$metadata#users/$entity`,
      id: u.subject,
      displayName: u.name,
      mail: u.email,
      userPrincipalName: u.email,
    });
  });
  app.post('/me/sendMail', sendMailHandler(ctx));
  app.get('/me/mailFolders/:folder/messages/delta', folderDeltaHandler(ctx));
  app.get('/me/mailFolders/:folder/messages', folderListHandler(ctx));
  app.get('/me/messages/:id', (c) => {
    const message = ctx.store.find(c.var.user.mailboxId, c.req.param('id'));
    if (!message)
      return graphError(c, 404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
    const select = parseSelect(c.req.query('$select'));
    if (!select.ok)
      return graphError(
        c,
        400,
        'RequestBroker--ParseUri',
        `Could not find a property named '${select.unknown}' on type 'microsoft.graph.message'.`,
      );
    return c.json({
      '@odata.context': `${ctx.baseUrl}/graph/v1.0/$metadata#users('${c.var.user.subject}')/messages/$entity`,
      ...messageJson(message, c.var.user.mailboxId, select.properties),
    });
  });
  app.get('/me/messages/:id/*', (c) => {
    const message = ctx.store.find(c.var.user.mailboxId, c.req.param('id'));
    if (!c.req.path.endsWith('/$value'))
      return graphError(c, 400, 'BadRequest', 'Resource not found for the segment.');
    if (!message)
      return graphError(c, 404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
    // Assumed content type: Graph returns the MIME text as the response body.
    return c.body(message.raw, 200, { 'Content-Type': 'text/plain' });
  });
  app.notFound((c) =>
    graphError(c, 400, 'BadRequest', `Resource not found for the segment '${c.req.path.split('/').pop()}'.`),
  );
  return app;
}
