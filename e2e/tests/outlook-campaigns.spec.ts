import { expect, type FrameLocator, type Page, test } from '@playwright/test';
import { createVoice, systemClock } from '@sendwell/core';
import { paneViolations } from './support/axe';
import { runTag } from './support/sandboxMail';
import { signInToWebApp } from './support/webApp';

// The Outlook pane's issue-9 extras in the sandbox compose window against the sandbox-mode server:
// Ava (Contoso, Exchange) adds the draft's recipients to her campaign from the pane, one of them a
// `@bounce.test` address; the campaign worker sends step 1, the sandbox bounces it, the scanner takes
// the person out, and the pane reads "left: bounced" for that recipient (live, from the feed). Then
// template search, recently used, send at and cancel through the real routes. axe on the pane.

const REP = 'ava'; // the host page's first Exchange user
const TAG = runTag();
const voice = createVoice({ locale: 'en', timeZone: 'UTC', clock: systemClock });
const GOOD = `good-${TAG}@example.com`;
const BOUNCE = `nobody-${TAG}@bounce.test`;

test.describe.configure({ mode: 'serial', timeout: 180_000 });

const pane = (page: Page): FrameLocator => page.frameLocator('[data-testid="taskpane-frame"]');

/** Ava's API token, as the web app holds it after she signs in. */
async function apiToken(page: Page): Promise<string> {
  await signInToWebApp(page, REP);
  return ((await (await page.request.get('/app/session')).json()) as { token: string }).token;
}

async function post<T>(page: Page, token: string, path: string, data: unknown): Promise<T> {
  const res = await page.request.post(`/api/v1${path}`, {
    headers: { authorization: `Bearer ${token}` },
    data,
  });
  expect(res.ok(), await res.text()).toBe(true);
  return (await res.json()) as T;
}

async function openCompose(page: Page, to: string) {
  await page.goto(`/sandbox/outlook?user=${REP}`);
  await expect(pane(page).getByTestId('quota')).toBeVisible();
  await page.getByTestId('host-to').fill(to);
}

/** The pane's line for one recipient (its `data-email` is the address in lower case). */
const personStatus = (page: Page, email: string) =>
  pane(page).locator(`[data-testid="person-status"][data-email="${email}"]`);

test('Outlook: add the draft’s recipients to a campaign; after the sandbox bounce one reads "left: bounced"', async ({
  page,
}) => {
  const token = await apiToken(page);
  const template = await post<{ id: string }>(page, token, '/templates', {
    name: `Pane intro ${TAG}`,
    subject: `Hello ${TAG}`,
    body: '<p>Hi {{recipient.firstName|there}},</p>',
  });
  // Step 1 at once at any hour (the test must not wait for office hours); step 2 two days later.
  const steps = [0, 2].map((days) => ({
    templateId: template.id,
    delay: { amount: days, unit: 'days' },
    window: null,
  }));
  const campaign = await post<{ id: string; name: string }>(page, token, '/campaigns', {
    name: `Pane spring ${TAG}`,
    timeZone: 'UTC',
    steps,
  });

  await openCompose(page, `Grace Good <${GOOD}>, Nobody <${BOUNCE}>`);
  await pane(page).getByTestId('campaign-picker').selectOption({ label: campaign.name });
  await pane(page).getByTestId('campaign-add').click();
  await expect(pane(page).getByTestId('campaign-result')).toHaveAttribute('data-state', 'done');
  await expect(pane(page).getByTestId('campaign-result')).toContainText(
    voice.enrolAnswer({ enrolled: 2, errors: [], dryRun: false }),
  );
  await expect(personStatus(page, GOOD).getByTestId('person-enrolment')).toHaveAttribute(
    'data-status',
    'active',
  );
  await expect(personStatus(page, BOUNCE).getByTestId('person-remove')).toBeVisible();
  expect(await paneViolations(page)).toEqual([]);

  // The worker sends step 1, the sandbox bounces the one address, the scanner finds the notice:
  // the feed's campaign.left event makes the pane read the person again, with no click.
  const left = voice.enrolmentStatus({ status: 'left', leftReason: 'bounced', nextStep: null, nextAt: null });
  expect(left).toBe('left: bounced'); // the exact words
  await expect(personStatus(page, BOUNCE).getByTestId('person-enrolment')).toContainText(left, {
    timeout: 120_000,
  });
  await expect(personStatus(page, BOUNCE).getByTestId('person-remove')).toHaveCount(0);
  await expect(personStatus(page, BOUNCE).getByTestId('person-suppressed')).toBeVisible();
  await expect(personStatus(page, GOOD).getByTestId('person-enrolment')).toHaveAttribute(
    'data-status',
    'active',
  );

  // Remove the other person by hand: they leave "removed".
  await personStatus(page, GOOD).getByTestId('person-remove').click();
  const removed = voice.enrolmentStatus({
    status: 'left',
    leftReason: 'removed',
    nextStep: null,
    nextAt: null,
  });
  await expect(personStatus(page, GOOD).getByTestId('person-enrolment')).toContainText(removed);
  expect(await paneViolations(page)).toEqual([]);
});

test('Outlook: search a template, send it tomorrow, cancel it from the feed; it is then recently used', async ({
  page,
}) => {
  const token = await apiToken(page);
  const name = `Walrus note ${TAG}`;
  await post(page, token, '/templates', { name, subject: `Walrus ${TAG}`, body: '<p>Hi there</p>' });

  await openCompose(page, `later-${TAG}@example.com`);
  await pane(page).getByTestId('template-search').fill(`walrus note ${TAG}`);
  const picker = pane(page).getByTestId('template-picker');
  await expect(picker.locator('option')).toHaveText([voice.t('pane.chooseTemplate'), name]);
  await picker.selectOption({ label: name });
  await pane(page).getByTestId('insert-template').click();
  await expect(pane(page).getByTestId('insert-status')).toHaveAttribute('data-state', 'inserted');

  // About a day from now on the pane's clock, whatever the browser's zone: later than now, within the year.
  const tomorrow = new Date(Date.now() + 86_400_000);
  const value = tomorrow.toISOString().slice(0, 16);
  await pane(page).getByTestId('send-at').fill(value);
  await expect(pane(page).getByTestId('send-at-confirm')).toHaveAttribute('data-state', 'at');
  await pane(page).getByTestId('send-button').click();
  const status = pane(page).getByTestId('send-status');
  await expect(status).toHaveAttribute('data-state', 'scheduled');
  const sendId = await status.getAttribute('data-send-id');

  const row = pane(page).locator(`[data-testid="feed-item"][data-send-id="${sendId}"]`);
  await row.getByTestId('cancel-send').click();
  await expect(row).toHaveAttribute('data-phase', 'cancelled');
  await expect(row.getByTestId('cancel-send')).toHaveCount(0);

  // The send used the template: it leads "Recently used" (read again after the send).
  await expect(pane(page).getByTestId('template-recent-item').first()).toHaveText(name);
  expect(await paneViolations(page)).toEqual([]);
});
