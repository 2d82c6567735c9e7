import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { outlookHostRoutes } from './index';
import { sandboxPaneUrl } from './page';

function mounted(options: Parameters<typeof outlookHostRoutes>[0]) {
  const app = new Hono();
  app.route('/sandbox/outlook', outlookHostRoutes(options));
  return app;
}

const attr = (html: string, testId: string, name: string) =>
  new RegExp(`<[^>]*data-testid="${testId}"[^>]*\\s${name}="([^"]*)"`).exec(html)?.[1] ??
  new RegExp(`<[^>]*\\s${name}="([^"]*)"[^>]*data-testid="${testId}"`).exec(html)?.[1];

describe('outlookHostRoutes', () => {
  it('serves the compose window with its fields and the pane framed in sandbox mode', async () => {
    const response = await mounted({ paneUrl: '/outlook/taskpane.html' }).request('/sandbox/outlook');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    for (const id of [
      'host-user',
      'host-to',
      'host-cc',
      'host-bcc',
      'host-subject',
      'host-body',
      'taskpane-frame',
    ]) {
      expect(html).toContain(`data-testid="${id}"`);
    }
    expect(attr(html, 'taskpane-frame', 'src')).toBe('/outlook/taskpane.html?sandbox=1');
  });

  it('loads its scripts from its own mount point, in <head>, before the pane frame exists', async () => {
    const html = await (
      await mounted({ paneUrl: '/outlook/taskpane.html' }).request('/sandbox/outlook')
    ).text();
    const head = html.slice(0, html.indexOf('</head>'));
    expect(head).toContain('<script src="/sandbox/outlook/fake-office.js"></script>');
    expect(head.indexOf('fake-office.js')).toBeLessThan(head.indexOf('host.js'));
    expect(head.indexOf('naa-bridge.js')).toBeLessThan(head.indexOf('host.js'));
    expect(head).not.toContain('taskpane-frame');
  });

  it.each([
    ['default dev base', {}, '/sandbox/dev'],
    ['custom dev base', { devBase: '/x/dev' }, '/x/dev'],
  ])('passes the config to the page script (%s)', async (_case, extra, devBase) => {
    const html = await (
      await mounted({ paneUrl: '/p</script>.html', ...extra }).request('/sandbox/outlook')
    ).text();
    const json = /<script type="application\/json" id="sendwell-host-config">(.*?)<\/script>/.exec(html)?.[1];
    expect(JSON.parse(json!)).toEqual({ paneUrl: '/p</script>.html', devBase });
  });

  it.each([
    ['fake-office.js', 'SendwellFakeOffice'],
    ['naa-bridge.js', 'SendwellNaaBridge'],
    ['host.js', '__sendwellSandboxOffice'],
  ])('serves %s as JavaScript', async (name, defines) => {
    const response = await mounted({ paneUrl: '/p' }).request(`/sandbox/outlook/${name}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/javascript');
    expect(await response.text()).toContain(defines);
  });

  it('keeps inline script out with a content security policy', async () => {
    const response = await mounted({ paneUrl: '/p' }).request('/sandbox/outlook');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await response.text()).not.toMatch(/<script>/);
  });
});

describe('sandboxPaneUrl', () => {
  it.each([
    ['/outlook/taskpane.html', '/outlook/taskpane.html?sandbox=1'],
    ['/outlook/taskpane.html?lang=en', '/outlook/taskpane.html?lang=en&sandbox=1'],
    [
      'http://127.0.0.1:9/outlook/taskpane.html#top',
      'http://127.0.0.1:9/outlook/taskpane.html?sandbox=1#top',
    ],
  ])('%s → %s', (pane, expected) => expect(sandboxPaneUrl(pane)).toBe(expected));
});
