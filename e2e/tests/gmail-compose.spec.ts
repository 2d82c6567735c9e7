import { expect, type Locator, type Page, test } from '@playwright/test';
import { createVoice, systemClock } from '@sendwell/core';
import { axeViolations } from './support/axe';
import { gmailSentMessages, runTag, type SentMessage } from './support/sandboxMail';

// What goes out is exactly what the rep sees, once: in the card previewer's fake Gmail, insert a
// template, edit the draft by hand, send through the add-on (which reads the draft Gmail saved), and
// read the sandbox's Sent mail back through the Gmail API. Widgets are found by the fields Google's
// card schema defines (input name, button text, section header, topLabel), never by widget ids.
// Uses the "Follow-up" template (tests/gmail.spec.ts counts "First touch" analytics).

const REP = 'gus';
// The cards' words come from core's catalog (the previewer's browser is English).
const { t } = createVoice({ locale: 'en', clock: systemClock });
const TEMPLATE = 'Follow-up';

const card = (page: Page): Locator => page.getByTestId('card');
/** The previewer is done with the last add-on call, and the add-on answered (its error shown otherwise). */
async function idle(page: Page) {
  await expect(page.getByTestId('card-host')).toHaveAttribute('data-state', 'ready');
  const error = page.getByTestId('addon-error');
  if (await error.isVisible()) throw new Error(`The add-on failed: ${await error.textContent()}`);
}

async function openCompose(page: Page, to: string) {
  await page.goto('/sandbox/gmail');
  await expect(page.getByTestId('user-picker')).toHaveAttribute('data-state', 'ready');
  await page.getByTestId('user-picker').selectOption(REP);
  await page.getByTestId('draft-to').fill(to);
  await page.getByTestId('trigger-compose').click();
  await expect(card(page)).toHaveAttribute('data-card-name', 'compose');
  // Choosing a template refreshes the card (the picker's onChangeAction).
  await card(page).getByTestId('templateId').selectOption({ label: TEMPLATE });
  await idle(page);
  await card(page).getByTestId('insert-template').click();
  await idle(page);
}

/** Types at the end of the body, as a rep would, and returns the body as the draft now holds it. */
async function editBody(page: Page, text: string): Promise<string> {
  const body = page.getByTestId('draft-body');
  await body.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(text);
  await expect(body).toContainText(text);
  return body.evaluate((el) => el.innerHTML);
}

async function sentWith(page: Page, tag: string, count: number): Promise<SentMessage[]> {
  let found: SentMessage[] = [];
  await expect
    .poll(
      async () => {
        found = (await gmailSentMessages(page.request, REP)).filter((m) => m.subject.includes(tag));
        return found.length;
      },
      { timeout: 30_000 },
    )
    .toBe(count);
  return found;
}

/** "Send with Sendwell" shows the saved draft on the confirm card; its button sends it. */
async function confirmAndSend(page: Page, button: string) {
  await card(page).getByTestId('send-with-sendwell').click();
  await idle(page);
  await expect(card(page)).toHaveAttribute('data-card-name', 'confirm');
  await card(page).getByRole('button', { name: button, exact: true }).click();
  await idle(page);
  await expect(card(page)).toHaveAttribute('data-card-name', 'compose');
}

test('Gmail: the edited draft is what is sent, and a second click sends nothing', async ({ page }) => {
  const tag = runTag();
  await openCompose(page, 'Ada Lovelace <ada.gmail@example.com>');
  await expect(page.getByTestId('draft-subject')).toHaveValue('Following up');
  await expect(page.getByTestId('draft-body')).toContainText('Hi Ada,');

  const subject = `Following up, edited by hand ${tag}`;
  await page.getByTestId('draft-subject').fill(subject);
  const html = await editBody(page, ` P.S. edited after Insert ${tag}.`);

  await card(page).getByTestId('send-with-sendwell').click();
  await idle(page);
  // The confirm card shows the draft Gmail saved: the edited subject, not the template's.
  await expect(card(page).locator(`[data-top-label="${t('ui.subject')}"]`)).toContainText(subject);
  expect(await axeViolations(page)).toEqual([]);
  await card(page)
    .getByRole('button', { name: t('gmail.send'), exact: true })
    .click();
  await idle(page);
  await expect(card(page).getByRole('region', { name: t('gmail.status.queued') })).toBeVisible();
  const [sent] = await sentWith(page, tag, 1);
  expect(sent).toEqual({ subject, html, to: ['ada.gmail@example.com'] });

  // Second click on the same compose card: nothing is sent, the card says it was sent.
  await card(page).getByTestId('send-with-sendwell').click();
  await idle(page);
  await expect(card(page).getByRole('region', { name: t('gmail.status.info') })).toContainText(
    t('ui.alreadySent'),
  );
  expect((await gmailSentMessages(page.request, REP)).filter((m) => m.subject.includes(tag))).toHaveLength(1);
});

test('Gmail: two recipients, "one email each" gives two correctly merged messages', async ({ page }) => {
  const tag = runTag();
  await openCompose(page, 'Ada Lovelace <ada.geach@example.com>, Grace Hopper <grace.geach@example.com>');
  await expect(card(page).getByTestId('insertMode')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  const subject = `Following up ${tag}`;
  await page.getByTestId('draft-subject').fill(subject);

  await confirmAndSend(page, `${t('ui.oneEmailEach')} (2)`);
  const sent = await sentWith(page, tag, 2);
  const byRecipient = Object.fromEntries(sent.map((m) => [m.to.join(','), m]));
  expect(Object.keys(byRecipient).sort()).toEqual(['ada.geach@example.com', 'grace.geach@example.com']);
  for (const [address, name, other] of [
    ['ada.geach@example.com', 'Ada', 'Grace'],
    ['grace.geach@example.com', 'Grace', 'Ada'],
  ] as const) {
    const message = byRecipient[address]!;
    expect(message.subject).toBe(subject);
    expect(message.html).toContain(`Hi ${name},`);
    expect(message.html).not.toContain(other);
    expect(message.html).not.toContain('{{');
  }
});
