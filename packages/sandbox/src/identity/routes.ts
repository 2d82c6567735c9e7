import { Hono } from 'hono';
import { z } from 'zod';
import type { SandboxContext } from '../context';
import { loopbackOnly } from '../dev/loopbackOnly';
import { findUser, type SandboxUser } from '../users';

const tokenRequest = z.object({
  userId: z.string().min(1),
  kind: z.enum(['microsoft-access', 'google-id', 'google-system-id', 'google-access']),
  audience: z.string().min(1).optional(),
});

/**
 * The tenant in Entra's discovery `issuer`: a tenant named by domain or name is its GUID; the
 * multi-tenant aliases answer the literal `{tenantid}` template, as login.microsoftonline.com does.
 */
function issuerTenant(users: readonly SandboxUser[], tenant: string): string {
  const key = tenant.toLowerCase();
  if (['common', 'organizations', 'consumers'].includes(key)) return '{tenantid}';
  const user = users.find(
    (u) =>
      u.provider === 'exchange' &&
      (u.tenantId === key || u.tenantName === key || u.email.endsWith(`@${key}`)),
  );
  return user?.tenantId ?? tenant;
}

/** JWKS and discovery documents, as Entra ID and Google publish them, at sandbox paths. */
export function identityRoutes(ctx: SandboxContext): Hono {
  const app = new Hono();
  const { identity } = ctx;
  app.get('/login/:tenant/discovery/v2.0/keys', async (c) => c.json(await identity.microsoftJwks()));
  app.get('/login/:tenant/v2.0/.well-known/openid-configuration', (c) => {
    const tenant = c.req.param('tenant');
    return c.json({
      issuer: identity.microsoftIssuer(issuerTenant(ctx.users, tenant)),
      jwks_uri: `${ctx.baseUrl}/login/${tenant}/discovery/v2.0/keys`,
      authorization_endpoint: `${ctx.baseUrl}/login/${tenant}/oauth2/v2.0/authorize`,
      token_endpoint: `${ctx.baseUrl}/login/${tenant}/oauth2/v2.0/token`,
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      response_modes_supported: ['query', 'fragment', 'form_post'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      claims_supported: [
        'sub',
        'iss',
        'aud',
        'exp',
        'iat',
        'nonce',
        'name',
        'preferred_username',
        'oid',
        'tid',
        'ver',
        'email',
      ],
      request_uri_parameter_supported: false,
    });
  });
  app.get('/google/oauth2/v3/certs', async (c) => c.json(await identity.googleJwks()));
  app.get('/google/accounts/.well-known/openid-configuration', (c) =>
    c.json({
      issuer: identity.googleIssuer,
      authorization_endpoint: `${ctx.baseUrl}/google/accounts/o/oauth2/v2/auth`,
      token_endpoint: `${ctx.baseUrl}/google/oauth2/token`,
      userinfo_endpoint: `${ctx.baseUrl}/google/openidconnect/v1/userinfo`,
      revocation_endpoint: `${ctx.baseUrl}/google/oauth2/revoke`,
      jwks_uri: `${ctx.baseUrl}/google/oauth2/v3/certs`,
      response_types_supported: [
        'code',
        'token',
        'id_token',
        'code token',
        'code id_token',
        'token id_token',
        'code token id_token',
        'none',
      ],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      scopes_supported: ['openid', 'email', 'profile'],
      token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
      claims_supported: [
        'aud',
        'email',
        'email_verified',
        'exp',
        'family_name',
        'given_name',
        'iat',
        'iss',
        'name',
        'picture',
        'sub',
      ],
      code_challenge_methods_supported: ['plain', 'S256'],
      grant_types_supported: [
        'authorization_code',
        'refresh_token',
        'urn:ietf:params:oauth:grant-type:device_code',
        'urn:ietf:params:oauth:grant-type:jwt-bearer',
      ],
    }),
  );
  return app;
}

/**
 * Helpers for the demo pages: who the users are, and tokens for them (never use outside the sandbox;
 * the token route answers only on loopback: `dev/loopbackOnly.ts`).
 */
export function devRoutes(ctx: SandboxContext): Hono {
  const app = new Hono();
  app.get('/users', (c) => c.json({ users: ctx.users }));
  app.post('/token', loopbackOnly(), async (c) => {
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
