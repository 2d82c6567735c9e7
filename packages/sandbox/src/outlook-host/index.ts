import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import { hostPageHtml } from './page';

export interface OutlookHostOptions {
  /** The Sendwell pane, e.g. `/outlook/taskpane.html` (same origin: the pane reads our handshake). */
  paneUrl: string;
  /** Where the sandbox dev endpoints live (`/users`, `/token`). Default `/sandbox/dev`. */
  devBase?: string;
}

const asset = (name: string): string => readFileSync(new URL(`./${name}`, import.meta.url), 'utf8');
// Scripts come from our own paths (no inline script); the pane is framed from our own origin.
const CSP =
  "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; script-src 'self'; frame-src 'self'";

/** The fake Outlook compose host page, mounted by createSandbox at /sandbox/outlook. */
export function outlookHostRoutes(options: OutlookHostOptions): Hono {
  const scripts: Record<string, string> = {
    'fake-office.js': asset('fakeOffice.js'),
    'naa-bridge.js': asset('naaBridge.js'),
    'host.js': asset('host.js'),
  };
  const config = { paneUrl: options.paneUrl, devBase: options.devBase ?? '/sandbox/dev' };
  const app = new Hono();
  app.get('/', (c) => {
    const base = c.req.path.replace(/\/+$/, '');
    c.header('content-security-policy', CSP);
    c.header('cache-control', 'no-store');
    return c.html(hostPageHtml(base, config));
  });
  app.get('/:script{(fake-office|naa-bridge|host)\\.js}', (c) => {
    c.header('content-type', 'text/javascript; charset=utf-8');
    return c.body(scripts[c.req.param('script')] ?? '');
  });
  return app;
}
