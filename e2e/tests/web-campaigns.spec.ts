import { expect, type Page, test } from '@playwright/test';
import { createVoice, parseEnrolmentCsv, systemClock } from '@sendwell/core';
import { axeViolations } from './support/axe';
import { runTag } from './support/sandboxMail';
import { signInToWebApp } from './support/webApp';

// The web app's campaign pages in a real browser against the sandbox-mode server: Eli (a Contoso
// rep, Exchange) creates a two-step campaign, imports a CSV with one bad row and one `@bounce.test`
// address (the preview shows the bad row, the server's dry run checks the rest), the campaign worker
// sends step 1, the sandbox bounces the one address, the scanner finds the notice, and the person
// reads "left: bounced" on the campaign page and in the person lookup. axe on every page.

const TAG = runTag();
const voice = createVoice({ locale: 'en', timeZone: 'UTC', clock: systemClock });
const GOOD = `good-${TAG}@example.com`;
const BOUNCE = `nobody-${TAG}@bounce.test`;
const CSV = [
  'email,first name,company',
  `${GOOD},Gina,Contoso`,
  'not-an-address,Bad,X',
  `${BOUNCE},Nobody,Fabrikam`,
].join('\n');

test.describe.configure({ mode: 'serial', timeout: 180_000 });

/** Fluent's focus guards come and go while a page mounts: ask axe again until it settles. */
async function expectNoAxeViolations(page: Page) {
  await expect.poll(() => axeViolations(page), { timeout: 15_000 }).toEqual([]);
}

async function createTemplate(page: Page, name: string, subject: string) {
  const { token } = (await (await page.request.get('/app/session')).json()) as { token: string };
  const res = await page.request.post('/api/v1/templates', {
    headers: { authorization: `Bearer ${token}` },
    data: {
      name,
      subject,
      body: '<p>Hi {{recipient.firstName}},</p><p>A word from Contoso.</p>',
      scope: 'personal',
    },
  });
  expect(res.ok(), await res.text()).toBe(true);
}

async function pickTemplate(page: Page, step: number, name: string) {
  await page.getByTestId(`web-campaign-step-${step}-template`).click();
  await page.getByRole('option', { name }).click();
}

test('a two-step campaign, a CSV with a bad row and a bounce, and the person reads "left: bounced"', async ({
  page,
}) => {
  await signInToWebApp(page, 'eli');
  await createTemplate(page, `Intro ${TAG}`, `Hello ${TAG}`);
  await createTemplate(page, `Follow-up ${TAG}`, `Following up ${TAG}`);

  await page.getByTestId('web-nav-campaigns').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Campaigns' })).toBeVisible();
  await expectNoAxeViolations(page);

  // The editor: a wrong form is refused in words before anything is sent.
  await page.getByTestId('web-campaign-new').click();
  await page.getByTestId('web-campaign-save').click();
  await expect(page.getByText('Name the campaign.')).toBeVisible();
  await expect(page.getByText('Pick a template.')).toBeVisible();
  await expectNoAxeViolations(page);

  // Step 1 right away at any hour (the test must not wait for office hours); step 2 two business days on.
  await page.getByTestId('web-campaign-name').fill(`Spring ${TAG}`);
  await pickTemplate(page, 0, `Intro ${TAG}`);
  await page.getByTestId('web-campaign-step-0-use-window').uncheck();
  await page.getByTestId('web-campaign-add-step').click();
  await pickTemplate(page, 1, `Follow-up ${TAG}`);
  await page.getByRole('radio', { name: 'A reply in the previous step’s thread' }).check();
  await page.getByTestId('web-campaign-save').click();

  await expect(page).toHaveURL(/\/app\/campaigns\/(?!new)[^/]+$/);
  await expect(page.getByRole('heading', { level: 1, name: `Spring ${TAG}` })).toBeVisible();
  await expect(page.getByTestId('web-campaign-status')).toHaveText(voice.t('campaign.status.active'));
  await expect(page.getByTestId('web-campaign-step-row-1')).toContainText(voice.stepThread('same'));
  await expect(page.getByTestId('funnel')).toBeVisible();
  await expectNoAxeViolations(page);

  // The CSV: core's parser refuses the bad row (with its row number), the dry run checks the rest.
  const parsed = parseEnrolmentCsv(CSV);
  expect(parsed.errors).toHaveLength(1);
  await page.getByTestId('web-enrol-csv').fill(CSV);
  await page.getByTestId('web-enrol-preview').click();
  const preview = page.getByTestId('csv-preview');
  await expect(preview).toBeVisible();
  await expect(page.getByTestId('csv-preview-row-2')).toContainText(voice.enrolRowError(parsed.errors[0]!));
  await expect(page.getByTestId('web-enrol-confirm')).toHaveText('Enrol 2 people');
  await expectNoAxeViolations(page);
  await page.getByTestId('web-enrol-confirm').click();
  await expect(page.getByTestId('web-enrol-result')).toHaveText(
    voice.enrolAnswer({ enrolled: 2, dryRun: false, errors: parsed.errors }),
  );

  // The worker sends step 1; the sandbox bounces the one address; the scanner takes the person out.
  const statusOf = (email: string) =>
    page.getByTestId(`web-enrolment-${email}`).getByTestId('enrolment-status');
  await expect(async () => {
    await page.reload();
    await expect(statusOf(BOUNCE)).toHaveText('left: bounced', { timeout: 2_000 });
  }).toPass({ timeout: 90_000 });
  // The good person's step 1 may still be paced by the throttle (earlier specs set a team batch):
  // once it went, they wait for step 2.
  await expect(async () => {
    await page.reload();
    await expect(statusOf(GOOD)).toContainText('step 2 of 2', { timeout: 2_000 });
  }).toPass({ timeout: 90_000 });
  await expect(page.getByTestId('web-campaign-analytics-total')).toBeVisible();
  await expectNoAxeViolations(page);

  // The owner pauses and resumes (a pause by the circuit breaker would need an admin).
  await page.getByTestId('web-campaign-pause').click();
  await expect(page.getByTestId('web-campaign-status')).toContainText(
    voice.t('campaign.pausedBy.owner', { time: '' }).trim(),
  );
  await expect(page.getByTestId('campaign-banner')).toHaveCount(0);
  await page.getByTestId('web-campaign-resume').click();
  await expect(page.getByTestId('web-campaign-status')).toHaveText(voice.t('campaign.status.active'));

  // The person lookup says the same, and that the address is now suppressed for the team.
  await page.getByTestId('web-nav-campaigns').click();
  await page.getByTestId('web-person-email').fill(BOUNCE);
  await page.getByTestId('web-person-lookup').click();
  await expect(page.getByTestId('web-person-status').getByTestId('enrolment-status')).toHaveText(
    'left: bounced',
  );
  await expect(page.getByTestId('web-person-suppressed')).toBeVisible();
  await expectNoAxeViolations(page);
});
