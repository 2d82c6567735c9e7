import { type Locale, pickLocale, translate } from '@sendwell/core';
import { type Context, Hono } from 'hono';
import type { OutcomeDeps } from '../services/outcomeDeps';
import { type Engagement, recordEngagement } from '../tracking/record';
import { readClickToken, readOpenToken } from '../tracking/tokens';

/** The smallest transparent GIF (1×1, 43 bytes). */
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** A link we did not sign: a small page in the reader's language (they never signed in to Sendwell). */
function badLink(c: Context) {
  const locale: Locale = pickLocale(c.req.header('accept-language')?.split(/[,;]/)[0]);
  const title = translate(locale, 'tracking.badLink.title');
  const text = translate(locale, 'tracking.badLink');
  c.header('Cache-Control', 'no-store');
  return c.html(
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"></head>
<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></main></body></html>`,
    400,
  );
}

/** What the request looked like, for telling a person from a proxy or a scanner. No token in it. */
function hitOf(c: Context): Engagement['hit'] {
  const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
  return {
    userAgent: c.req.header('user-agent') ?? null,
    ip: forwarded || null,
    method: c.req.method,
    purpose: c.req.header('sec-purpose') ?? c.req.header('purpose') ?? null,
  };
}

/**
 * `GET /t/c/<token>`: record the click, then 302 to the link's original URL (signed into the
 * token, so never an open redirect); `GET /t/o/<token>.gif`: record the open, answer a 43-byte GIF.
 * A failure to record never breaks the recipient's link: it is logged (without the token) and the
 * redirect or pixel is served all the same.
 */
export function trackingRoutes(deps: OutcomeDeps & { secret: Buffer }): Hono {
  const app = new Hono();
  const record = async (e: Engagement) => {
    try {
      await recordEngagement(deps, e);
    } catch (error) {
      deps.logger.error('engagement not recorded', { sendId: e.sendId, kind: e.kind, error: String(error) });
    }
  };

  app.get('/c/:token', async (c) => {
    const target = readClickToken(deps.secret, c.req.param('token'));
    if (!target) return badLink(c);
    await record({ sendId: target.sendId, kind: 'click', url: target.url, hit: hitOf(c) });
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    return c.redirect(target.url, 302);
  });

  app.get('/o/:token', async (c) => {
    const sendId = readOpenToken(deps.secret, c.req.param('token').replace(/\.gif$/, ''));
    if (!sendId) return badLink(c);
    await record({ sendId, kind: 'open', url: null, hit: hitOf(c) });
    return c.body(new Uint8Array(PIXEL), 200, {
      'Content-Type': 'image/gif',
      'Content-Length': String(PIXEL.length),
      'Cache-Control': 'no-store, no-cache, must-revalidate, private',
    });
  });
  return app;
}
