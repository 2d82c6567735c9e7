import { randomBytes } from 'node:crypto';
import {
  CATALOGS,
  type Locale,
  type MessageKey,
  type OAuthProvider,
  pickLocale,
  translate,
} from '@sendwell/core';
import { Hono } from 'hono';
import type { ConnectionService, ConnectOutcome } from '../connections/service';

/** The mailbox a provider's consent connects, as the rep calls it. */
const MAILBOX_NAME: Record<OAuthProvider, string> = { microsoft: 'Microsoft 365', google: 'Gmail' };
const PROVIDERS = new Set<string>(['microsoft', 'google']);
/** Long enough to read "Connected", short enough not to wait for the rep. */
const CLOSE_AFTER_MS = 1500;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** JSON safe inside a <script> element: no `<` can end it early. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/**
 * `/connect` (mounted by the composition root): the page the provider redirects the rep's browser
 * to. It finishes the connection and says, in one sentence, what happened. Inside an Office dialog
 * it tells the pane (`Office.context.ui.messageParent`), in a window Sendwell opened it tells the
 * opener (`postMessage` to this origin only), then closes itself when connected. Nothing the page
 * shows or sends comes raw from the query string, and no token is ever part of it.
 */
export function connectPages(service: ConnectionService): Hono {
  const app = new Hono();
  app.get('/callback/:provider', async (c) => {
    const provider = c.req.param('provider');
    const nonce = randomBytes(16).toString('base64');
    c.header('cache-control', 'no-store');
    // The URL holds the authorization code: never hand it to another site as a Referer.
    c.header('referrer-policy', 'no-referrer');
    c.header(
      'content-security-policy',
      `default-src 'none'; script-src 'nonce-${nonce}' https://appsforoffice.microsoft.com; style-src 'nonce-${nonce}'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'`,
    );
    // The browser's first language: the rep's, as the consent page they just left used it.
    const locale = pickLocale(c.req.header('accept-language')?.split(/[,;]/)[0]);
    if (!PROVIDERS.has(provider)) {
      const outcome: ConnectOutcome = {
        outcome: 'refused',
        code: 'unknown-provider',
        message: 'Sendwell connects Microsoft 365 and Gmail mailboxes only.',
      };
      return c.html(page(outcome, translate(locale, 'connect.page.anyMailbox'), nonce, locale), 404);
    }
    const outcome = await service.complete(provider as OAuthProvider, c.req.query());
    const name = MAILBOX_NAME[provider as OAuthProvider];
    return c.html(page(outcome, name, nonce, locale), outcome.outcome === 'refused' ? 400 : 200);
  });
  return app;
}

/** The refusal in the rep's language when the catalog has its code; its English sentence otherwise. */
function refusalText(outcome: Extract<ConnectOutcome, { outcome: 'refused' }>, locale: Locale): string {
  const key = `connect.refused.${outcome.code}`;
  return Object.hasOwn(CATALOGS.en, key)
    ? translate(locale, key as MessageKey, outcome.params ?? {})
    : outcome.message;
}

function page(outcome: ConnectOutcome, mailboxName: string, nonce: string, locale: Locale): string {
  const t = (key: MessageKey, params?: Record<string, string>) => escapeHtml(translate(locale, key, params));
  const connected = outcome.outcome !== 'refused';
  const title = connected ? t('connect.page.titleConnected') : t('connect.page.titleRefused');
  const body = connected
    ? `<p role="status">${t('connect.page.connected', { mailbox: mailboxName, address: outcome.address })}</p>`
    : `<p role="alert">${escapeHtml(refusalText(outcome, locale))}</p>
  <p><a href="${escapeHtml(outcome.retryUrl ?? '/')}">${outcome.retryUrl ? t('connect.page.tryAgain') : t('connect.page.openSendwell')}</a></p>`;
  // What the pane or the Gmail card needs to update itself: ids and words, never a token.
  const message = connected
    ? {
        type: 'sendwell.connection',
        outcome: outcome.outcome,
        mailboxId: outcome.mailboxId,
        address: outcome.address,
      }
    : { type: 'sendwell.connection', outcome: 'refused', code: outcome.code, message: outcome.message };
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Sendwell</title>
<style nonce="${nonce}">body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:34rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b}a{color:#0f5cc0}</style>
<script nonce="${nonce}" src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js" async></script>
</head>
<body>
<main>
  <h1>${title}</h1>
  ${body}
</main>
<script nonce="${nonce}">
(function () {
  var message = ${scriptJson(message)};
  var text = JSON.stringify(message);
  function tellOffice() {
    var office = window.Office;
    if (!office || typeof office.onReady !== 'function') return;
    office.onReady(function () {
      var ui = office.context && office.context.ui;
      if (ui && typeof ui.messageParent === 'function') ui.messageParent(text);
    });
  }
  if (window.opener && window.opener !== window) {
    try { window.opener.postMessage(message, window.location.origin); } catch (e) {}
  }
  window.addEventListener('load', tellOffice);
  ${connected ? `setTimeout(function () { window.close(); }, ${CLOSE_AFTER_MS});` : ''}
})();
</script>
</body>
</html>
`;
}
