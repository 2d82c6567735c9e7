import type { Logger } from '@sendwell/core';
import type { Context, MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import { REDACTED, redactText } from './redact';
import { requestIdFrom, withRequestId } from './requestContext';

const REQUEST_ID = 'X-Request-Id';

/** Path parameters that carry a credential (unsubscribe and tracking links are signed tokens). */
const SECRET_PARAM = /token|secret|sig|code|key/i;

/**
 * The path as logged: no query string (OAuth codes and states travel there), and every path
 * parameter that holds a credential replaced, e.g. `/u/[redacted]`.
 */
function loggedPath(c: Context): string {
  let path = c.req.path;
  let params: Record<string, string> = {};
  try {
    params = c.req.param() as Record<string, string>;
  } catch {
    // No route matched: no parameters to hide.
  }
  for (const [name, value] of Object.entries(params))
    if (value && SECRET_PARAM.test(name)) path = path.split(value).join(REDACTED);
  return redactText(path);
}

/**
 * Successful answers on these paths are not logged: probes and scrapes come every few seconds, and
 * in sandbox mode our own workers call the in-process sandbox (Microsoft's and Google's stand-ins,
 * whose access logs we would never see either) every second. Their failures are logged.
 */
const QUIET = /^\/(healthz|readyz|metrics)$|^\/sandbox\//;

/** The route pattern that answered (`/api/v1/sends/:id`), or null when nothing but 404 did. */
function routeOf(c: Context): string | null {
  const pattern = routePath(c);
  return pattern === '*' || pattern === '/*' ? null : pattern;
}

/**
 * Every request gets an id (the client's `X-Request-Id` if sane, else a new one) that is echoed
 * back and put on every log line written while handling it; one access line is written when the
 * response starts: method, route, path without query, status, ms (not for successful probes,
 * scrapes and sandbox calls: `QUIET`). For a stream (the SSE feed)
 * `ms` is the time to the first byte, not the stream's life.
 */
export function accessLog(logger: Logger): MiddlewareHandler {
  return async (c, next) => {
    const requestId = requestIdFrom(c.req.header(REQUEST_ID));
    const started = performance.now();
    await withRequestId(requestId, async () => {
      await next();
      try {
        c.header(REQUEST_ID, requestId);
      } catch {
        // A response with immutable headers (a proxied fetch answer) goes out without the echo.
      }
      if (c.res.status < 400 && QUIET.test(c.req.path)) return;
      logger.info('request', {
        method: c.req.method,
        route: routeOf(c),
        path: loggedPath(c),
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      });
    });
  };
}
