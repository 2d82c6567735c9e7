import { expect, type Page, test } from '@playwright/test';
import { axeViolations, paneViolations } from './support/axe';

// axe-core with every rule it runs by default (WCAG A/AA and best practices, none disabled), on each
// page a person reaches: the start page, the Outlook pane in its normal, error and unsupported-account
// states (axe also enters the pane's iframe), and the Gmail card previewer with its cards.

const pane = (page: Page) => page.frameLocator('[data-testid="taskpane-frame"]');

test('start page: no axe violations', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});

test('Outlook pane, normal state: no axe violations', async ({ page }) => {
  await page.goto('/sandbox/outlook');
  await expect(pane(page).getByTestId('quota')).toBeVisible();
  await expect(pane(page).getByTestId('template-picker')).toBeVisible();
  expect(await paneViolations(page)).toEqual([]);
});

test('Outlook pane in Simplified Chinese: the page says its language, no axe violations', async ({
  page,
}) => {
  await page.goto('/sandbox/outlook?lang=zh-CN');
  await expect(pane(page).getByTestId('quota')).toBeVisible();
  await expect(pane(page).locator('html')).toHaveAttribute('lang', 'zh-Hans');
  expect(await paneViolations(page)).toEqual([]);
});

test('Outlook pane opened outside Outlook (no host): no axe violations', async ({ page }) => {
  await page.goto('/outlook/taskpane.html?sandbox=1');
  await expect(page.getByTestId('pane-unavailable')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});

test.describe('Outlook pane, unsupported account types', () => {
  for (const accountType of ['outlookCom', 'enterprise', 'gmail']) {
    test(`${accountType}: no axe violations`, async ({ page }) => {
      await page.goto(`/sandbox/outlook?accountType=${accountType}`);
      await expect(pane(page).getByTestId('host-notice')).toBeVisible();
      expect(await paneViolations(page)).toEqual([]);
    });
  }
});

test.describe('Outlook pane, error states', () => {
  test('the server refuses every API call: no axe violations', async ({ page }) => {
    // The server's own error envelope (http/errors.ts) for an unexpected failure. The public sign-in
    // config still answers, so the pane signs in (NAA) and meets the failures on its API calls.
    await page.route('**/api/v1/**', (route) =>
      route.request().url().endsWith('/api/v1/auth-config')
        ? route.continue()
        : route.fulfill({
            status: 500,
            json: { error: { code: 'internal', message: 'Something went wrong on our side.' } },
          }),
    );
    await page.goto('/sandbox/outlook');
    await expect(pane(page).locator('[data-code="internal"]').first()).toBeVisible();
    expect(await paneViolations(page)).toEqual([]);
  });

  test('no Exchange mailbox connected (channel unavailable): no axe violations', async ({ page }) => {
    await page.route('**/api/v1/channel?*', (route) =>
      route.fulfill({
        status: 409,
        json: {
          error: {
            code: 'channel-unavailable',
            message:
              'Sends from Outlook must go through your Exchange Online mailbox, and none is connected.',
          },
        },
      }),
    );
    await page.goto('/sandbox/outlook');
    await expect(
      pane(page)
        .getByText(/none is connected/)
        .first(),
    ).toBeVisible();
    expect(await paneViolations(page)).toEqual([]);
  });
});

test.describe('Gmail card previewer', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/sandbox/gmail');
    await expect(page.getByTestId('user-picker')).toHaveAttribute('data-state', 'ready');
  });

  test('empty page: no axe violations', async ({ page }) => {
    expect(await axeViolations(page)).toEqual([]);
  });

  for (const trigger of ['home', 'compose'] as const) {
    test(`${trigger} card: no axe violations`, async ({ page }) => {
      await page.getByTestId('draft-to').fill('Ada Lovelace <ada@example.com>');
      await page.getByTestId(`trigger-${trigger}`).click();
      await expect(page.getByTestId('card')).toHaveAttribute('data-card-name', trigger);
      expect(await axeViolations(page)).toEqual([]);
    });
  }
});
