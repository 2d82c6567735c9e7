import { expect, type Page, test } from '@playwright/test';
import { type AnalyticsCounts, createVoice, systemClock } from '@sendwell/core';

// A rep in the sandbox Outlook compose window: insert a template, send one email that bounces and
// one that does not (each from its own compose window: a draft sends once); the bounce reaches the
// pane's live feed and the template's analytics, worded by core's voice.

const pane = (page: Page) => page.frameLocator('[data-testid="taskpane-frame"]');

async function sendFromNewDraft(page: Page, address: string) {
  await page.goto('/sandbox/outlook?user=ava');
  await expect(pane(page).getByTestId('channel-label').first()).toContainText('Exchange Online');
  await page.getByTestId('host-to').fill(address);
  await pane(page).getByTestId('template-picker').selectOption({ label: 'First touch' });
  await pane(page).getByTestId('insert-template').click();
  await expect(page.getByTestId('host-subject')).toHaveValue(/Quick question/);
  await pane(page).getByTestId('send-button').click();
  await expect(pane(page).getByTestId('send-status')).toHaveAttribute(
    'data-state',
    /scheduled|queued|submitted/,
  );
}

test('Outlook pane: send, bounce in the live feed, template analytics', async ({ page }) => {
  await sendFromNewDraft(page, 'nobody@bounce.test');
  await sendFromNewDraft(page, 'pat.lee@example.com');

  const bounced = pane(page)
    .getByTestId('feed-item')
    .filter({ hasText: 'nobody@bounce.test' })
    .locator('[data-testid="feed-recipient"][data-tone="error"]');
  await expect(bounced.first()).toContainText('nobody@bounce.test', { timeout: 30_000 });

  // Two messages to two recipients, one of whom bounced (hard): all of them this rep's.
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
  const analytics = { templateId: 'first-touch', team: counts, mine: counts };
  const voice = createVoice({ locale: 'en', clock: systemClock });
  await expect(pane(page).getByTestId('template-analytics-team')).toHaveText(
    voice.analytics(analytics, 'team'),
    {
      timeout: 30_000,
    },
  );
  await expect(pane(page).getByTestId('template-analytics-mine')).toHaveText(
    voice.analytics(analytics, 'mine'),
  );
});
