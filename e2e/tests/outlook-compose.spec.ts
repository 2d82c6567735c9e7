import { expect, type FrameLocator, type Page, test } from '@playwright/test';
import { paneViolations } from './support/axe';
import { graphSentItems, runTag, type SentMessage } from './support/sandboxMail';

// What goes out is exactly what the rep sees, once: in the sandbox Outlook compose window, insert a
// template, edit the draft by hand, send, and read the sandbox's Sent Items back through Graph.
// Uses the "Follow-up" template (tests/outlook.spec.ts counts "First touch" analytics).

const REP = 'ava'; // the host page's first Exchange user
const TEMPLATE = 'Follow-up';

const pane = (page: Page): FrameLocator => page.frameLocator('[data-testid="taskpane-frame"]');

async function openCompose(page: Page, to: string) {
  await page.goto(`/sandbox/outlook?user=${REP}`);
  await expect(pane(page).getByTestId('quota')).toBeVisible();
  await page.getByTestId('host-to').fill(to);
  await pane(page).getByTestId('template-picker').selectOption({ label: TEMPLATE });
  await pane(page).getByTestId('insert-template').click();
}

/**
 * Types at the end of the body, as a rep would, and returns the body as the rep sees it: the draft's
 * HTML without the pane's own `data-sendwell-*` markers (invisible; they remember what Insert added).
 */
async function editBody(page: Page, text: string): Promise<string> {
  const body = page.getByTestId('host-body');
  await body.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(text);
  await expect(body).toContainText(text);
  return body.evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    for (const node of Array.from(copy.querySelectorAll('*')))
      for (const attr of Array.from(node.attributes))
        if (attr.name.startsWith('data-sendwell-')) node.removeAttribute(attr.name);
    return copy.innerHTML;
  });
}

/** Waits until Sent Items holds `count` messages whose subject has `tag`, and returns them. */
async function sentWith(page: Page, tag: string, count: number): Promise<SentMessage[]> {
  let found: SentMessage[] = [];
  await expect
    .poll(
      async () => {
        found = (await graphSentItems(page.request, REP)).filter((m) => m.subject.includes(tag));
        return found.length;
      },
      { timeout: 30_000 },
    )
    .toBe(count);
  return found;
}

test('Outlook: the edited draft is what is sent, and a second click sends nothing', async ({ page }) => {
  const tag = runTag();
  await openCompose(page, 'Ada Lovelace <ada.outlook@example.com>');
  await expect(page.getByTestId('host-subject')).toHaveValue('Following up');
  await expect(page.getByTestId('host-body')).toContainText('Hi Ada,');

  const subject = `Following up, edited by hand ${tag}`;
  await page.getByTestId('host-subject').fill(subject);
  const html = await editBody(page, ` P.S. edited after Insert ${tag}.`);

  const send = pane(page).getByTestId('send-button');
  await send.click();
  await expect(pane(page).getByTestId('send-status')).toHaveAttribute(
    'data-state',
    /scheduled|queued|submitted/,
  );
  const [sent] = await sentWith(page, tag, 1);
  expect(sent).toEqual({ subject, html, to: ['ada.outlook@example.com'] });

  // Second click on the same draft: the server answers "duplicate", the pane says so.
  await send.click();
  await expect(pane(page).getByTestId('send-status')).toHaveAttribute('data-state', 'duplicate');
  expect(await paneViolations(page)).toEqual([]);
  expect((await graphSentItems(page.request, REP)).filter((m) => m.subject.includes(tag))).toHaveLength(1);
});

test('Outlook: two recipients, "one email each" gives two correctly merged messages', async ({ page }) => {
  const tag = runTag();
  await openCompose(page, 'Ada Lovelace <ada.each@example.com>, Grace Hopper <grace.each@example.com>');
  await expect(pane(page).getByTestId('insert-status')).toHaveAttribute('data-state', 'choose');
  expect(await paneViolations(page)).toEqual([]);
  await pane(page).getByTestId('merge-each').click();
  await expect(pane(page).getByTestId('insert-status')).toHaveAttribute('data-mode', 'each');
  const subject = `Following up ${tag}`;
  await page.getByTestId('host-subject').fill(subject);

  await pane(page).getByTestId('send-button').click();
  await expect(pane(page).getByTestId('send-outcome')).toHaveCount(2);
  const sent = await sentWith(page, tag, 2);
  const byRecipient = Object.fromEntries(sent.map((m) => [m.to.join(','), m]));
  expect(Object.keys(byRecipient).sort()).toEqual(['ada.each@example.com', 'grace.each@example.com']);
  for (const [address, name, other] of [
    ['ada.each@example.com', 'Ada', 'Grace'],
    ['grace.each@example.com', 'Grace', 'Ada'],
  ] as const) {
    const message = byRecipient[address]!;
    expect(message.subject).toBe(subject);
    expect(message.html).toContain(`Hi ${name},`);
    expect(message.html).not.toContain(other);
    expect(message.html).not.toContain('{{');
  }
});
