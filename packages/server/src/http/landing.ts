import type { ServerConfig } from '../config/config';

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!,
  );

/** A start-page link: `path` is where it goes; each one answers a person's browser with a page. */
interface LandingLink {
  path: string;
  text: string;
}

/** The links of the start page, by heading. */
const LANDING_LINKS: readonly [string, readonly LandingLink[]][] = [
  [
    'Try it in the sandbox',
    [
      { path: '/sandbox/outlook', text: 'Outlook compose window with the Sendwell pane' },
      { path: '/sandbox/gmail', text: 'Gmail add-on cards in the card previewer' },
    ],
  ],
  [
    'For your team',
    [
      {
        path: '/app/',
        text: 'Team web app: campaigns, sends, templates, suppressed addresses, numbers; channels and settings for admins',
      },
    ],
  ],
  [
    'For developers',
    [
      { path: '/api/v1/openapi.json', text: 'API v1: the OpenAPI 3.1 document of every route (JSON)' },
      { path: '/manifests/outlook/manifest.xml', text: 'Outlook add-in manifest for this server' },
      { path: '/manifests/gmail/deployment.json', text: 'Gmail add-on deployment.json for this server' },
    ],
  ],
  [
    'About',
    [
      { path: '/help', text: 'Help' },
      { path: '/privacy', text: 'Privacy' },
      { path: '/terms', text: 'Terms' },
    ],
  ],
];

const SANDBOX_NOTE =
  'Running with <strong>sandbox mailboxes</strong> (no Microsoft or Google credentials configured). Send to <code>someone@bounce.test</code> to see a hard bounce, <code>@full.test</code> for a soft one, <code>@delay.test</code> for a delay notice. API tokens for the sandbox users: <code>pnpm sendwell sandbox users --json</code>.';

/** What `npm start` opens: where to go next. */
export function landingPage(config: ServerConfig): string {
  const base = escapeHtml(config.baseUrl.replace(/\/+$/, ''));
  const link = ({ path, text }: LandingLink) =>
    `<li><a href="${path}">${text}</a> <code>${base}${path}</code></li>`;
  const sections = LANDING_LINKS.map(
    ([heading, links]) => `<h2>${heading}</h2>\n<ul>\n${links.map(link).join('\n')}\n</ul>`,
  ).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sendwell</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="/favicon.ico" sizes="16x16 32x32 64x64">
<style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b}code{color:#555}h2{font-size:1.1rem;margin-top:1.5rem}</style></head>
<body><main>
<h1>Sendwell</h1>
<p>Sales email from inside Outlook and Gmail: sent through your own mailbox, paced under the provider's limits, bounces tracked.</p>
<p>${config.providers === 'sandbox' ? SANDBOX_NOTE : 'Running with real providers.'}</p>
${sections}
</main></body></html>`;
}
