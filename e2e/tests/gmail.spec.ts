import { expect, test } from '@playwright/test';

// A rep in the sandbox Gmail window: the compose card inserts a template and queues the send through
// Gmail; the bounce shows in the homepage card's recent activity and the template's analytics.
test('Gmail add-on: send, bounce in recent activity, template analytics 2 sent / 1 bounced', async ({
  page,
}) => {
  await page.goto('/sandbox/gmail');
  await expect(page.getByTestId('user-picker')).toHaveAttribute('data-state', 'ready');
  await page.getByTestId('user-picker').selectOption('ivy');
  const card = page.getByTestId('card-host');

  const sendTo = async (address: string) => {
    await page.getByTestId('draft-to').fill(address);
    await page.getByTestId('draft-subject').fill('');
    await page.getByTestId('trigger-compose').click();
    // A fresh compose card for this draft (not the previous one still on screen).
    await expect(page.getByTestId('draft-recipients')).toContainText(address);
    await expect(page.getByTestId('send-status')).toHaveCount(0);
    await page.getByTestId('template-picker').selectOption({ label: 'First touch' });
    await page.getByTestId('insert-template').click();
    await expect(page.getByTestId('draft-subject')).toHaveValue(/Quick question/);
    await expect(card).toHaveAttribute('data-state', 'ready'); // the previewer ignores clicks while busy
    await page.getByTestId('send-with-sendwell').click();
    await expect(page.getByTestId('send-status')).toContainText(/Queued/);
  };

  await sendTo('nobody@bounce.test');
  await sendTo('pat.lee@example.com');

  await page.getByTestId('trigger-home').click();
  await expect(page.getByTestId('card')).toHaveAttribute('data-card-name', 'home');
  const bounce = page
    .getByTestId('feed-item')
    .filter({ hasText: 'nobody@bounce.test' })
    .filter({ hasText: /bounce/i });
  await expect(async () => {
    await page.getByTestId('refresh').click();
    await expect(card).toHaveAttribute('data-state', 'ready');
    await expect(bounce.first()).toBeVisible({ timeout: 1_000 });
    await expect(
      page.getByTestId('template-analytics').filter({ hasText: '2 sent · 1 bounced' }),
    ).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 40_000 });
});
