import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '@sendwell/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config';
import { createSendwell, type Sendwell } from '../sendwell';
import { contentSecurityPolicy, inlineScriptHashes, OUTLOOK_FRAME_ANCESTORS } from './securityHeaders';

let sendwell: Sendwell;
const dataDir = mkdtempSync(join(tmpdir(), 'sendwell-headers-'));
beforeAll(async () => {
  sendwell = await createSendwell(loadConfig({ port: 0, dataDir }, {}), { logger: silentLogger });
}, 240_000);
afterAll(async () => {
  await sendwell?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const directive = (csp: string, name: string) =>
  csp
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith(`${name} `));

// One request per route family the server mounts, as a browser or a client would make it.
const FAMILIES: [string, string, RequestInit?][] = [
  ['landing page', '/'],
  ['info page', '/privacy'],
  ['favicon', '/favicon.ico'],
  ['manifest', '/manifests/outlook/manifest.xml'],
  ['Outlook pane', '/outlook/taskpane.html'],
  ['API', '/api/v1/me'],
  ['OpenAPI document', '/api/v1/openapi.json'],
  ['feed stream (refused)', '/api/v1/feed/stream'],
  ['web app session', '/app/session'],
  ['web app page', '/app/templates'],
  [
    'Gmail add-on',
    '/gmail/addon?t=home',
    { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } },
  ],
  ['connect callback', '/connect/callback/microsoft?error=access_denied'],
  ['unsubscribe page', '/u/not-a-token'],
  ['tracking link', '/t/c/not-a-token'],
  ['sandbox host page', '/sandbox/outlook/'],
  ['unknown route', '/no/such/route'],
  [
    'refused body (NUL)',
    '/api/v1/templates',
    { method: 'POST', body: '{"a":"\\u0000"}', headers: { 'content-type': 'application/json' } },
  ],
];

describe.each(FAMILIES)('%s (%s)', (_family, path, init) => {
  it('carries nosniff, no referrer and a CSP with frame-ancestors', async () => {
    const response = await sendwell.app.request(path, init);
    await response.body?.cancel();
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(directive(csp, 'frame-ancestors')).toBeDefined();
    expect(directive(csp, 'script-src') ?? directive(csp, 'default-src')).not.toContain("'unsafe-inline'");
    const outlookMayFrame = directive(csp, 'frame-ancestors')!.includes('https://outlook.office.com');
    expect(outlookMayFrame).toBe(path.startsWith('/outlook/'));
  });
});

describe('the policy', () => {
  it('lets Outlook on the web frame the pane, and only the pane', () => {
    const pane = directive(contentSecurityPolicy('/outlook/taskpane.html'), 'frame-ancestors')!;
    for (const host of OUTLOOK_FRAME_ANCESTORS) expect(pane).toContain(host);
    expect(directive(contentSecurityPolicy('/app/'), 'frame-ancestors')).toBe("frame-ancestors 'self'");
  });

  it('allows Office.js from Microsoft’s CDN and the page’s own inline scripts by hash, nothing else inline', () => {
    const loader = "document.write('<script src=\"x\"></' + 'script>')";
    const html = `<head><script>${loader}</script><script src="/a.js"></script><script type="application/json">{}</script></head>`;
    const hashes = inlineScriptHashes(html);
    expect(hashes).toEqual([createHash('sha256').update(loader).digest('base64')]);
    const scripts = directive(contentSecurityPolicy('/outlook/taskpane.html', hashes), 'script-src')!;
    expect(scripts).toBe(`script-src 'self' https://appsforoffice.microsoft.com 'sha256-${hashes[0]}'`);
  });

  it('keeps a route’s own policy (the connect pages use a per-response nonce)', async () => {
    const response = await sendwell.app.request('/connect/callback/microsoft?error=access_denied');
    const csp = response.headers.get('content-security-policy') ?? '';
    if (/nonce-/.test(csp)) expect(csp).toMatch(/script-src 'nonce-/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
