import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config';
import { staticRoutes } from './static';

const app = staticRoutes(loadConfig({ port: 4999, dataDir: '/tmp/unused' }, {}));
const brandIcon = (size: number) =>
  readFileSync(fileURLToPath(new URL(`../../../../shared/assets/icon-${size}.png`, import.meta.url)));

/** The images an ICO file holds, read back from its directory. */
function icoImages(ico: Buffer): { size: number; png: Buffer }[] {
  expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
  return Array.from({ length: ico.readUInt16LE(4) }, (_, i) => {
    const entry = 6 + 16 * i;
    const length = ico.readUInt32LE(entry + 8);
    const offset = ico.readUInt32LE(entry + 12);
    return { size: ico.readUInt8(entry), png: ico.subarray(offset, offset + length) };
  });
}

describe('favicon', () => {
  it('serves /favicon.ico: the brand icons at 16, 32 and 64 px', async () => {
    const res = await app.request('/favicon.ico');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/x-icon');
    const images = icoImages(Buffer.from(await res.arrayBuffer()));
    expect(images.map((i) => i.size)).toEqual([16, 32, 64]);
    for (const { size, png } of images) expect(png.equals(brandIcon(size))).toBe(true);
  });

  it.each(['/', '/help', '/privacy', '/terms'])('%s names the favicon', async (path) => {
    expect(await (await app.request(path)).text()).toContain('<link rel="icon" href="/favicon.ico"');
  });
});

describe('start page', () => {
  it('links what a person can open in a browser, not the token-only /api/me', async () => {
    const html = await (await app.request('/')).text();
    const hrefs = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
    expect(hrefs).not.toContain('/api/me');
    expect(hrefs).toEqual(
      expect.arrayContaining(['/api/v1/openapi.json', '/sandbox/outlook', '/sandbox/gmail', '/help']),
    );
  });

  it.each(['/', '/help'])('%s has one main landmark and one level-one heading', async (path) => {
    const html = await (await app.request(path)).text();
    expect(html.match(/<main>/g)).toHaveLength(1);
    expect(html.match(/<h1>/g)).toHaveLength(1);
  });
});
