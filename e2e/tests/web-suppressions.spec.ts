import { expect, type Page, test } from '@playwright/test';
import { createVoice, DEFAULT_BOUNCE_RULES, pickLocale, type Suppression, systemClock } from '@sendwell/core';
import { axeViolations } from './support/axe';
import { signInToWebApp } from './support/webApp';

// Suppression and bounce rules in the web app against the sandbox-mode server: an admin (ava,
// contoso) suppresses an address; a rep (eli) reads why in core's words and his send to it is
// refused; the admin lifts it after a question, audited; the admin changes a bounce rule, audited.
// axe runs on every page with every default rule.

test.describe.configure({ mode: 'serial', timeout: 150_000 });

const ADDRESS = `stop-${Date.now()}@example.com`;
const NOTE = 'Asked by phone not to be emailed';

async function sessionToken(page: Page): Promise<string> {
  const res = await page.request.get('/app/session');
  expect(res.ok(), `GET /app/session answered ${res.status()}`).toBe(true);
  return ((await res.json()) as { token: string }).token;
}

/** Core's voice as the page has it: the browser's language and time zone. */
async function pageVoice(page: Page) {
  const { language, timeZone } = await page.evaluate(() => ({
    language: navigator.language,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  }));
  return createVoice({ locale: pickLocale(language), timeZone, clock: systemClock });
}

/** The address's suppressions as the API answers them (the page's words are built from these). */
async function suppressionsOf(page: Page, email: string): Promise<Suppression[]> {
  const res = await page.request.get(`/api/v1/suppressions?state=all&email=${encodeURIComponent(email)}`, {
    headers: { authorization: `Bearer ${await sessionToken(page)}` },
  });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { items: Suppression[] }).items;
}

const settled = (page: Page) => expect.poll(() => axeViolations(page), { timeout: 15_000 }).toEqual([]);

test('an admin suppresses an address; a rep reads why in core’s words and cannot send to it', async ({
  page,
  browser,
}) => {
  await signInToWebApp(page, 'ava');
  await page.goto('/app/suppressions');
  await expect(page.getByTestId('web-suppressions')).toBeVisible();
  await settled(page);

  await page.getByTestId('web-suppression-add-email').fill(ADDRESS.toUpperCase());
  await page.getByTestId('web-suppression-add-note').fill(NOTE);
  await page.getByTestId('web-suppression-add-submit').click();
  await expect(page.getByTestId('web-suppression-added')).toContainText(NOTE);
  const [suppression] = await suppressionsOf(page, ADDRESS);
  expect(suppression).toMatchObject({ email: ADDRESS, reason: 'manual', detail: { note: NOTE } });

  const rep = await (await browser.newContext()).newPage();
  await signInToWebApp(rep, 'eli');
  await rep.getByTestId('web-nav-suppressions').click();
  await rep.getByTestId('web-suppressions-search').fill(ADDRESS);
  await rep.getByTestId('web-suppressions-search-submit').click();
  const row = rep.locator(`[data-testid="web-suppression-row"][data-email="${ADDRESS}"]`);
  await expect(row.getByTestId('web-suppression-why')).toHaveText(
    (await pageVoice(rep)).whySuppressed(suppression!),
  );
  await expect(row.getByTestId('web-suppression-lift')).toHaveCount(0);
  await expect(rep.getByTestId('web-suppression-add')).toHaveCount(0);
  await settled(rep);

  // Every send checks suppression: the rep's email to it is refused with the reason, nothing queued.
  const refused = await rep.request.post('/api/v1/sends', {
    headers: { authorization: `Bearer ${await sessionToken(rep)}` },
    data: {
      host: 'outlook',
      to: [ADDRESS],
      subject: 'Hello',
      body: '<p>Hello</p>',
      idempotencyKey: `suppressed-${Date.now()}`,
    },
  });
  expect(refused.status()).toBe(422);
  const error = ((await refused.json()) as { error: { code: string; message: string } }).error;
  expect(error.code).toBe('suppressed');
  expect(error.message).toContain(ADDRESS);
  await rep.context().close();
});

test('the admin lifts it after a question; the history keeps it; the audit log has both', async ({
  page,
}) => {
  await signInToWebApp(page, 'ava');
  await page.goto(`/app/suppressions?email=${encodeURIComponent(ADDRESS)}`);
  const row = page.locator(`[data-testid="web-suppression-row"][data-email="${ADDRESS}"]`);
  await expect(row).toHaveAttribute('data-state', 'live');
  await row.getByTestId('web-suppression-lift').click();
  await expect(row.getByTestId('web-suppression-lift-question')).toContainText(
    (await pageVoice(page)).t('suppression.liftConfirm', { email: ADDRESS }),
  );
  await settled(page);
  await row.getByTestId('web-suppression-lift-confirm').click();
  await expect(row).toHaveAttribute('data-state', 'ended');
  const [lifted] = await suppressionsOf(page, ADDRESS);
  expect(lifted!.liftedAt).not.toBeNull();
  await expect(row.getByTestId('web-suppression-why')).toHaveText(
    (await pageVoice(page)).whySuppressed(lifted!),
  );

  await page.goto('/app/admin/audit');
  for (const action of ['suppression.added', 'suppression.lifted'])
    await expect(
      page.locator(`[data-testid="web-admin-audit-row"][data-action="${action}"]`).first(),
    ).toBeVisible();
});

test('the admin changes a bounce rule: saved, kept on reload, audited; a bad value is refused', async ({
  page,
}) => {
  await signInToWebApp(page, 'ava');
  await page.goto('/app/admin');
  await page.getByTestId('web-admin-nav-rules').click();
  const limit = page.getByTestId('web-admin-rules-softBounceLimit');
  await expect(limit).toHaveValue(String(DEFAULT_BOUNCE_RULES.softBounceLimit));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await settled(page);

  await limit.fill('4');
  await page.getByTestId('web-admin-rules-save').click();
  await expect(page.getByTestId('web-admin-rules-saved')).toBeVisible();
  await page.reload();
  await expect(limit).toHaveValue('4');

  await page.getByTestId('web-admin-rules-breakerRate').fill('0');
  await page.getByTestId('web-admin-rules-save').click();
  await expect(page.getByTestId('web-admin-rules-breakerRate')).toHaveAttribute('aria-invalid', 'true');
  await settled(page);
  await page.reload();
  await expect(page.getByTestId('web-admin-rules-breakerRate')).toHaveValue(
    String(DEFAULT_BOUNCE_RULES.breakerRate * 100),
  );

  await page.goto('/app/admin/audit');
  await expect(
    page.locator('[data-testid="web-admin-audit-row"][data-action="settings.bounce-rules.changed"]').first(),
  ).toBeVisible();

  // Leave contoso's rules as they were for the other specs.
  await page.goto('/app/admin/rules');
  await limit.fill(String(DEFAULT_BOUNCE_RULES.softBounceLimit));
  await page.getByTestId('web-admin-rules-save').click();
  await expect(page.getByTestId('web-admin-rules-saved')).toBeVisible();
});
