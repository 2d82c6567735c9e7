import { expect, type Page, test } from '@playwright/test';
import { batchInfo, batchSettingSchema, getProfile, LEGACY_WARNING } from '@sendwell/core';
import { axeViolations } from './support/axe';
import { signInToWebApp } from './support/webApp';

// The team admin's pages in the web app, against the sandbox-mode server: every page passes axe, the
// throttle explains the clamp in the planner's own words, a role change is saved and audited, the
// legacy switch decides whether a legacy account sees the legacy servers, and a rep is refused.

// Independent tests: each signs in on its own page.
const ADMIN_PAGES = [
  { path: 'members', ready: 'web-admin-member-eli-role' },
  { path: 'channels', ready: 'web-admin-legacy-visible' },
  { path: 'throttle', ready: 'web-admin-throttle-exchange-online-size' },
  { path: 'analytics', ready: 'web-admin-analytics-totals' },
  { path: 'audit', ready: 'web-admin-audit' },
  { path: 'manifests', ready: 'web-admin-manifest-outlook-xml' },
] as const;

for (const { path, ready } of ADMIN_PAGES) {
  test(`admin page ${path}: no axe violations`, async ({ page }) => {
    await signInToWebApp(page, 'ava');
    await page.goto(`/app/admin/${path}`);
    await expect(page.getByTestId(ready)).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    // Charts mount after their data, and Fluent's focus manager (Tabster) adds and drops its hidden
    // focus guards while they do: axe is asked again until the page settles; a violation that stays fails.
    await expect.poll(() => axeViolations(page), { timeout: 15_000 }).toEqual([]);
  });
}

test('the Admin nav is for admins: a rep who types the URL is told why, and sees no admin data', async ({
  page,
}) => {
  await signInToWebApp(page, 'eli');
  await expect(page.getByTestId('web-nav-admin')).toHaveCount(0);
  await page.goto('/app/admin/members');
  await expect(page.getByTestId('web-admin-refused')).toBeVisible();
  await expect(page.getByTestId('web-admin-members')).toHaveCount(0);
  expect(await axeViolations(page)).toEqual([]);
});

test('"25 every 45 s" for Exchange Online: the page explains the clamp and forecasts a day', async ({
  page,
}) => {
  const profile = getProfile('exchange-online');
  const requested = { size: 25, everySeconds: 45 };
  // The planner's own account of this setting (core), which the API words the page with.
  const info = batchInfo(profile, requested);
  expect(info.clamped).toBe(true);

  await signInToWebApp(page, 'ava');
  await page.goto('/app/admin/throttle');
  const id = 'web-admin-throttle-exchange-online';
  await page.getByTestId(`${id}-size`).fill(String(requested.size));
  await page.getByTestId(`${id}-every`).fill(String(requested.everySeconds));
  await page.getByTestId(`${id}-save`).click();
  const explanation = page.getByTestId(`${id}-explanation`);
  await expect(explanation).toContainText(info.explanation);
  await expect(explanation).toContainText(info.clampedBy?.label ?? 'no clamp');
  await expect(page.getByTestId(`${id}-forecast`)).toContainText(/up to [\d,]+ emails/);
  expect(await axeViolations(page)).toEqual([]);

  // Refused in core's words before anything is sent; the saved setting stays.
  const refusal = batchSettingSchema.safeParse({ size: 0, everySeconds: 45 }).error?.issues[0]?.message ?? '';
  expect(refusal).not.toBe('');
  await page.getByTestId(`${id}-size`).fill('0');
  await page.getByTestId(`${id}-save`).click();
  await expect(page.getByTestId(`web-admin-throttle-exchange-online`).getByText(refusal)).toBeVisible();
  await page.reload();
  await expect(page.getByTestId(`${id}-size`)).toHaveValue(String(requested.size));

  await page.goto('/app/admin/audit');
  await expect(
    page.locator('[data-testid="web-admin-audit-row"][data-action="settings.throttle.changed"]').first(),
  ).toContainText('exchange-online');

  // Leave the team's pace as it was for the specs that send through contoso's mailboxes.
  await page.goto('/app/admin/throttle');
  await page.getByTestId(`${id}-clear`).click();
  await expect(page.getByTestId(`${id}-size`)).toHaveValue('');
});

test("a member's role is changed, saved and audited", async ({ page }) => {
  await signInToWebApp(page, 'ava');
  await page.goto('/app/admin/members');
  // Ava is contoso's only admin: making herself a rep is refused, and she stays an admin.
  const own = page.getByTestId('web-admin-member-ava-role');
  await own.selectOption('rep');
  await expect(page.getByTestId('web-admin-member-error')).toHaveAttribute('data-code', 'last-admin');
  await expect(own).toHaveValue('admin');

  const role = page.getByTestId('web-admin-member-eli-role');
  // The select shows what the server holds: it turns once the change is saved, and stays on reload.
  await role.selectOption('admin');
  await expect(role).toHaveValue('admin');
  await page.reload();
  await expect(role).toHaveValue('admin');
  await role.selectOption('rep');
  await expect(role).toHaveValue('rep');
  await page.reload();
  await expect(role).toHaveValue('rep');

  await page.goto('/app/admin/audit');
  const rows = page.locator('[data-testid="web-admin-audit-row"][data-action="member.role.changed"]');
  await expect(rows.first()).toContainText('admin → rep');
  await expect(rows.first()).toContainText('Ava Reyes');
});

async function legacyOption(page: Page) {
  await page.goto('/app/');
  await expect(page.getByTestId('web-channels')).toBeVisible();
  return page.getByTestId('web-channel-legacy-hosted');
}

test('a legacy account sees the legacy servers with their warning, others do not; the admin switch hides them', async ({
  page,
  browser,
}) => {
  await signInToWebApp(page, 'lou');
  const option = await legacyOption(page);
  await expect(option).toBeVisible();
  await expect(option.getByTestId('web-channel-warning')).toHaveText(LEGACY_WARNING);

  const ava = await (await browser.newContext()).newPage();
  await signInToWebApp(ava, 'ava');
  await expect(await legacyOption(ava)).toHaveCount(0);

  // Lou is fabrikam's admin: hiding the legacy servers hides them from him too, and back.
  await page.goto('/app/admin/channels');
  const legacySwitch = page.getByTestId('web-admin-legacy-visible');
  await expect(legacySwitch).toBeChecked();
  // The switch shows what the server holds: it turns once the change is saved.
  await legacySwitch.click();
  await expect(legacySwitch).not.toBeChecked();
  await expect(await legacyOption(page)).toHaveCount(0);
  await page.goto('/app/admin/channels');
  await page.getByTestId('web-admin-legacy-visible').click();
  await expect(page.getByTestId('web-admin-legacy-visible')).toBeChecked();
  await expect(await legacyOption(page)).toBeVisible();

  await page.goto('/app/admin/audit');
  await expect(
    page.locator('[data-testid="web-admin-audit-row"][data-action="channel.legacy-visibility.changed"]'),
  ).toHaveCount(2);
});
