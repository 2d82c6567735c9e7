import { readFileSync, existsSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { createSandbox } from '../sandbox';
// @ts-ignore
import { chromium } from '/work/main/node_modules/.pnpm/playwright-core@1.65.1/node_modules/playwright-core/index.mjs';

const dist = '/work/main/packages/outlook/dist';
let app: Hono = new Hono();
const server = serve({ fetch: (req) => app.fetch(req), port: 0, hostname: '127.0.0.1' });
await new Promise((r) => server.once('listening', r));
const port = (server.address() as { port: number }).port;
const base = `http://127.0.0.1:${port}`;
const sandbox = createSandbox({ baseUrl: `${base}/sandbox` });
const sends: unknown[] = [];
const auths: string[] = [];
const listeners = new Set<(e: object) => void>();
app = new Hono();
app.route('/sandbox', sandbox.app);
app.get('/outlook/*', (c) => {
  const file = dist + c.req.path.replace('/outlook', '');
  if (!existsSync(file)) return c.text('nf', 404);
  const type = file.endsWith('.html') ? 'text/html' : file.endsWith('.js') ? 'text/javascript' : 'text/css';
  return c.body(readFileSync(file), 200, { 'content-type': type });
});
app.use('/api/*', async (c, next) => {
  const auth = c.req.header('authorization') ?? `query ${c.req.query('access_token')?.slice(0, 10)}`;
  auths.push(auth.slice(0, 20));
  await next();
});
app.get('/api/channel', (c) => c.json({ channel: { kind: 'exchange', label: 'Exchange Online — your mailbox', address: 'ava@contoso.test', profileId: 'exchange-online' }, forced: true, explanation: 'Sent through Exchange Online — your mailbox, not your default channel (Custom SMTP): sends from Outlook always use your own mailbox.' }));
app.get('/api/quota', (c) => c.json({ profileId: 'exchange-online', used: { messagesPerMinute: sends.length, recipientsPer24h: sends.length * 2 }, limits: { messagesPerMinute: 30, recipientsPer24h: 10000 }, remaining: {}, nextFreeAt: null, pausedUntil: null, queued: 0 }));
app.get('/api/templates', (c) => c.json({ templates: [{ id: 't1', name: 'First touch', subject: 'Quick idea for {{recipient.firstName}}', body: '<p>Hi {{recipient.firstName}},</p><p>Sendwell paces your sends.</p>' }] }));
app.get('/api/templates/:id/analytics', (c) => c.json({ templateId: 't1', sent: sends.length, bounced: sends.length ? 1 : 0, hardBounced: sends.length ? 1 : 0, softBounced: 0, delayed: 0 }));
app.post('/api/sends', async (c) => {
  const body = await c.req.json();
  sends.push(body);
  const at = new Date().toISOString();
  setTimeout(() => { for (const l of listeners) l({ type: 'send.submitted', at, sendId: 's1', recipient: body.to[0], templateId: body.templateId }); }, 200);
  setTimeout(() => { for (const l of listeners) l({ type: 'bounce', at, sendId: 's1', recipient: 'nobody@bounce.test', templateId: body.templateId, detail: { hard: true, reason: 'userunknown', status: '5.1.1' } }); }, 500);
  return c.json({ send: { id: 's1', status: 'queued', sendAt: new Date(Date.now() + 10 * 60_000).toISOString(), channel: {}, explanation: 'Next slot in 10 minutes.' } }, 202);
});
app.get('/api/feed', (c) => streamSSE(c, async (stream) => {
  const l = (e: object) => { void stream.writeSSE({ data: JSON.stringify(e) }); };
  listeners.add(l);
  await new Promise<void>((r) => stream.onAbort(() => { listeners.delete(l); r(); }));
}));

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  const external: string[] = [];
  page.on('request', (r: { url(): string }) => { if (!r.url().startsWith(base)) external.push(r.url()); });
  page.on('console', (m: { type(): string; text(): string }) => console.log('console', m.type(), m.text()));
  page.on('pageerror', (e: Error) => console.log('pageerror', e.message));
  await page.goto(`${base}/sandbox/outlook`);
  await page.getByTestId('host-to').fill('Ada Lovelace <ada@prospect.test>, nobody@bounce.test');
  await page.getByTestId('host-cc').fill('eli@contoso.test');
  const pane = page.frameLocator('[data-testid=taskpane-frame]');
  console.log('channel:', await pane.getByTestId('channel-label').textContent());
  console.log('quota:', await pane.getByTestId('quota').textContent());
  await pane.getByTestId('template-picker').selectOption('t1');
  await pane.getByTestId('insert-template').click();
  await pane.getByTestId('insert-status').waitFor();
  console.log('subject:', await page.getByTestId('host-subject').inputValue());
  console.log('body:', await page.getByTestId('host-body').innerHTML());
  console.log('analytics:', await pane.getByTestId('template-analytics').textContent());
  await pane.getByTestId('send-button').click();
  console.log('status:', await pane.getByTestId('send-status').textContent());
  await pane.getByTestId('feed-item').filter({ hasText: 'bounced' }).waitFor();
  console.log('feed:', await pane.getByTestId('live-feed').textContent());
  await page.waitForTimeout(300);
  console.log('analytics after:', await pane.getByTestId('template-analytics').textContent());
  console.log('sends:', JSON.stringify(sends));
  console.log('auths:', [...new Set(auths)].join(' | '));
  console.log('external requests:', external);
  await page.screenshot({ path: '/tmp/outlook-host.png' });
  await page.getByTestId('host-account-type').selectOption('outlookCom');
  await pane.getByTestId('host-notice').waitFor();
  console.log('notice:', await pane.getByTestId('host-notice').textContent(), 'send disabled:', await pane.getByTestId('send-button').isDisabled());
  await page.screenshot({ path: '/tmp/outlook-host-outlookcom.png' });
  const plain = await browser.newPage();
  plain.on('request', (r: { url(): string }) => { if (!r.url().startsWith(base)) console.log('plain external:', r.url()); });
  await plain.goto(`${base}/outlook/taskpane.html?sandbox=1`);
  console.log('pane alone:', await plain.getByTestId('pane-unavailable').textContent());
} finally {
  await browser.close();
  server.close();
}
