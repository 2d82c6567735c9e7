import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AxeBuilder from '@axe-core/playwright';
import type { Frame, Page } from '@playwright/test';

// axe-core with every rule it runs by default (WCAG A/AA and best practices), none disabled.

type Violation = { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] };

/** Axe's violations as short readable lines, so a failure says what and where. */
const readable = (violations: Violation[]) =>
  violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' > ')} — ${v.help}`));

/**
 * The whole page, iframes included (axe's page-level rules then see the host and the pane together).
 * `exclude`: frames that are not our interface (a rep's own email shown in a script-less sandbox,
 * where axe cannot run and would wait forever).
 */
export async function axeViolations(page: Page, options: { exclude?: string[] } = {}): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  for (const selector of options.exclude ?? []) builder.exclude(selector);
  return readable((await builder.analyze()).violations);
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

const paneFrame = async (page: Page): Promise<Frame> => {
  const frame = await page
    .getByTestId('taskpane-frame')
    .elementHandle()
    .then((h) => h?.contentFrame());
  if (!frame) throw new Error('The sandbox host has no pane frame.');
  return frame;
};

/** Both views of the Outlook pane: inside the sandbox host, and as a document of its own. */
export async function paneViolations(page: Page): Promise<string[]> {
  return [
    ...(await axeViolations(page)),
    ...(await documentViolations(await paneFrame(page))).map((v) => `pane document: ${v}`),
  ];
}
