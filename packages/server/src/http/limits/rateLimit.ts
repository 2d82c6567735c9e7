import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import { Buckets } from './buckets';
import type { Family, Limits } from './settings';

/** The route family a path belongs to; null for the sandbox (a stand-in for Microsoft and Google). */
export function familyOf(path: string): Family | null {
  if (path === '/sandbox' || path.startsWith('/sandbox/')) return null;
  if (path.startsWith('/api/')) return 'api';
  if (path.startsWith('/gmail/')) return 'addon';
  if (path.startsWith('/app/auth/') || path.startsWith('/connect/')) return 'signin';
  if (path.startsWith('/t/') || path.startsWith('/u/')) return 'tracking';
  return 'other';
}

/**
 * The client's address: the socket's peer, or the last `X-Forwarded-For` hop when a proxy is trusted.
 * Null when the request did not come over a socket (tests calling `app.fetch` in-process).
 */
function clientIp(c: Context, trustProxy: boolean): string | null {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  const peer = incoming?.socket?.remoteAddress ?? null;
  if (!peer || !trustProxy) return peer;
  const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
  return forwarded || peer;
}

/** The credential a request carries, if any: a bearer token, or the feed stream's `access_token`. */
function credentialOf(c: Context): string | null {
  const bearer = c.req.header('authorization')?.match(/^Bearer\s+(.+)$/i)?.[1];
  if (bearer) return bearer;
  if (c.req.path === '/api/v1/feed/stream') return c.req.query('access_token') ?? null;
  return null;
}

const hashed = (token: string) => createHash('sha256').update(token).digest('base64url').slice(0, 22);

function tooMany(c: Context, retryAfterS: number, what: string) {
  c.header('Retry-After', String(retryAfterS));
  return c.json(
    {
      error: {
        code: 'rate-limited',
        message: `Too many ${what}: try again in ${retryAfterS} s (the Retry-After header says when).`,
      },
    },
    429,
  );
}

/**
 * Per-IP budgets by route family, a per-token budget on the API, and a much smaller per-IP budget
 * for requests whose credentials were refused (401): guessing tokens gets 20 tries, then 10 a minute.
 */
export function rateLimits(limits: Limits, buckets = new Buckets()): MiddlewareHandler {
  return async (c, next) => {
    const family = familyOf(c.req.path);
    const ip = limits.rateLimits && family ? clientIp(c, limits.trustProxy) : null;
    if (!family || !ip) return next();
    const byIp = buckets.take(`ip:${family}:${ip}`, limits.perIp[family]);
    if (!byIp.ok) return tooMany(c, byIp.retryAfterS, 'requests from this address');
    const credential = credentialOf(c) ?? (c.req.header('cookie') ? 'cookie' : null);
    if (credential) {
      const failures = buckets.peek(`fail:${ip}`, limits.authFailures);
      if (!failures.ok) return tooMany(c, failures.retryAfterS, 'refused sign-in attempts from this address');
    }
    if (family === 'api' && credential && credential !== 'cookie') {
      const byToken = buckets.take(`token:${hashed(credential)}`, limits.perToken);
      if (!byToken.ok) return tooMany(c, byToken.retryAfterS, 'requests with this token');
    }
    await next();
    if (credential && c.res.status === 401) buckets.charge(`fail:${ip}`, limits.authFailures);
  };
}
