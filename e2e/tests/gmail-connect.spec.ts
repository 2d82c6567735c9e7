import { execFileSync } from 'node:child_process';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { type ConnectionInfo, createVoice, systemClock } from '@sendwell/core';
import { axeViolations } from './support/axe';
import { gmailSentMessages, runTag } from './support/sandboxMail';

// Issue 7, Gmail host, from a rep with no connection (sandbox user `max`): the card offers Connect
// Gmail → Google's consent in a popup (the sandbox's consent page) → the callback page closes itself
// → the card reloads connected; a send bounces and the bounce shows on the card; the rep revokes
// Sendwell's access in their Google account (/sandbox/dev) → the card shows Reconnect, the draft is
// kept, a send queued meanwhile is held; reconnect → the held send goes out exactly once, and the
// kept draft is sent once. Words come from core's voice; widgets are found by schema fields.

const REP = 'max';
const voice = createVoice({ locale: 'en', clock: systemClock });
const { t } = voice;
const card = (page: Page): Locator => page.getByTestId('card');

/** The previewer is done with the last add-on call, and the add-on answered (its error shown otherwise). */
async function idle(page: Page) {
  await expect(page.getByTestId('card-host')).toHaveAttribute('data-state', 'ready');
  const error = page.getByTestId('addon-error');
  if (await error.isVisible()) throw new Error(`The add-on failed: ${await error.textContent()}`);
}

/** The banner's title for a Gmail connection that needs reconnecting (the problem is in its detail). */
const reconnectTitle = voice.connection(
  {
    mailboxId: 'any',
    provider: 'gmail',
    address: 'max@acme.test',
    state: 'needs-reconnect',
    problem: 'grant-revoked',
    since: new Date().toISOString(),
    heldSends: 0,
    bounceTracking: true,
  } satisfies ConnectionInfo,
  'gmail',
).title;

/**
 * Clicks a (re)connect button: Google's consent opens in a popup; the rep accepts for their own
 * account; Sendwell's callback page says Connected and closes itself; the previewer then runs the
 * trigger again (OpenLink onClose RELOAD).
 */
async function consentInPopup(page: Page, button: string) {
  const link = card(page).getByRole('button', { name: button, exact: true });
  await expect(link).toHaveAttribute('data-on-close', 'RELOAD');
  const [popup] = await Promise.all([page.waitForEvent('popup'), link.click()]);
  await expect(popup.getByTestId('consent-account')).toBeVisible();
  await popup.getByTestId('consent-account').selectOption(REP);
  const closed = popup.waitForEvent('close', { timeout: 30_000 });
  await popup.getByTestId('consent-accept').click();
  await closed;
  await expect(page.getByTestId('card-host')).toHaveAttribute('data-link-window', 'closed');
  await idle(page);
}

/** A hand-written draft (no template) sent through the card; answers the card's outcome region. */
async function composeAndCheck(page: Page, to: string, subject: string) {
  await page.getByTestId('draft-to').fill(to);
  await page.getByTestId('draft-subject').fill(subject);
  await page.getByTestId('draft-body').fill(`Hello, ${subject}.`);
  await page.getByTestId('trigger-compose').click();
  await idle(page);
  await expect(card(page)).toHaveAttribute('data-card-name', 'compose');
  await card(page).getByTestId('send-with-sendwell').click();
  await idle(page);
}

async function sendFromCard(page: Page, to: string, subject: string) {
  await composeAndCheck(page, to, subject);
  await expect(card(page)).toHaveAttribute('data-card-name', 'confirm');
  await card(page)
    .getByRole('button', { name: t('gmail.send'), exact: true })
    .click();
  await idle(page);
  await expect(card(page).getByRole('region', { name: t('gmail.status.queued') })).toBeVisible();
}

/** How many messages in max's Gmail Sent folder carry this tag, once the count settles at `count`. */
async function expectSent(page: Page, tag: string, count: number) {
  await expect
    .poll(
      async () => (await gmailSentMessages(page.request, REP)).filter((m) => m.subject.includes(tag)).length,
      { timeout: 30_000 },
    )
    .toBe(count);
}

/**
 * max's Sendwell API token, as `sendwell sandbox users --json` prints it for this server's data dir.
 * Sandbox mode only: with real-provider settings max is created on first sign-in under a new id, and
 * the API takes no Google token, so there is no API caller to be for him.
 */
function apiTokenOf(userId: string): string {
  const dataDir = process.env.SENDWELL_E2E_DATA_DIR;
  if (!dataDir) throw new Error('SENDWELL_E2E_DATA_DIR is not set (playwright.config.ts sets it)');
  const out = execFileSync(
    'pnpm',
    ['--silent', 'run', 'sendwell', 'sandbox', 'users', '--json', '--data-dir', dataDir],
    { cwd: '..', encoding: 'utf8' },
  );
  const users = JSON.parse(out.slice(out.indexOf('['))) as { id: string; apiToken: string }[];
  return users.find((u) => u.id === userId)!.apiToken;
}

/** A send queued through the API while Gmail needs reconnecting: accepted and held. */
async function queueThroughApi(page: Page, tag: string) {
  const held = await page.request.post('/api/v1/sends', {
    headers: { authorization: `Bearer ${apiTokenOf(REP)}` },
    data: {
      host: 'gmail',
      to: ['lee.connect@example.com'],
      subject: `Connected ${tag} held`,
      body: '<p>Held until the reconnect.</p>',
      idempotencyKey: `e2e-held-${tag}`,
    },
  });
  expect(held.status(), await held.text()).toBeLessThan(300);
}

test('Gmail: connect from the card, bounce, revoke, held, reconnect, sent once', async ({
  page,
  context,
}) => {
  test.setTimeout(180_000);
  const tag = runTag();

  // 1. No connection yet: the Connect Gmail card.
  await page.goto('/sandbox/gmail');
  await expect(page.getByTestId('user-picker')).toHaveAttribute('data-state', 'ready');
  await page.getByTestId('user-picker').selectOption(REP);
  await page.getByTestId('trigger-home').click();
  await idle(page);
  await expect(card(page)).toHaveAttribute('data-card-name', 'connect');
  await expect(card(page).getByRole('region', { name: voice.connection(null, 'gmail').title })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  // 2. Consent in the popup; the card reloads connected.
  await consentInPopup(page, t('gmail.connect.button'));
  await expect(card(page)).toHaveAttribute('data-card-name', 'home');

  // 3. A send to a bouncing address goes out, and its bounce reaches the card.
  await sendFromCard(page, 'someone@bounce.test', `Connected ${tag} bounce`);
  await expectSent(page, `${tag} bounce`, 1);
  const bounce = voice.outcome({
    address: 'someone@bounce.test',
    state: 'bounced',
    hard: true,
    reason: 'userunknown',
    status: '5.1.1',
    retryUntil: null,
    at: null,
  }).text;
  await page.getByTestId('trigger-home').click();
  await idle(page);
  const activity = card(page).getByRole('region', { name: t('ui.recentActivity') });
  await expect(async () => {
    await card(page).getByTestId('refresh').click();
    await idle(page);
    await expect(activity).toContainText(bounce, { timeout: 1_000 });
  }).toPass({ timeout: 60_000 });

  // 4. The rep removes Sendwell's access in their Google account.
  const account = await context.newPage();
  await account.goto('/sandbox/dev');
  await account.getByTestId(`dev-revoke-${REP}`).click();
  await expect(account.getByTestId('dev-notice')).toBeVisible();
  await account.close();

  // 5. The next send from the card: Sendwell cannot read the draft; nothing is sent, it stays in
  //    Gmail, and the card shows Reconnect.
  await composeAndCheck(page, 'pat.connect@example.com', `Connected ${tag} kept`);
  await expect(page.getByTestId('notification')).toHaveText(t('gmail.connect.draftUnreadable'));
  await expect(card(page).getByRole('region', { name: reconnectTitle })).toBeVisible();

  // 6. A send queued meanwhile (the API, host gmail) is accepted and held for the reconnect.
  const sandboxMode = test.info().project.name !== 'real-providers';
  if (sandboxMode) await queueThroughApi(page, tag);
  await page.getByTestId('trigger-home').click();
  await idle(page);
  const banner = card(page).getByRole('region', { name: reconnectTitle });
  await expect(banner).toBeVisible();
  if (sandboxMode) await expect(banner).toContainText(voice.count('connection.held', 1));
  expect(await axeViolations(page)).toEqual([]);
  expect((await gmailSentMessages(page.request, REP)).filter((m) => m.subject.includes(tag))).toHaveLength(1);

  // 7. Reconnect from the banner: the card reloads without it.
  await consentInPopup(page, t('gmail.connect.reconnect'));
  await expect(card(page)).toHaveAttribute('data-card-name', 'home');
  await expect(card(page).getByRole('region', { name: reconnectTitle })).toHaveCount(0);

  // 8. The held send goes out, once; the kept draft is sent from the card, once.
  if (sandboxMode) await expectSent(page, `${tag} held`, 1);
  await sendFromCard(page, 'pat.connect@example.com', `Connected ${tag} kept`);
  await expectSent(page, `${tag} kept`, 1);
  const sent = (await gmailSentMessages(page.request, REP)).filter((m) => m.subject.includes(tag));
  const expected = ['bounce', ...(sandboxMode ? ['held'] : []), 'kept'].map((n) => `Connected ${tag} ${n}`);
  expect(sent.map((m) => m.subject).sort()).toEqual(expected.sort());
});
