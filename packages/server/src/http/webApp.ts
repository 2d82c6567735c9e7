import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Clock, Logger, OAuthProvider } from '@sendwell/core';
import { type Context, Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import {
  issueSessionToken,
  readSigned,
  SESSION_TTL_MS,
  signed,
  verifySessionToken,
} from '../auth/sessionTokens';
import { type SignInPolicy, signInUser } from '../auth/signIn';
import {
  authorizationUrl,
  createWebSignIn,
  newPendingSignIn,
  type PendingSignIn,
  signInProviders,
  WebSignInFailed,
} from '../auth/webSignIn';
import type { ProviderSettings } from '../providerSettings';
import type { Db } from '../store/db';
import { findUser } from '../store/users';

const WEB_DIST = fileURLToPath(new URL('../../../web/dist', import.meta.url));
const SESSION_COOKIE = 'sw_session';
const PENDING_COOKIE = 'sw_signin';
/** How long a person may take on the provider's pages before the sign-in must start again. */
const PENDING_TTL_MS = 10 * 60_000;

export interface WebAppDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  /** The server secret: MACs the session token and the sign-in cookie. */
  secret: Buffer;
  providers: ProviderSettings & { policy: SignInPolicy };
  baseUrl: string;
  /** Where the built app lives (tests point it at a fixture). */
  distDir?: string;
  fetch?: typeof fetch;
}

/** The one place the session cookie's attributes are decided. */
const sessionCookie = (baseUrl: string, maxAgeSeconds: number) => ({
  httpOnly: true,
  sameSite: 'Lax' as const,
  path: '/app',
  secure: isHttps(baseUrl),
  maxAge: maxAgeSeconds,
});

const isProvider = (value: string): value is OAuthProvider => value === 'microsoft' || value === 'google';

/**
 * The team web app at `/app`: sign-in (OIDC code + PKCE against the configured providers, the
 * sandbox's consent pages in sandbox mode), the session (`GET /app/session` hands the page the
 * bearer token it calls `/api/v1` with), sign-out, and the built SPA with its index.html fallback.
 */
export function webAppRoutes(deps: WebAppDeps): Hono {
  const app = new Hono();
  const exchange = createWebSignIn();
  app.get('/auth/providers', (c) => c.json({ providers: signInProviders(deps.providers) }));
  app.get('/auth/start/:provider', (c) => startSignIn(c, deps));
  app.get('/auth/callback/:provider', (c) => finishSignIn(c, deps, exchange));
  app.get('/session', (c) => currentSession(c, deps));
  app.post('/signout', (c) => {
    deleteCookie(c, SESSION_COOKIE, { path: '/app', secure: isHttps(deps.baseUrl) });
    return c.body(null, 204);
  });
  app.route('/', spaRoutes(deps.distDir ?? WEB_DIST));
  return app;
}

const isHttps = (baseUrl: string) => baseUrl.startsWith('https:');

/** Back to the sign-in page with a code it words; never text from the request. */
const toSignIn = (c: Context, error: string) =>
  c.redirect(`/app/signin?error=${encodeURIComponent(error)}`, 302);

/** To the provider's consent page, with state, PKCE verifier and nonce kept in a signed cookie. */
function startSignIn(c: Context, deps: WebAppDeps) {
  const provider = c.req.param('provider') ?? '';
  if (!isProvider(provider)) return toSignIn(c, 'signin-unknown-provider');
  const pending = newPendingSignIn();
  const url = authorizationUrl(deps.providers, provider, deps.baseUrl, pending);
  if (!url) return toSignIn(c, 'signin-provider-not-configured');
  const value = signed(deps.secret, 'web-signin', {
    ...pending,
    provider,
    exp: deps.clock.now().getTime() + PENDING_TTL_MS,
  });
  setCookie(c, PENDING_COOKIE, value, {
    httpOnly: true,
    // Lax: the provider's redirect back to us is a top-level GET, which carries it.
    sameSite: 'Lax',
    path: '/app/auth',
    secure: isHttps(deps.baseUrl),
    maxAge: PENDING_TTL_MS / 1000,
  });
  return c.redirect(url, 302);
}

/** The provider's redirect back: our state, the code redeemed, the ID token proved, the user found. */
async function finishSignIn(c: Context, deps: WebAppDeps, exchange: ReturnType<typeof createWebSignIn>) {
  const provider = c.req.param('provider') ?? '';
  const pending = readPending(c, deps, provider);
  deleteCookie(c, PENDING_COOKIE, { path: '/app/auth', secure: isHttps(deps.baseUrl) });
  if (!isProvider(provider) || !pending) return toSignIn(c, 'signin-expired');
  const q = c.req.query();
  if (q.state !== pending.state) return toSignIn(c, 'signin-expired');
  if (q.error) return toSignIn(c, q.error === 'access_denied' ? 'signin-cancelled' : 'signin-refused');
  if (!q.code) return toSignIn(c, 'signin-refused');
  try {
    const person = await exchange({ ...deps, provider, code: q.code, pending });
    const outcome = await signInUser(deps.db, deps.providers.policy, person);
    if (outcome.outcome === 'refused') return toSignIn(c, outcome.code);
    const token = issueSessionToken(deps.secret, outcome.user.id, deps.clock.now());
    setCookie(c, SESSION_COOKIE, token, sessionCookie(deps.baseUrl, SESSION_TTL_MS / 1000));
    return c.redirect('/app/', 302);
  } catch (error) {
    if (!(error instanceof WebSignInFailed)) throw error;
    deps.logger.warn('web sign-in refused', { provider, reason: error.message });
    return toSignIn(c, error.code);
  }
}

/** `GET /app/session`: the cookie's token and who it is for, or 401 saying whether it expired. */
async function currentSession(c: Context, deps: WebAppDeps) {
  const token = getCookie(c, SESSION_COOKIE);
  const check = token ? verifySessionToken(deps.secret, token, deps.clock.now()) : null;
  const user = check?.outcome === 'valid' ? await findUser(deps.db, check.userId) : null;
  if (!token || !user || check?.outcome !== 'valid') {
    const code = check?.outcome === 'expired' ? 'session-expired' : 'unauthenticated';
    return c.json({ error: { code, message: 'Sign in to use the Sendwell web app.' } }, 401);
  }
  const { id, email, name, role, legacy, tenantId } = user;
  return c.json({
    token,
    expiresAt: check.expiresAt.toISOString(),
    user: { id, email, name, role, legacy, tenantId },
  });
}

function readPending(c: Context, deps: WebAppDeps, provider: string): PendingSignIn | null {
  const raw = getCookie(c, PENDING_COOKIE);
  const payload = raw ? readSigned(deps.secret, 'web-signin', raw) : null;
  if (!payload || payload.provider !== provider) return null;
  if (typeof payload.exp !== 'number' || payload.exp <= deps.clock.now().getTime()) return null;
  const { state, verifier, nonce } = payload;
  if (typeof state !== 'string' || typeof verifier !== 'string' || typeof nonce !== 'string') return null;
  return { state, verifier, nonce };
}

/**
 * The built files, and index.html for every other path without a file extension, so a reload on
 * `/app/sends/123` opens the app at that page. A missing asset stays a 404.
 */
function spaRoutes(dist: string): Hono {
  const app = new Hono();
  const notBuilt = (c: Context) =>
    c.text('The web app is not built yet: run `pnpm build` (npm start does this for you).', 503);
  app.use('*', async (c, next) => {
    if (!existsSync(dist)) return notBuilt(c);
    return serveStatic({ root: dist, rewriteRequestPath: (p) => p.replace(/^\/app/, '') })(c, next);
  });
  app.get('*', (c) => {
    const index = `${dist}/index.html`;
    if (/\.[a-z0-9]+$/i.test(c.req.path) || !existsSync(index))
      return c.json({ error: { code: 'not-found', message: `No file at ${c.req.path}.` } }, 404);
    // The shell is small and must never be cached: a new build changes its hashed asset names.
    return c.html(readFileSync(index, 'utf8'), 200, { 'cache-control': 'no-store' });
  });
  return app;
}
