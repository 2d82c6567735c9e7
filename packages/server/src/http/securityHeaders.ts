import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';

/** Office.js and its locale files come from Microsoft's CDN, as Microsoft requires (never bundled). */
const OFFICE_CDN = 'https://appsforoffice.microsoft.com';
/** MSAL / nested app auth in the pane asks Entra for tokens from the page. */
const ENTRA = 'https://login.microsoftonline.com';

/**
 * Where Outlook frames the task pane: Outlook on the web and the new Outlook (which hosts add-ins
 * in a frame of these origins). Desktop Outlook uses a webview without an embedding origin.
 */
export const OUTLOOK_FRAME_ANCESTORS = [
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook.live.com',
  'https://outlook.cloud.microsoft',
  'https://*.outlook.com',
  'https://*.office.com',
  'https://*.officeapps.live.com',
] as const;

/** Paths Outlook frames: the pane and the pages it opens in its dialogs. */
const isPanePath = (path: string) => path.startsWith('/outlook/') || path === '/outlook';

/**
 * The one policy for our pages. Scripts: our origin, Office.js's CDN and the hashes of the inline
 * scripts the page itself carries (the pane's office.js loader); never `unsafe-inline`, so script
 * injected into a template, subject or name cannot run. Styles allow inline: Fluent UI writes its
 * styles at run time, and a style cannot run script. Images may be remote (template bodies link
 * them in previews). Forms post only to us; the Google sign-in is a redirect, not a form.
 */
export function contentSecurityPolicy(path: string, inlineScriptHashes: string[] = []): string {
  const hashes = inlineScriptHashes.map((h) => `'sha256-${h}'`);
  const ancestors = isPanePath(path) ? ["'self'", ...OUTLOOK_FRAME_ANCESTORS] : ["'self'"];
  return [
    "default-src 'self'",
    `script-src 'self' ${OFFICE_CDN}${hashes.length ? ` ${hashes.join(' ')}` : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: https:",
    "font-src 'self' data:",
    `connect-src 'self' ${OFFICE_CDN} ${ENTRA}`,
    `frame-src 'self' ${OFFICE_CDN} ${ENTRA}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${ancestors.join(' ')}`,
  ].join('; ');
}

/** Executable inline scripts (no `src`, not a JSON data block) of a page, as CSP sha256 hashes. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const [, attributes = '', body = ''] of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi)) {
    if (/\ssrc\s*=/i.test(attributes) || /type\s*=\s*["']?application\/(ld\+)?json/i.test(attributes))
      continue;
    hashes.push(createHash('sha256').update(body, 'utf8').digest('base64'));
  }
  return hashes;
}

export interface SecurityHeadersOptions {
  /** Served over https (the base URL): browsers are told to keep to it. */
  https: boolean;
}

/**
 * Security headers on every response of every route family: no MIME sniffing, no referrer (tokens
 * live in some of our URLs), a CSP on every page, HSTS when served over https. A route that sets its
 * own CSP (the connect pages use a per-response nonce) keeps it.
 */
export function securityHeaders(options: SecurityHeadersOptions): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const type = c.res.headers.get('content-type') ?? '';
    let hashes: string[] = [];
    // A 304 updates the cached page's headers: a policy without its hashes would break that page.
    const notModified = c.res.status === 304;
    if (/^text\/html/i.test(type) && c.res.body && !c.res.headers.has('content-security-policy')) {
      // Pages are small and read once: their inline scripts are hashed as served.
      const html = await c.res.text();
      hashes = inlineScriptHashes(html);
      c.res = new Response(html, c.res);
    }
    const set = writable(c);
    set('x-content-type-options', 'nosniff');
    set('referrer-policy', 'no-referrer');
    if (!notModified) set('content-security-policy', contentSecurityPolicy(c.req.path, hashes));
    if (options.https) set('strict-transport-security', 'max-age=31536000');
  };
}

/** Sets a header unless the route chose its own; a response with frozen headers is copied first. */
function writable(c: Context): (name: string, value: string) => void {
  try {
    c.res.headers.set('x-content-type-options', 'nosniff');
  } catch {
    c.res = new Response(c.res.body, c.res);
  }
  return (name, value) => {
    if (!c.res.headers.has(name)) c.res.headers.set(name, value);
  };
}
