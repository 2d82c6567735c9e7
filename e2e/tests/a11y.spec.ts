import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Frame, type Page, test } from '@playwright/test';

// axe-core with every rule it runs by default (WCAG A/AA and best practices, none disabled), on each
// page a person reaches: the start page, the Outlook pane in its normal, error and unsupported-account
// states (axe also enters the pane's iframe), and the Gmail card previewer with its cards.

type Violation = { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] };

/** Axe's violations as short readable lines, so a failure says what and where. */
const readable = (violations: Violation[]) =>
  violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' > ')} — ${v.help}`));

/** The whole page, iframes included (axe's page-level rules then see the host and the pane together). */
async function axeViolations(page: Page): Promise<string[]> {
  return readable((await new AxeBuilder({ page }).analyze()).violations);
}

// The same axe-core build @axe-core/playwright injects.
const AXE_SOURCE = readFileSync(
  createRequire(createRequire(import.meta.url).resolve('@axe-core/playwright')).resolve(
    'axe-core/axe.min.js',
  ),
  'utf8',
);

/**
 * The pane's own document as its own page: in Outlook desktop and on the Mac the pane is a whole
 * webview, not a frame beside Outlook's headings and landmarks, so it must pass page-level rules
 * (one main landmark, a level-one heading, everything in landmarks) by itself.
 */
async function documentViolations(frame: Frame): Promise<string[]> {
  await frame.evaluate(AXE_SOURCE);
  const violations = await frame.evaluate(async () => {
    const { axe } = window as unknown as {
      axe: { run(context: Document): Promise<{ violations: Violation[] }> };
    };
    return (await axe.run(document)).violations;
  });
  return readable(violations);
}

const pane = (page: Page) => page.frameLocator('[data-testid="taskpane-frame"]');
const paneFrame = async (page: Page): Promise<Frame> => {
  const frame = await page
    .getByTestId('taskpane-frame')
    .elementHandle()
    .then((h) => h?.contentFrame());
  if (!frame) throw new Error('The sandbox host has no pane frame.');
  return frame;
};

/** Both views of the Outlook pane: inside the sandbox host, and as a document of its own. */
async function paneViolations(page: Page): Promise<string[]> {
  return [
    ...(await axeViolations(page)),
    ...(await documentViolations(await paneFrame(page))).map((v) => `pane document: ${v}`),
  ];
}

test('start page: no axe violations', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});

test('Outlook pane, normal state: no axe violations', async ({ page }) => {
  await page.goto('/sandbox/outlook');
  await expect(pane(page).getByTestId('quota')).toBeVisible();
  await expect(pane(page).getByTestId('template-picker')).toBeVisible();
  expect(await paneViolations(page)).toEqual([]);
});

test('Outlook pane opened outside Outlook (no host): no axe violations', async ({ page }) => {
  await page.goto('/outlook/taskpane.html?sandbox=1');
  await expect(page.getByTestId('pane-unavailable')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});

test.describe('Outlook pane, unsupported account types', () => {
  for (const accountType of ['outlookCom', 'enterprise', 'gmail']) {
    test(`${accountType}: no axe violations`, async ({ page }) => {
      await page.goto(`/sandbox/outlook?accountType=${accountType}`);
      await expect(pane(page).getByTestId('host-notice')).toBeVisible();
      expect(await paneViolations(page)).toEqual([]);
    });
  }
});

test.describe('Outlook pane, error states', () => {
  test('the server refuses every API call: no axe violations', async ({ page }) => {
    // The server's own error envelope (http/errors.ts) for an unexpected failure.
    await page.route('**/api/**', (route) =>
      route.fulfill({
        status: 500,
        json: { error: { code: 'internal', message: 'Something went wrong on our side.' } },
      }),
    );
    await page.goto('/sandbox/outlook');
    await expect(pane(page).locator('[data-code="internal"]').first()).toBeVisible();
    expect(await paneViolations(page)).toEqual([]);
  });

  test('no Exchange mailbox connected (channel unavailable): no axe violations', async ({ page }) => {
    await page.route('**/api/channel?*', (route) =>
      route.fulfill({
        status: 409,
        json: {
          error: {
            code: 'channel-unavailable',
            message:
              'Sends from Outlook must go through your Exchange Online mailbox, and none is connected.',
          },
        },
      }),
    );
    await page.goto('/sandbox/outlook');
    await expect(
      pane(page)
        .getByText(/none is connected/)
        .first(),
    ).toBeVisible();
    expect(await paneViolations(page)).toEqual([]);
  });
});

test.describe('Gmail card previewer', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/sandbox/gmail');
    await expect(page.getByTestId('user-picker')).toHaveAttribute('data-state', 'ready');
  });

  test('empty page: no axe violations', async ({ page }) => {
    expect(await axeViolations(page)).toEqual([]);
  });

  for (const trigger of ['home', 'compose'] as const) {
    test(`${trigger} card: no axe violations`, async ({ page }) => {
      await page.getByTestId('draft-to').fill('Ada Lovelace <ada@example.com>');
      await page.getByTestId(`trigger-${trigger}`).click();
      await expect(page.getByTestId('card')).toHaveAttribute('data-card-name', trigger);
      expect(await axeViolations(page)).toEqual([]);
    });
  }
});
