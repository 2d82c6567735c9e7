import { Hono } from 'hono';

const page = (
  title: string,
  body: string,
) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sendwell — ${title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="/favicon.ico" sizes="16x16 32x32 64x64">
<style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b}</style></head>
<body><main><h1>${title}</h1>${body}<p><a href="/">Sendwell start page</a></p></main></body></html>`;

const PAGES: Record<string, [string, string]> = {
  help: [
    'Help',
    `<p>Sendwell sends from your own mailbox: Outlook sends go through Exchange Online, Gmail sends through Gmail.
It paces sends under your provider's limits, and reads bounce notices from your inbox into template analytics and the live feed.</p>
<p>A send shows "scheduled" with a time when your mailbox's budget is spent for the moment; it goes out by itself then.</p>`,
  ],
  privacy: [
    'Privacy',
    `<p>Sendwell reads only what it needs: the draft you send with it, and bounce notices in your inbox (it never deletes, moves or
marks your mail read). Tokens are verified on every request and never logged. Your team's data stays in your team's database.</p>`,
  ],
  terms: ['Terms', '<p>Sendwell is open-source software, provided as is under its licence.</p>'],
};

/** The support, privacy and terms pages the manifests link to. */
export function infoPages(): Hono {
  const app = new Hono();
  for (const [path, [title, body]] of Object.entries(PAGES))
    app.get(`/${path}`, (c) => c.html(page(title, body)));
  return app;
}
