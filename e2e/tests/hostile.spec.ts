import { type Browser, expect, type Frame, type Page, test } from '@playwright/test';
import { runTag } from './support/sandboxMail';
import { signInToWebApp } from './support/webApp';

// Script in template names, subjects, bodies and display names is shown as text and never runs: in
// the Outlook pane (sandbox host), the Gmail cards (card previewer), the web app and the live feed.
// Each payload would set a global and open a dialog if it ever ran; the test fails on either, in the
// page and in every frame. The data goes in through the real API as a signed-in admin would put it.

const TAG = runTag();
const PAYLOADS = [
  `<img src=x onerror="window.__pwned='img';alert('img')">`,
  `<script>window.__pwned='script';alert('script')</script>`,
  `"><svg onload="window.__pwned='svg';alert('svg')">`,
  `javascript:window.__pwned='url';alert('url')`,
];
const hostile = (what: string) => `${what} ${TAG} ${PAYLOADS.join(' ')}`.slice(0, 190);

test.describe.configure({ mode: 'serial', timeout: 180_000 });

/** Fails the test on any dialog; the list is checked at the end of each test. */
function watchDialogs(page: Page): string[] {
  const opened: string[] = [];
  page.on('dialog', async (dialog) => {
    opened.push(dialog.message());
    await dialog.dismiss();
  });
  return opened;
}

async function expectNothingRan(page: Page, dialogs: string[]) {
  const frames: Frame[] = page.frames();
  for (const frame of frames)
    expect(await frame.evaluate(() => (window as { __pwned?: string }).__pwned), frame.url()).toBeUndefined();
  expect(dialogs).toEqual([]);
}

/** Signs a sandbox person in to the web app and puts hostile text in through the API as them. */
async function seed(browser: Browser, account: string, provider: 'microsoft' | 'google') {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInToWebApp(page, account, provider);
  const token = ((await (await page.request.get('/app/session')).json()) as { token: string }).token;
  const headers = { authorization: `Bearer ${token}` };
  const template = await page.request.post('/api/v1/templates', {
    headers,
    data: {
      name: hostile('Template'),
      subject: hostile('Subject'),
      body: `<p>${PAYLOADS.join('')}</p>`,
      scope: 'team',
    },
  });
  expect(template.status(), await template.text()).toBe(201);
  const to = `nobody-${TAG}@bounce.test`;
  const send = await page.request.post('/api/v1/sends', {
    headers,
    data: {
      host: provider === 'microsoft' ? 'outlook' : 'gmail',
      to: [to],
      subject: hostile('Sent'),
      body: `<p>Hi {{recipient.firstName|there}} ${PAYLOADS.join('')}</p>`,
      personalise: 'each',
      displayNames: { [to]: hostile('Name') },
      idempotencyKey: `hostile-${TAG}-${account}`,
    },
  });
  expect(send.status(), await send.text()).toBe(202);
  await context.close();
}

test.beforeAll(async ({ browser }) => {
  await seed(browser, 'ava', 'microsoft'); // contoso: the pane and the web app
  await seed(browser, 'gus', 'google'); // acme: the Gmail cards
});

test('web app: templates, sends and the preview show the payloads as text', async ({ page }) => {
  const dialogs = watchDialogs(page);
  await signInToWebApp(page, 'ava');
  await page.goto('/app/templates');
  await expect(page.getByText(`Template ${TAG}`).first()).toBeVisible();
  await expect(page.getByText(`Template ${TAG}`).first()).toContainText('<img src=x onerror=');
  await page.getByText(`Template ${TAG}`).first().click();
  await page.getByTestId('web-template-preview-run').click();
  await expect(page.getByTestId('web-template-preview-subject')).toContainText(`Subject ${TAG}`);
  await page.goto('/app/sends');
  await expect(page.getByText(`Sent ${TAG}`).first()).toContainText('<script>');
  await expectNothingRan(page, dialogs);
});

test('Outlook pane: the template list, insert and the live feed show the payloads as text', async ({
  page,
}) => {
  const dialogs = watchDialogs(page);
  const pane = page.frameLocator('[data-testid="taskpane-frame"]');
  await page.goto('/sandbox/outlook?user=ava');
  const picker = pane.getByTestId('template-picker');
  await expect(picker.locator('option', { hasText: `Template ${TAG}` })).toHaveCount(1);
  await page.getByTestId('host-to').fill('pat.lee@example.com');
  await picker.selectOption({
    label: (await picker.locator('option', { hasText: `Template ${TAG}` }).textContent())!,
  });
  await pane.getByTestId('insert-template').click();
  await expect(page.getByTestId('host-subject')).toHaveValue(new RegExp(`Subject ${TAG}`));
  await expect(
    pane
      .getByTestId('feed-item')
      .filter({ hasText: `nobody-${TAG}@bounce.test` })
      .first(),
  ).toBeVisible({
    timeout: 30_000,
  });
  await expectNothingRan(page, dialogs);
});

test('Gmail cards: the compose card and the homepage show the payloads as text', async ({ page }) => {
  const dialogs = watchDialogs(page);
  const card = page.getByTestId('card');
  await page.goto('/sandbox/gmail');
  await expect(page.getByTestId('user-picker')).toHaveAttribute('data-state', 'ready');
  await page.getByTestId('user-picker').selectOption('ivy');
  await page.getByTestId('draft-to').fill('pat.lee@example.com');
  await page.getByTestId('trigger-compose').click();
  await expect(card).toHaveAttribute('data-card-name', 'compose');
  await expect(card.getByTestId('templateId').locator('option', { hasText: `Template ${TAG}` })).toHaveCount(
    1,
  );
  await page.getByTestId('user-picker').selectOption('gus');
  await page.getByTestId('trigger-home').click();
  await expect(card).toHaveAttribute('data-card-name', 'home');
  await expect(card).toContainText(`nobody-${TAG}@bounce.test`, { timeout: 30_000 });
  await expectNothingRan(page, dialogs);
});

test('the feed answers the payloads as JSON data with nosniff, never as a page', async ({ page }) => {
  await signInToWebApp(page, 'ava');
  const token = ((await (await page.request.get('/app/session')).json()) as { token: string }).token;
  const response = await page.request.get(`/api/v1/feed?scope=team&limit=50`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.headers()['content-type']).toContain('application/json');
  expect(response.headers()['x-content-type-options']).toBe('nosniff');
  expect(await response.text()).toContain(`nobody-${TAG}@bounce.test`);
});
