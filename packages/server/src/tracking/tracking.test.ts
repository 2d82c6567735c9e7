import { randomBytes } from 'node:crypto';
import { DEFAULT_BOUNCE_RULES } from '@sendwell/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trackingRoutes } from '../http/tracking';
import { addSend, openWorld, type World } from '../services/suppressionTesting';
import { saveBounceRules } from '../store/bounceRules';
import { findSend } from '../store/sends';
import { TEST_ENGINES } from '../store/testing';
import { trackedHtml } from './decorateHtml';
import { clickToken, openToken } from './tokens';

const BASE = 'https://sendwell.test';
const secret = randomBytes(32);
const SAFARI =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 Version/17.0 Safari/605.1.15';
const HTML =
  '<html><body><p>Hi <a href="https://example.com/pricing?a=1&amp;b=2">pricing</a> · ' +
  '<a href="mailto:eli@contoso.test">mail me</a> · <a href="https://sendwell.test/u/abc.def">Unsubscribe</a></p></body></html>';

describe.each(TEST_ENGINES)('engagement tracking on %s', (engine) => {
  let w: World;
  let app: ReturnType<typeof trackingRoutes>;
  beforeAll(async () => {
    w = await openWorld(engine);
    app = trackingRoutes({ ...w.deps, secret });
  });
  afterAll(() => w.db.close());

  const track = async (tenant: string, rules: { trackOpens: boolean; trackClicks: boolean }) =>
    saveBounceRules(w.db, tenant, { ...DEFAULT_BOUNCE_RULES, ...rules }, 'ava', w.clock.now());
  const decorate = async (userId: string, minutesAgo = 60) => {
    const sendId = await addSend(w, { userId, to: ['pat@example.com'], minutesAgo });
    const send = (await findSend(w.db, sendId))!;
    return { sendId, html: await trackedHtml(w.db, { baseUrl: BASE, secret }, send, HTML) };
  };
  const links = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
  const pathOf = (url: string) => url.slice(BASE.length + '/t'.length);
  const rows = (sendId: string) =>
    w.db.query<{ kind: string; url: string | null; machine: boolean; why: string | null }>(
      'select kind, url, machine, why from engagement where send_id = $1 order by id',
      [sendId],
    );
  const get = (path: string, headers: Record<string, string> = { 'user-agent': SAFARI }, method = 'GET') =>
    app.request(path, { method, headers });

  it('leaves the html alone while the team has tracking off (the default)', async () => {
    expect((await decorate('eli')).html).toBe(HTML);
  });

  it('rewrites only the http(s) links and adds a pixel when the team turns both on; another team stays off', async () => {
    await track('contoso', { trackOpens: true, trackClicks: true });
    const { html } = await decorate('eli');
    const [pricing, mail, unsubscribe, pixel] = [...links(html), html.match(/<img src="([^"]+)"/)![1]!];
    expect(pricing).toMatch(/^https:\/\/sendwell\.test\/t\/c\/[\w-]+\.[\w-]{43}$/);
    expect(mail).toBe('mailto:eli@contoso.test');
    expect(unsubscribe).toBe('https://sendwell.test/u/abc.def');
    expect(pixel).toMatch(/^https:\/\/sendwell\.test\/t\/o\/[\w-]+\.[\w-]{43}\.gif$/);
    expect((await decorate('gus')).html).toBe(HTML); // acme never turned it on
  });

  it.each([
    [{ trackOpens: false, trackClicks: true }, true, false],
    [{ trackOpens: true, trackClicks: false }, false, true],
  ])('%j: clicks %s, pixel %s', async (rules, clicks, pixel) => {
    await track('contoso', rules);
    const { html } = await decorate('eli');
    expect(html.includes('/t/c/')).toBe(clicks);
    expect(html.includes('/t/o/')).toBe(pixel);
  });

  it('a click records a person’s click, tells the rep, and redirects to the original URL', async () => {
    await track('contoso', { trackOpens: true, trackClicks: true });
    const { sendId, html } = await decorate('eli');
    const before = w.published.length;
    const res = await get(pathOf(links(html)[0]!));
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('https://example.com/pricing?a=1&b=2');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await rows(sendId)).toEqual([
      { kind: 'click', url: 'https://example.com/pricing?a=1&b=2', machine: false, why: null },
    ]);
    expect(w.published.slice(before)).toEqual([
      expect.objectContaining({
        userId: 'eli',
        type: 'engagement.click',
        sendId,
        recipient: 'pat@example.com',
        detail: { machine: false, why: null, url: 'https://example.com/pricing?a=1&b=2' },
      }),
    ]);
  });

  it.each([
    ['a click seconds after sending (a gateway scanner)', 0, { 'user-agent': SAFARI }, 'GET', 'too-fast'],
    ['a link checker’s HEAD', 60, { 'user-agent': SAFARI }, 'HEAD', 'head'],
    [
      'Proofpoint',
      60,
      { 'user-agent': 'Mozilla/5.0 (compatible; urldefense.proofpoint.com)' },
      'GET',
      'scanner',
    ],
  ])('%s is flagged as a machine and still redirected', async (_name, minutesAgo, headers, method, why) => {
    const { sendId, html } = await decorate('eli', minutesAgo);
    const res = await get(pathOf(links(html)[0]!), headers, method);
    expect(res.status).toBe(302);
    expect(await rows(sendId)).toMatchObject([{ kind: 'click', machine: true, why }]);
  });

  it.each([
    ['a person', SAFARI, false, null],
    ['Apple Mail Privacy Protection', 'Mozilla/5.0', true, 'apple-mpp'],
  ])('the pixel answers a 43-byte GIF, never cached; an open by %s', async (_who, ua, machine, why) => {
    const { sendId, html } = await decorate('eli');
    const res = await get(pathOf(html.match(/<img src="([^"]+)"/)![1]!), { 'user-agent': ua });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/gif');
    expect(res.headers.get('cache-control')).toMatch(/no-store/);
    expect((await res.arrayBuffer()).byteLength).toBe(43);
    expect(await rows(sendId)).toEqual([{ kind: 'open', url: null, machine, why }]);
  });

  it('refuses a token it did not sign: no redirect anywhere, nothing recorded', async () => {
    const { sendId } = await decorate('eli');
    const forged = clickToken(randomBytes(32), sendId, 'https://evil.test/');
    const [payload, mac] = clickToken(secret, sendId, 'https://example.com/').split('.');
    const swapped = `${Buffer.from(JSON.stringify([sendId, 'https://evil.test/'])).toString('base64url')}.${mac}`;
    for (const path of [
      `/c/${forged}`,
      `/c/${swapped}`,
      `/c/${payload}`,
      `/c/${openToken(secret, sendId)}`, // an open token is not a click token
      `/o/${clickToken(secret, sendId, 'https://example.com/')}.gif`,
      '/c/not-a-token',
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(400);
      expect(res.headers.get('location'), path).toBeNull();
      expect(await res.text(), path).toContain('This link does not work');
    }
    expect(await rows(sendId)).toEqual([]);
  });

  it('a signed link to a send that is gone still takes the person where the link went', async () => {
    const res = await get(`/c/${clickToken(secret, 'send-gone', 'https://example.com/x')}`);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('https://example.com/x');
  });
});
