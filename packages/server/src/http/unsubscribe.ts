import { type Clock, createVoice, pickLocale } from '@sendwell/core';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { findUnsubscribeTarget, type UnsubscribeLookup, unsubscribe } from '../services/optOut';
import type { OutcomeDeps } from '../services/outcomeDeps';
import { readUnsubscribeToken } from '../services/unsubscribe';

/**
 * The recipient's pages (not the rep's): plain server-rendered HTML, no script, in core's voice and
 * the reader's language (their browser's Accept-Language: English or Simplified Chinese).
 */
function wordsFor(c: Context, clock: Clock) {
  const locale = pickLocale(c.req.header('accept-language')?.split(',')[0]);
  const voice = createVoice({ locale, timeZone: 'UTC', clock });
  return { lang: locale, t: (key: UnsubscribeKey, params?: Record<string, string>) => voice.t(key, params) };
}
type UnsubscribeKey = Extract<Parameters<ReturnType<typeof createVoice>['t']>[0], `unsubscribe.${string}`>;
type Words = ReturnType<typeof wordsFor>;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

function page(w: Words, title: string, body: string): string {
  return `<!doctype html><html lang="${w.lang}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b}
button{font:inherit;padding:.5rem 1.25rem;border-radius:4px;border:1px solid #0f6cbd;background:#0f6cbd;color:#fff;cursor:pointer}</style>
</head><body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
}

const paragraph = (text: string) => `<p>${escapeHtml(text)}</p>`;

/** A link we cannot act on: 400 for a token we did not sign, 404 when its send is gone. */
function refusal(
  c: Context,
  w: Words,
  lookup: Exclude<UnsubscribeLookup, { kind: 'found' }> | { kind: 'bad-token' },
) {
  const key = (
    {
      'bad-token': 'unsubscribe.bad',
      'unknown-send': 'unsubscribe.unknown',
      'no-single-person': 'unsubscribe.noPerson',
    } as const
  )[lookup.kind];
  return c.html(
    page(w, w.t('unsubscribe.badTitle'), paragraph(w.t(key))),
    lookup.kind === 'unknown-send' ? 404 : 400,
  );
}

/**
 * `GET|POST /u/<token>`: RFC 8058 one-click unsubscribe. A POST (the mail client's
 * `List-Unsubscribe=One-Click`, or the page's button) unsubscribes; a GET only asks, because link
 * scanners and previews fetch every link in an email and must not unsubscribe anybody.
 */
export function unsubscribeRoutes(deps: OutcomeDeps & { secret: Buffer }): Hono {
  const app = new Hono();
  app.use('/:token', bodyLimit({ maxSize: 4 * 1024, onError: (c) => c.text('Too large', 413) }));
  app.get('/:token', async (c) => {
    const w = wordsFor(c, deps.clock);
    const sendId = readUnsubscribeToken(deps.secret, c.req.param('token'));
    if (!sendId) return refusal(c, w, { kind: 'bad-token' });
    const lookup = await findUnsubscribeTarget(deps, sendId);
    if (lookup.kind !== 'found') return refusal(c, w, lookup);
    const params = { email: lookup.target.email, sender: lookup.target.senderName };
    c.header('Cache-Control', 'no-store');
    if (lookup.target.alreadySuppressed)
      return c.html(page(w, w.t('unsubscribe.alreadyTitle'), paragraph(w.t('unsubscribe.done', params))));
    const form = `<form method="post"><input type="hidden" name="via" value="page">
<button type="submit">${escapeHtml(w.t('unsubscribe.button'))}</button></form>`;
    return c.html(page(w, w.t('unsubscribe.askTitle'), paragraph(w.t('unsubscribe.ask', params)) + form));
  });
  app.post('/:token', async (c) => {
    const w = wordsFor(c, deps.clock);
    const sendId = readUnsubscribeToken(deps.secret, c.req.param('token'));
    if (!sendId) return refusal(c, w, { kind: 'bad-token' });
    // RFC 8058 says the body is `List-Unsubscribe=One-Click`; any POST counts (some clients send
    // none), the body only tells the evidence which way it came. Never logged: it is the person's.
    const body = await c.req.text().catch(() => '');
    const lookup = await unsubscribe(deps, sendId, body.includes('via=page') ? 'page' : 'one-click');
    if (lookup.kind !== 'found') return refusal(c, w, lookup);
    const params = { email: lookup.target.email, sender: lookup.target.senderName };
    return c.html(page(w, w.t('unsubscribe.doneTitle'), paragraph(w.t('unsubscribe.done', params))));
  });
  return app;
}
