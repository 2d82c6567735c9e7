import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { findUnsubscribeTarget, type UnsubscribeLookup, unsubscribe } from '../services/optOut';
import type { OutcomeDeps } from '../services/outcomeDeps';
import { readUnsubscribeToken } from '../services/unsubscribe';

/**
 * The recipient's pages (not the rep's): plain server-rendered HTML, no script, English. They are
 * read by people who never signed in to Sendwell, so they do not use the add-ins' locale.
 * TODO(lead): move these sentences to core voice once H1's unsubscribe words land.
 */
export const UNSUBSCRIBE_WORDS = {
  askTitle: 'Unsubscribe',
  ask: (email: string, sender: string) =>
    `Stop emails to ${email} from ${sender} and their team? Nothing changes until you press the button.`,
  button: 'Unsubscribe',
  doneTitle: 'You are unsubscribed',
  done: (email: string, sender: string) =>
    `${sender} and their team will not email ${email} again. You can close this page.`,
  alreadyTitle: 'Already unsubscribed',
  badTitle: 'This link does not work',
  bad: 'The unsubscribe link is damaged or was not made by this server. Copy the whole link from the email, or reply to the email and ask to be removed.',
  unknown:
    'This email is no longer on this server, so there is nobody to unsubscribe from it. Reply to the email and ask to be removed.',
  noPerson:
    'This email went to several people, so the link cannot tell who you are. Reply to the email and ask to be removed.',
} as const;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b}
button{font:inherit;padding:.5rem 1.25rem;border-radius:4px;border:1px solid #0f6cbd;background:#0f6cbd;color:#fff;cursor:pointer}</style>
</head><body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
}

const paragraph = (text: string) => `<p>${escapeHtml(text)}</p>`;

/** A link we cannot act on: 400 for a token we did not sign, 404 when its send is gone. */
function refusal(c: Context, lookup: Exclude<UnsubscribeLookup, { kind: 'found' }> | { kind: 'bad-token' }) {
  const text = {
    'bad-token': UNSUBSCRIBE_WORDS.bad,
    'unknown-send': UNSUBSCRIBE_WORDS.unknown,
    'no-single-person': UNSUBSCRIBE_WORDS.noPerson,
  }[lookup.kind];
  return c.html(
    page(UNSUBSCRIBE_WORDS.badTitle, paragraph(text)),
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
    const sendId = readUnsubscribeToken(deps.secret, c.req.param('token'));
    if (!sendId) return refusal(c, { kind: 'bad-token' });
    const lookup = await findUnsubscribeTarget(deps, sendId);
    if (lookup.kind !== 'found') return refusal(c, lookup);
    const { email, senderName, alreadySuppressed } = lookup.target;
    c.header('Cache-Control', 'no-store');
    if (alreadySuppressed)
      return c.html(
        page(UNSUBSCRIBE_WORDS.alreadyTitle, paragraph(UNSUBSCRIBE_WORDS.done(email, senderName))),
      );
    const form = `<form method="post"><input type="hidden" name="via" value="page">
<button type="submit">${escapeHtml(UNSUBSCRIBE_WORDS.button)}</button></form>`;
    return c.html(
      page(UNSUBSCRIBE_WORDS.askTitle, paragraph(UNSUBSCRIBE_WORDS.ask(email, senderName)) + form),
    );
  });
  app.post('/:token', async (c) => {
    const sendId = readUnsubscribeToken(deps.secret, c.req.param('token'));
    if (!sendId) return refusal(c, { kind: 'bad-token' });
    // RFC 8058 says the body is `List-Unsubscribe=One-Click`; any POST counts (some clients send
    // none), the body only tells the evidence which way it came. Never logged: it is the person's.
    const body = await c.req.text().catch(() => '');
    const lookup = await unsubscribe(deps, sendId, body.includes('via=page') ? 'page' : 'one-click');
    if (lookup.kind !== 'found') return refusal(c, lookup);
    const { email, senderName } = lookup.target;
    return c.html(page(UNSUBSCRIBE_WORDS.doneTitle, paragraph(UNSUBSCRIBE_WORDS.done(email, senderName))));
  });
  return app;
}
