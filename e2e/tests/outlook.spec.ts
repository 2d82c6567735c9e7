import { expect, test } from '@playwright/test';

// A rep in the sandbox Outlook compose window: insert a template, send one email that bounces and
// one that does not; the bounce reaches the pane's live feed and the template's analytics.
test('Outlook pane: send, bounce in the live feed, template analytics 2 sent / 1 bounced', async ({
  page,
}) => {
  await page.goto('/sandbox/outlook');
  const pane = page.frameLocator('[data-testid="taskpane-frame"]');
  await expect(pane.getByTestId('channel-label').first()).toContainText('Exchange Online');
  await expect(pane.getByTestId('quota')).toBeVisible();

  const sendTo = async (address: string) => {
    await page.getByTestId('host-to').fill(address);
    await page.getByTestId('host-subject').fill('');
    await pane.getByTestId('template-picker').selectOption({ label: 'First touch' });
    await pane.getByTestId('insert-template').click();
    await expect(page.getByTestId('host-subject')).toHaveValue(/Quick question/);
    await pane.getByTestId('send-button').click();
    await expect(pane.getByTestId('send-status')).toHaveAttribute(
      'data-state',
      /scheduled|queued|submitted|sending/,
    );
  };

  await sendTo('nobody@bounce.test');
  await sendTo('pat.lee@example.com');

  const bounce = pane
    .getByTestId('feed-item')
    .filter({ hasText: 'nobody@bounce.test' })
    .filter({ hasText: /bounced/i });
  await expect(bounce.first()).toBeVisible({ timeout: 30_000 });
  await expect(pane.getByTestId('template-analytics')).toContainText('2 sent · 1 bounced', {
    timeout: 30_000,
  });
});
