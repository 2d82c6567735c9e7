import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import { previewerPage } from './page';

export interface CardPreviewerOptions {
  /** The add-on endpoint (`<base>/gmail/addon`); absolute is best, since it is the system token audience. */
  addonUrl: string;
  /** Where the sandbox dev endpoints live (`/users`, `/token`). Default `/sandbox/dev`. */
  devBase?: string;
  /** The Gmail API root the compose window saves its draft to. Default `/sandbox/google`. */
  gmailApiBase?: string;
  /** Audience for the user ID token; the sandbox's Google client id is used when omitted. */
  userAudience?: string;
}

const asset = (name: string): string => readFileSync(new URL(`./${name}`, import.meta.url), 'utf8');
const CSP = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; script-src 'self'";

/** The Gmail add-on card previewer page, mounted by createSandbox at /sandbox/gmail. */
export function cardPreviewerRoutes(options: CardPreviewerOptions): Hono {
  const scripts: Record<string, string> = {
    'client.js': asset('client.js'),
    'draft.js': asset('draft.js'),
    'render.js': asset('render.js'),
  };
  const config = {
    addonUrl: options.addonUrl,
    devBase: options.devBase ?? '/sandbox/dev',
    gmailApiBase: options.gmailApiBase ?? '/sandbox/google',
    ...(options.userAudience ? { userAudience: options.userAudience } : {}),
  };
  const app = new Hono();
  app.get('/', (c) => {
    const base = c.req.path.replace(/\/+$/, '');
    c.header('content-security-policy', CSP);
    return c.html(previewerPage(base, config));
  });
  app.get('/:script{(client|draft|render)\\.js}', (c) => {
    c.header('content-type', 'text/javascript; charset=utf-8');
    return c.body(scripts[c.req.param('script')] ?? '');
  });
  return app;
}
