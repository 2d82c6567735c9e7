import type { ServerConfig } from '../config/config';

/** What `npm start` opens: where to go next. */
export function landingPage(config: ServerConfig): string {
  const base = config.baseUrl;
  const link = (path: string, text: string) =>
    `<li><a href="${base}${path}">${text}</a> <code>${base}${path}</code></li>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sendwell</title>
<style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:3rem auto;line-height:1.5;color:#1b1b1b}code{color:#555}</style></head>
<body><h1>Sendwell</h1>
<p>Sales email from inside Outlook and Gmail: sent through your own mailbox, paced under the provider's limits, bounces tracked.</p>
<p>${config.providers === 'sandbox' ? 'Running with <strong>sandbox mailboxes</strong> (no Microsoft or Google credentials configured). Send to <code>someone@bounce.test</code> to see a hard bounce, <code>@full.test</code> for a soft one, <code>@delay.test</code> for a delay notice.' : 'Running with real providers.'}</p>
<ul>
${link('/sandbox/outlook', 'Outlook compose window with the Sendwell pane (sandbox)')}
${link('/sandbox/gmail', 'Gmail add-on cards in the sandbox card previewer')}
${link('/api/me', 'API (needs a bearer token: <code>pnpm sendwell sandbox users --json</code>)')}
${link('/manifests/outlook/manifest.xml', 'Outlook manifest for this server')}
${link('/manifests/gmail/deployment.json', 'Gmail add-on deployment.json for this server')}
</ul></body></html>`;
}
