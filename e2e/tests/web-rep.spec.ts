import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { createVoice, systemClock } from '@sendwell/core';
import { SIGN_IN_ERRORS } from '../../packages/web/src/app/signInErrors';
import { axeViolations } from './support/axe';
import { runTag } from './support/sandboxMail';
import { signInToWebApp } from './support/webApp';

// The web app's rep pages in a real browser against the sandbox-mode server: sign-in through the
// sandbox's Microsoft and Google consent pages, Home (connection, channel, a web send), Sends (the
// send with its channel, a bounce's detail once the scanner finds the notice, cancel and reschedule
// of a queued send), Templates (Tiptap, a merge field, the preview) and My numbers. Acme's people
// (Gus, admin; Ivy, rep; Gmail) are used so the admin specs' changes to Contoso do not matter here.
// axe runs on every page with every default rule.

const TAG = runTag();
const voice = createVoice({ locale: 'en', timeZone: 'UTC', clock: systemClock });

// Each test signs in through the consent pages and runs axe more than once: slower than the default.
test.describe.configure({ mode: 'serial', timeout: 150_000 });

async function expectNoAxeViolations(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

/** The session's bearer token, as the page itself gets it (the browser context carries the cookie). */
async function sessionToken(page: Page): Promise<string> {
  const res = await page.request.get('/app/session');
  expect(res.ok(), `GET /app/session answered ${res.status()}`).toBe(true);
  return ((await res.json()) as { token: string }).token;
}

async function sendFromHome(page: Page, to: string, subject: string) {
  await page.goto('/app/');
  await page.getByTestId('web-send-to').fill(to);
  await page.getByTestId('web-send-subject').fill(subject);
  await page.getByTestId('web-send-message').fill(`Hello,\n\nThis is ${subject}.`);
  await page.getByTestId('web-send-submit').click();
  await expect(page.getByTestId('web-send-result')).toBeVisible();
}

test('the sign-in page offers both providers and words a failed sign-in; no axe violations', async ({
  page,
}) => {
  await page.goto('/app/sends');
  await expect(page).toHaveURL(/\/app\/signin$/);
  await expect(page.getByTestId('web-signin-microsoft')).toBeVisible();
  await expect(page.getByTestId('web-signin-google')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto('/app/signin?error=signin-expired');
  await expect(page.getByTestId('web-signin-error')).toHaveText(SIGN_IN_ERRORS['signin-expired']!);
  await expectNoAxeViolations(page);
});

test('Gus signs in with Google, sees Admin (he administers Acme), and signs out', async ({ page }) => {
  await signInToWebApp(page, 'gus', 'google');
  await expect(page.getByTestId('web-signed-in-as')).toContainText('gus@acme.test');
  await expect(page.getByTestId('web-nav-admin')).toBeVisible();
  await page.getByTestId('web-signout').click();
  await expect(page).toHaveURL(/\/app\/signin$/);
  await page.goto('/app/');
  await expect(page).toHaveURL(/\/app\/signin$/);
});

test('Home: Ivy’s connection and channels, worded, and no Admin for a rep; no axe violations', async ({
  page,
}) => {
  await signInToWebApp(page, 'ivy', 'google');
  await expect(page.getByTestId('web-nav-admin')).toHaveCount(0);
  await expect(page.getByTestId('web-connection-mbx-ivy')).toContainText(/connected/i);
  const channels = page.getByTestId('web-channels');
  await expect(channels.getByRole('radio').first()).toBeVisible();
  await expect(channels.getByTestId('web-channel-bounce-tracking').first()).not.toBeEmpty();
  await expectNoAxeViolations(page);
});

test('a web send goes out, shows in Sends with its channel, and its bounce detail arrives', async ({
  page,
}) => {
  await signInToWebApp(page, 'ivy', 'google');
  const to = `nobody-${TAG}@bounce.test`;
  await sendFromHome(page, to, `Bounce check ${TAG}`);
  await expect(page.getByTestId('web-send-result-channel')).not.toBeEmpty();
  await page.getByTestId('web-send-result').getByRole('link').click();
  await expect(page).toHaveURL(/\/app\/sends\/[^/]+$/);
  await expect(page.getByTestId('web-send-channel')).not.toHaveText(/Not recorded/);
  // The sandbox files the notice, the scanner (every second in sandbox mode) attributes it.
  const recipient = page.getByTestId(`web-send-recipient-${to}`);
  await expect(async () => {
    await page.reload();
    await expect(recipient).toContainText('Bounced', { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(recipient).toContainText('5.1.1');
  await expect(recipient).toContainText(voice.bounceReason('userunknown'));
  await expectNoAxeViolations(page);

  await page.getByTestId('web-nav-sends').click();
  await page.getByTestId('web-sends-search').fill(TAG);
  await page.getByTestId('web-sends-search-submit').click();
  const rows = page.locator('[data-testid^="web-sends-row-"]');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(to);
  await expectNoAxeViolations(page);
});

async function setGmailBatch(
  request: APIRequestContext,
  token: string,
  batch: { size: number; everySeconds: number } | null,
) {
  const headers = { authorization: `Bearer ${token}` };
  const settings = await request.get('/api/v1/settings/throttle', { headers });
  expect(settings.ok()).toBe(true);
  const { profiles } = (await settings.json()) as { profiles: { profileId: string; providerName: string }[] };
  const gmail = profiles.find((p) => /gmail|google/i.test(`${p.profileId} ${p.providerName}`));
  expect(gmail, JSON.stringify(profiles)).toBeTruthy();
  const res = await request.put('/api/v1/settings/throttle', {
    headers,
    data: { profileId: gmail!.profileId, batch },
  });
  expect(res.ok(), await res.text()).toBe(true);
}

test('a queued send can be rescheduled (the answer says when it really goes) and cancelled', async ({
  browser,
  page,
}) => {
  // Gus, Acme's admin, paces Gmail to one email an hour, so Ivy's second email waits in the outbox.
  const admin = await (await browser.newContext()).newPage();
  await signInToWebApp(admin, 'gus', 'google');
  const adminToken = await sessionToken(admin);
  await setGmailBatch(admin.request, adminToken, { size: 1, everySeconds: 3600 });
  try {
    await signInToWebApp(page, 'ivy', 'google');
    await sendFromHome(page, `first-${TAG}@example.com`, `Paced one ${TAG}`);
    await sendFromHome(page, `second-${TAG}@example.com`, `Paced two ${TAG}`);
    await page.getByTestId('web-send-result').getByRole('link').click();
    await expect(page.getByTestId('web-send-status')).toHaveText('Queued');
    await expectNoAxeViolations(page);

    await page.getByTestId('web-send-reschedule').click();
    await expect(page.getByTestId('web-send-reschedule-result')).not.toBeEmpty();
    await page.getByTestId('web-send-cancel').click();
    await expect(page.getByTestId('web-send-status')).toHaveText('Cancelled');
    await expect(page.getByTestId(`web-send-recipient-second-${TAG}@example.com`)).toContainText('Not sent');
    await expect(page.getByTestId('web-send-cancel')).toHaveCount(0);
  } finally {
    await setGmailBatch(admin.request, adminToken, null);
  }
});

test('templates: a personal template with a merge field, previewed for a sample person', async ({ page }) => {
  await signInToWebApp(page, 'ivy', 'google');
  await page.getByTestId('web-nav-templates').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Templates' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByTestId('web-template-new').click();
  await page.getByTestId('web-template-name').fill(`Intro ${TAG}`);
  await page.getByTestId('web-template-subject').fill('A quick hello');
  // A rep shares templates with nobody but themselves.
  await expect(page.getByTestId('web-template-scope').getByRole('radio', { name: 'My team' })).toBeDisabled();
  const body = page.getByTestId('web-template-body');
  await body.click();
  await page.keyboard.type('Hi ');
  await page.getByTestId('web-template-merge-field').click();
  await page.getByTestId('web-merge-field-recipient.firstName').click();
  await page.keyboard.type(', nice to meet you.');
  await expect(body).toContainText('Hi {{recipient.firstName}}, nice to meet you.');
  await page.getByTestId('web-template-save').click();
  await expect(page).toHaveURL(/\/app\/templates\/(?!new)[^/]+$/);
  await expect(page.getByTestId('web-template-saved')).toBeVisible();

  await page.getByTestId('web-template-sample-email').fill('ana.lopez@example.com');
  await page.getByTestId('web-template-sample-name').fill('Ana López');
  await page.getByTestId('web-template-preview-run').click();
  const preview = page.frameLocator('[data-testid="web-template-preview-body"]');
  await expect(preview.locator('body')).toContainText('Hi Ana, nice to meet you.');
  // The preview frame is the rep's own email in a script-less sandbox: axe checks the page around it
  // (not the email: axe cannot run inside it).
  expect(await axeViolations(page, { exclude: ['[data-testid="web-template-preview-body"]'] })).toEqual([]);

  await page.getByTestId('web-nav-templates').click();
  await expect(page.getByRole('link', { name: `Intro ${TAG}` })).toBeVisible();
});

test('My numbers: sends and bounces per day, bounce reasons, as charts and tables; no axe violations', async ({
  page,
}) => {
  await signInToWebApp(page, 'ivy', 'google');
  await page.getByTestId('web-nav-numbers').click();
  await expect(page.getByTestId('web-numbers-per-day-table')).toBeVisible();
  await expect(page.getByTestId('web-numbers-reasons-table')).toContainText(
    voice.bounceReason('userunknown'),
  );
  await expectNoAxeViolations(page);
});

test('an unknown address shows "Page not found" inside the app; no axe violations', async ({ page }) => {
  await signInToWebApp(page, 'ivy', 'google');
  await page.goto('/app/no-such-page');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page.getByTestId('web-nav-home')).toBeVisible();
  await expectNoAxeViolations(page);
});
