import { expect, type Page, test } from '@playwright/test';
import { type AnalyticsCounts, createVoice, systemClock } from '@sendwell/core';

// A rep in the sandbox Gmail window: the compose card inserts a template and sends the saved draft
// through Gmail (one draft each: a draft sends once); the bounce shows in the homepage card's recent
// activity and the template's analytics, worded by core's voice. Widgets are found by the fields
// Google's card schema defines (input name, button text, section header, topLabel).

// The cards' words come from core's catalog (the previewer's browser is English).
const voice = createVoice({ locale: 'en', clock: systemClock });
const card = (page: Page) => page.getByTestId('card');
/** The previewer is done with the last add-on call, and the add-on answered (its error shown otherwise). */
async function idle(page: Page) {
  await expect(page.getByTestId('card-host')).toHaveAttribute('data-state', 'ready');
  const error = page.getByTestId('addon-error');
  if (await error.isVisible()) throw new Error(`The add-on failed: ${await error.textContent()}`);
}

async function openAs(page: Page, user: string) {
  await page.goto('/sandbox/gmail');
  await expect(page.getByTestId('user-picker')).toHaveAttribute('data-state', 'ready');
  await page.getByTestId('user-picker').selectOption(user);
}

async function sendFromNewDraft(page: Page, address: string) {
  await openAs(page, 'ivy');
  await page.getByTestId('draft-to').fill(address);
  await page.getByTestId('trigger-compose').click();
  await expect(card(page)).toHaveAttribute('data-card-name', 'compose');
  await card(page).getByTestId('templateId').selectOption({ label: 'First touch' });
  await idle(page);
  await card(page).getByTestId('insert-template').click();
  await expect(page.getByTestId('draft-subject')).toHaveValue(/Quick question/);
  await idle(page);
  await card(page).getByTestId('send-with-sendwell').click();
  await idle(page);
  await card(page)
    .getByRole('button', { name: voice.t('gmail.send'), exact: true })
    .click();
  await idle(page);
  await expect(card(page).getByRole('region', { name: voice.t('gmail.status.queued') })).toBeVisible();
}

test('Gmail add-on: send, bounce in recent activity, template analytics', async ({ page }) => {
  await sendFromNewDraft(page, 'nobody@bounce.test');
  await sendFromNewDraft(page, 'pat.lee@example.com');

  const bounce = voice.outcome({
    address: 'nobody@bounce.test',
    state: 'bounced',
    hard: true,
    reason: 'userunknown',
    status: '5.1.1',
    retryUntil: null,
    at: null,
  }).text;
  const counts: AnalyticsCounts = {
    messages: 2,
    recipients: 2,
    messagesBounced: 1,
    recipientsBounced: 1,
    recipientsHardBounced: 1,
    recipientsSoftBounced: 0,
    recipientsDelayed: 0,
    messagesReplied: 0,
  };
  const team = voice.analytics({ templateId: 'first-touch', team: counts, mine: counts }, 'team');

  await openAs(page, 'ivy');
  await page.getByTestId('trigger-home').click();
  await expect(card(page)).toHaveAttribute('data-card-name', 'home');
  const activity = card(page).getByRole('region', { name: voice.t('ui.recentActivity') });
  const analytics = card(page)
    .getByRole('region', { name: voice.t('ui.templates') })
    .locator('[data-top-label="First touch"]');
  // The sandbox files the bounce notice a moment after the send; Refresh until the card has it.
  await expect(async () => {
    await card(page).getByTestId('refresh').click();
    await idle(page);
    await expect(activity).toContainText(bounce, { timeout: 1_000 });
    await expect(analytics).toContainText(team, { timeout: 1_000 });
  }).toPass({ timeout: 40_000 });
});
