import { expect, type FrameLocator, type Page, test } from '@playwright/test';
import { createVoice, systemClock } from '@sendwell/core';
import { paneViolations } from './support/axe';
import { graphSentItems, runTag } from './support/sandboxMail';

// A rep with no connection, from the first click to a held send released once: Nia signs in to the
// pane through MSAL's nested app auth (the sandbox host answers the bridge), connects her Exchange
// Online mailbox on the sandbox's consent page, sends (the bounce reaches the feed), loses the grant
// when she revokes Sendwell's access, sees Reconnect, reconnects, and the held send goes out once.

const REP = 'nia';
const voice = createVoice({ locale: 'en', clock: systemClock });

const pane = (page: Page): FrameLocator => page.frameLocator('[data-testid="taskpane-frame"]');
const banner = (page: Page) => pane(page).getByTestId('connection-banner');

/** Clicks the banner's button and accepts on the sandbox's consent page, in the window it opens. */
async function consentInDialog(page: Page) {
  const dialog = page.waitForEvent('popup');
  await pane(page).getByTestId('connect-mailbox').click();
  const consent = await dialog;
  await consent.getByTestId('consent-account').selectOption(REP);
  await consent.getByTestId('consent-accept').click();
  // The callback page says "Connected" and closes itself; the host reports the dialog closed.
  await consent.waitForEvent('close', { timeout: 30_000 });
}

/** A new compose window for the rep, written by hand, sent with Sendwell. */
async function sendFromNewDraft(page: Page, to: string, subject: string) {
  await page.goto(`/sandbox/outlook?user=${REP}`);
  await expect(banner(page)).toHaveAttribute('data-state', /.+/);
  await page.getByTestId('host-to').fill(to);
  await page.getByTestId('host-subject').fill(subject);
  await page.getByTestId('host-body').fill('Hello from the connect test.');
  await pane(page).getByTestId('send-button').click();
  await expect(pane(page).getByTestId('send-status')).toHaveAttribute(
    'data-state',
    /scheduled|queued|submitted/,
  );
}

async function sentCount(page: Page, subject: string): Promise<number> {
  return (await graphSentItems(page.request, REP)).filter((message) => message.subject === subject).length;
}

test('Outlook: connect from nothing, send, revoke, held, reconnect, released once', async ({
  page,
  context,
}) => {
  const tag = runTag();

  // Signed in through NAA (the pane reads the API), but no mailbox yet.
  await page.goto(`/sandbox/outlook?user=${REP}`);
  await expect(banner(page)).toHaveAttribute('data-state', 'none');
  await expect(banner(page)).toContainText(
    voice.t('connection.title.none', { provider: voice.t('connection.provider.exchange') }),
  );
  expect(await paneViolations(page)).toEqual([]);

  await consentInDialog(page);
  await expect(banner(page)).toHaveAttribute('data-state', 'connected');
  await expect(pane(page).getByTestId('channel-label').first()).toContainText('Exchange Online');

  // A send through the new connection; its bounce reaches the feed.
  await sendFromNewDraft(page, 'someone@bounce.test', `Connected ${tag}`);
  const bounced = pane(page)
    .getByTestId('feed-item')
    .filter({ hasText: 'someone@bounce.test' })
    .locator('[data-testid="feed-recipient"][data-tone="error"]');
  await expect(bounced.first()).toBeVisible({ timeout: 30_000 });

  // Nia removes Sendwell's access in her account settings.
  const settings = await context.newPage();
  await settings.goto('/sandbox/dev');
  await settings.getByTestId(`dev-revoke-${REP}`).click();
  await expect(settings.getByTestId('dev-notice')).toBeVisible();
  await settings.close();

  // The next send is held, and the pane asks her to reconnect.
  const heldSubject = `Held ${tag}`;
  await sendFromNewDraft(page, 'pat.lee@example.com', heldSubject);
  await expect(banner(page)).toHaveAttribute('data-state', 'needs-reconnect', { timeout: 30_000 });
  await expect(pane(page).getByTestId('connect-mailbox')).toHaveText(voice.t('connection.action.reconnect'));
  await expect(pane(page).getByTestId('connection-held')).toHaveText(voice.count('connection.held', 1));
  expect(await sentCount(page, heldSubject)).toBe(0);
  expect(await paneViolations(page)).toEqual([]);

  // Reconnect: the held send goes out, exactly once.
  await consentInDialog(page);
  await expect(banner(page)).toHaveAttribute('data-state', 'connected');
  await expect.poll(() => sentCount(page, heldSubject), { timeout: 30_000 }).toBe(1);
  await expect(pane(page).getByTestId('send-status')).toHaveAttribute('data-life', 'sent', {
    timeout: 30_000,
  });
  // The feed said sent (the sender is done with it): Sent Items still holds it once.
  expect(await sentCount(page, heldSubject)).toBe(1);
});

test('Outlook without nested app auth: the pane opens its sign-in dialog, and says so when the rep closes it', async ({
  page,
}) => {
  const dialog = page.waitForEvent('popup');
  await page.goto(`/sandbox/outlook?user=${REP}&naa=0`);
  const signIn = await dialog;
  expect(new URL(signIn.url()).pathname).toBe('/outlook/signin.html');
  await signIn.close();
  const cancelled = pane(page).locator('[data-code="signin-cancelled"]').first();
  await expect(cancelled).toContainText(voice.t('pane.connect.signin.cancelled'));
});
