import { Hono } from 'hono';
import { z } from 'zod';
import type { SandboxContext } from '../context';
import { findUser } from '../users';

const tokenRequest = z.object({
  userId: z.string().min(1),
  kind: z.enum(['microsoft-access', 'google-id', 'google-system-id', 'google-access']),
  audience: z.string().min(1).optional(),
});

/** JWKS and discovery documents, as Entra ID and Google publish them, at sandbox paths. */
export function identityRoutes(ctx: SandboxContext): Hono {
  const app = new Hono();
  const { identity } = ctx;
  app.get('/login/:tenant/discovery/v2.0/keys', async (c) => c.json(await identity.microsoftJwks()));
  app.get('/login/:tenant/v2.0/.well-known/openid-configuration', (c) => {
    const tenant = c.req.param('tenant');
    return c.json({
      issuer: identity.microsoftIssuer(tenant),
      jwks_uri: `${ctx.baseUrl}/login/${tenant}/discovery/v2.0/keys`,
      authorization_endpoint: `${ctx.baseUrl}/login/${tenant}/oauth2/v2.0/authorize`,
      token_endpoint: `${ctx.baseUrl}/login/${tenant}/oauth2/v2.0/token`,
      id_token_signing_alg_values_supported: ['RS256'],
    });
  });
  app.get('/google/oauth2/v3/certs', async (c) => c.json(await identity.googleJwks()));
  app.get('/google/accounts/.well-known/openid-configuration', (c) =>
    c.json({
      issuer: identity.googleIssuer,
      jwks_uri: `${ctx.baseUrl}/google/oauth2/v3/certs`,
      id_token_signing_alg_values_supported: ['RS256'],
    }),
  );
  return app;
}

/** Helpers for the demo pages: who the users are, and tokens for them (never use outside the sandbox). */
export function devRoutes(ctx: SandboxContext): Hono {
  const app = new Hono();
  app.get('/users', (c) => c.json({ users: ctx.users }));
  app.post('/token', async (c) => {
    const parsed = tokenRequest.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success)
      return c.json(
        { error: { code: 'invalid-request', message: 'Expected {userId, kind, audience?}.' } },
        400,
      );
    const { userId, kind, audience } = parsed.data;
    const user = findUser(ctx.users, userId);
    if (!user && kind !== 'google-system-id')
      return c.json({ error: { code: 'unknown-user', message: `No sandbox user ${userId}.` } }, 404);
    const { identity } = ctx;
    switch (kind) {
      case 'microsoft-access':
        if (user!.provider !== 'exchange')
          return c.json(
            { error: { code: 'wrong-provider', message: `${user!.email} has no Exchange mailbox.` } },
            400,
          );
        return c.json({ token: await identity.issueMicrosoftToken(user!.id, audience) });
      case 'google-id':
        return c.json({ token: await identity.issueGoogleIdToken(user!.id, audience) });
      case 'google-system-id':
        if (!audience)
          return c.json(
            {
              error: {
                code: 'invalid-request',
                message: 'A system ID token needs the endpoint URL as audience.',
              },
            },
            400,
          );
        return c.json({ token: await identity.issueGoogleSystemIdToken(audience) });
      case 'google-access':
        if (user!.provider !== 'gmail')
          return c.json(
            { error: { code: 'wrong-provider', message: `${user!.email} has no Gmail mailbox.` } },
            400,
          );
        return c.json({ token: identity.issueGoogleAccessToken(user!.id) });
    }
  });
  return app;
}
