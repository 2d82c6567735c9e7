import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { cardPreviewerRoutes } from './index';

const app = new Hono().route(
  '/sandbox/gmail',
  cardPreviewerRoutes({ addonUrl: 'http://127.0.0.1:4000/gmail/addon' }),
);

describe('cardPreviewerRoutes', () => {
  it('serves the page with the draft, triggers and card host', async () => {
    const res = await app.request('/sandbox/gmail');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await res.text();
    for (const id of [
      'user-picker',
      'trigger-home',
      'trigger-compose',
      'trigger-open',
      'draft-to',
      'draft-subject',
      'draft-body',
      'card-host',
      'notification',
    ]) {
      expect(html).toContain(`data-testid="${id}"`);
    }
    expect(html).toContain('<script type="module" src="/sandbox/gmail/client.js">');
    expect(html).toContain(
      '"addonUrl":"http://127.0.0.1:4000/gmail/addon","devBase":"/sandbox/dev","gmailApiBase":"/sandbox/google"',
    );
  });

  it('escapes the embedded config', async () => {
    const evil = new Hono().route(
      '/g',
      cardPreviewerRoutes({ addonUrl: 'http://x/</script><script>alert(1)</script>' }),
    );
    const html = await (await evil.request('/g')).text();
    expect(html).not.toContain('</script><script>alert(1)');
  });

  it.each([
    ['client.js', "from './render.js'"],
    ['draft.js', 'export function draftRaw'],
    ['render.js', 'export function renderCard'],
  ])('serves %s as JavaScript', async (name, fragment) => {
    const res = await app.request(`/sandbox/gmail/${name}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/javascript');
    expect(await res.text()).toContain(fragment);
  });

  it('serves nothing else', async () => {
    expect((await app.request('/sandbox/gmail/index.ts')).status).toBe(404);
  });
});
