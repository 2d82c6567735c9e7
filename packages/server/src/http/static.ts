import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { renderManifests } from '@sendwell/manifests';
import { Hono } from 'hono';
import type { ServerConfig } from '../config/config';
import { faviconFrom } from './favicon';
import { infoPages } from './infoPages';
import { landingPage } from './landing';

const repoPath = (relative: string) => fileURLToPath(new URL(`../../../../${relative}`, import.meta.url));
const OUTLOOK_DIST = repoPath('packages/outlook/dist');
const ASSETS = repoPath('shared/assets');

/** The Outlook build, brand assets and favicon, manifests rendered for this base URL, and the landing page. */
export function staticRoutes(config: ServerConfig): Hono {
  const app = new Hono();
  const favicon = faviconFrom(ASSETS);
  app.get('/', (c) => c.html(landingPage(config)));
  app.get('/favicon.ico', (c) =>
    c.body(new Uint8Array(favicon), 200, {
      'content-type': 'image/x-icon',
      'cache-control': 'public, max-age=86400',
    }),
  );
  app.route('/', infoPages());
  app.get('/outlook', (c) => c.redirect('/outlook/taskpane.html'));
  app.use('/outlook/*', async (c, next) => {
    if (!existsSync(OUTLOOK_DIST)) {
      return c.text(
        'The Outlook pane is not built yet: run `pnpm build` (npm start does this for you).',
        503,
      );
    }
    return serveStatic({ root: OUTLOOK_DIST, rewriteRequestPath: (p) => p.replace(/^\/outlook/, '') })(
      c,
      next,
    );
  });
  app.use('/assets/*', serveStatic({ root: ASSETS, rewriteRequestPath: (p) => p.replace(/^\/assets/, '') }));
  app.get('/manifests/:kind/:file', (c) => {
    const files = renderManifests({ baseUrl: config.baseUrl }) as Record<string, string>;
    const body = files[`${c.req.param('kind')}/${c.req.param('file')}`];
    if (body === undefined)
      return c.json({ error: { code: 'not-found', message: 'No such manifest.' } }, 404);
    const type = c.req.param('file').endsWith('.xml') ? 'application/xml' : 'application/json';
    return c.body(body, 200, { 'content-type': `${type}; charset=utf-8` });
  });
  return app;
}
