import { type APIRequestContext, type Browser, expect, type Page, test } from '@playwright/test';
import { MARKETO_REFUSAL, NATIVE_SMTP_REFUSAL } from '@sendwell/core';
import { axeViolations } from './support/axe';
import { graphSentItems, runTag } from './support/sandboxMail';
import { sandboxSmtpPort, signInToWebApp } from './support/webApp';

// The team SMTP channel end to end, against the sandbox-mode server's own SMTP stand-in (a real
// smtp-server on loopback: STARTTLS with its self-signed certificate, AUTH with the password
// `sandbox`). Ava (contoso's admin) adds it, checks it, sends a test email and makes it the team
// default; Eli (a rep) picks it for web sends and his email goes out through it, while his Outlook-pane
// send still goes through Exchange. The refusals come back in core's words.

interface SmtpLogEntry {
  authUser: string | null;
  subject: string;
  envelope: { mailFrom: string; rcptTo: string[] };
}

/** What the sandbox SMTP server accepted (`GET /sandbox/smtp/messages`), oldest first. */
async function smtpLog(request: APIRequestContext): Promise<SmtpLogEntry[]> {
  const res = await request.get('/sandbox/smtp/messages');
  expect(res.ok(), `GET /sandbox/smtp/messages answered ${res.status()}`).toBe(true);
  return ((await res.json()) as { messages: SmtpLogEntry[] }).messages;
}

/** A page of its own for another sandbox person (each context keeps its own session cookie). */
async function signedInPage(browser: Browser, account: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInToWebApp(page, account);
  return page;
}

const TAG = runTag();
/** The AUTH username is ours to choose (the sandbox accepts any): it marks this run's messages. */
const SMTP_USER = `contoso-relay-${TAG}`;
const LABEL = `Contoso relay ${TAG}`;
/** The saved team channel's id (a lane), as the admin page shows it; the rep picks it by it. */
let teamChannelId = '';

async function fillSmtpForm(page: Page, host: string, port: number) {
  await page.getByTestId('web-admin-smtp-label').fill(LABEL);
  await page.getByTestId('web-admin-smtp-host').fill(host);
  await page.getByTestId('web-admin-smtp-port').fill(String(port));
  await page.getByTestId('web-admin-smtp-security').selectOption('starttls');
  await page.getByTestId('web-admin-smtp-username').fill(SMTP_USER);
  await page.getByTestId('web-admin-smtp-password').fill('sandbox');
}

test.describe.configure({ mode: 'serial' });

test('Marketo marketing servers and Gmail / Microsoft 365 SMTP are refused with their reasons', async ({
  page,
}) => {
  await signInToWebApp(page, 'ava');
  await page.goto('/app/admin/channels');
  const cases = [
    { host: 'mx.mktomail.com', reason: MARKETO_REFUSAL },
    { host: 'smtp.gmail.com', reason: NATIVE_SMTP_REFUSAL('Gmail') },
    { host: 'smtp.office365.com', reason: NATIVE_SMTP_REFUSAL('Microsoft 365') },
  ];
  for (const { host, reason } of cases) {
    await fillSmtpForm(page, host, 587);
    await page.getByTestId('web-admin-smtp-save').click();
    await expect(page.getByTestId('web-admin-smtp-error')).toContainText(reason);
  }
  expect(await axeViolations(page)).toEqual([]);
  // Nothing was saved: the form is still there, no channel card.
  await page.reload();
  await expect(page.getByTestId('web-admin-smtp-host')).toBeVisible();
  await expect(page.getByTestId('web-admin-smtp-channel')).toHaveCount(0);
});

test('an admin adds the team SMTP server: the check passes, a test email arrives, it becomes the team default', async ({
  page,
}) => {
  await signInToWebApp(page, 'ava');
  await page.goto('/app/admin/channels');
  await fillSmtpForm(page, '127.0.0.1', sandboxSmtpPort());
  await page.getByTestId('web-admin-smtp-allow-self-signed').check();

  await page.getByTestId('web-admin-smtp-check').click();
  const report = page.getByTestId('web-admin-smtp-check-result');
  await expect(report).toHaveAttribute('data-ok', 'true');
  for (const step of ['connect', 'ehlo', 'tls', 'auth'])
    await expect(report.locator(`[data-step="${step}"]`)).toHaveAttribute('data-ok', 'true');
  expect(await axeViolations(page)).toEqual([]);

  await page.getByTestId('web-admin-smtp-save').click();
  const card = page.getByTestId('web-admin-smtp-channel');
  await expect(card).toContainText(LABEL);

  // The test email goes to Ava's own address by default, through the server just saved.
  await page.getByTestId('web-admin-smtp-test-send').click();
  await expect(page.getByTestId('web-admin-smtp-test-send-result')).toHaveAttribute(
    'data-outcome',
    'submitted',
  );
  await expect
    .poll(async () =>
      (await smtpLog(page.request)).filter((m) => m.authUser === SMTP_USER).map((m) => m.envelope.rcptTo),
    )
    .toEqual([['ava@contoso.test']]);

  teamChannelId = (await card.getAttribute('data-channel-id')) ?? '';
  expect(teamChannelId).not.toBe('');
  await page.getByTestId('web-admin-team-default').selectOption({ label: LABEL });
  await expect(page.getByTestId('web-admin-team-default')).toHaveValue(teamChannelId);
  await page.reload();
  await expect(page.getByTestId('web-admin-team-default')).toHaveValue(teamChannelId);
  expect(await axeViolations(page)).toEqual([]);

  await page.goto('/app/admin/audit');
  await expect(
    page.locator('[data-testid="web-admin-audit-row"][data-action="channel.created"]').first(),
  ).toContainText(LABEL);
  await expect(
    page.locator('[data-testid="web-admin-audit-row"][data-action="channel.team-default.changed"]').first(),
  ).toBeVisible();
});

test('a rep picks the team server for web sends and it is used; an Outlook-pane send still goes through Exchange', async ({
  browser,
}) => {
  const eli = await signedInPage(browser, 'eli');
  // The team default is offered as such; the rep picks the server itself, which the server remembers.
  await expect(eli.getByTestId('web-channel-option-team-default')).toBeVisible();
  const option = eli.getByTestId(`web-channel-option-${teamChannelId}`);
  await option.click();
  await expect(option).toBeChecked();
  await eli.reload();
  await expect(option).toBeChecked();

  const subject = `Web send through the team server ${TAG}`;
  await eli.getByTestId('web-send-to').fill(`prospect-${TAG}@example.com`);
  await eli.getByTestId('web-send-subject').fill(subject);
  await eli.getByTestId('web-send-message').fill('Hello from the web app.');
  await eli.getByTestId('web-send-submit').click();
  await expect(eli.getByTestId('web-send-result-channel')).toContainText(LABEL);
  await expect
    .poll(async () =>
      (await smtpLog(eli.request)).filter((m) => m.subject === subject).map((m) => m.authUser),
    )
    .toEqual([SMTP_USER]);
  expect(await axeViolations(eli)).toEqual([]);

  // The add-in is forced onto the rep's own mailbox: Exchange's Sent Items has it, the SMTP log not.
  const paneSubject = `Pane send stays on Exchange ${TAG}`;
  await eli.goto('/sandbox/outlook?user=eli');
  const pane = eli.frameLocator('[data-testid="taskpane-frame"]');
  await expect(pane.getByTestId('quota')).toBeVisible();
  await eli.getByTestId('host-to').fill(`pane-${TAG}@example.com`);
  await eli.getByTestId('host-subject').fill(paneSubject);
  await eli.getByTestId('host-body').fill('Sent from the Outlook pane.');
  await pane.getByTestId('send-button').click();
  await expect(pane.getByTestId('send-status')).toHaveAttribute('data-state', /scheduled|queued|submitted/);
  await expect
    .poll(
      async () => (await graphSentItems(eli.request, 'eli')).filter((m) => m.subject === paneSubject).length,
      {
        timeout: 30_000,
      },
    )
    .toBe(1);
  expect((await smtpLog(eli.request)).filter((m) => m.subject === paneSubject)).toEqual([]);
});

test('the admin deletes the team server: the rep who chose it is back on his own mailbox, and it is audited', async ({
  page,
  browser,
}) => {
  await signInToWebApp(page, 'ava');
  await page.goto('/app/admin/channels');
  await page.getByTestId('web-admin-smtp-delete').click();
  expect(await axeViolations(page)).toEqual([]); // the question asked in the page
  await page.getByTestId('web-admin-smtp-delete-confirm').click();
  await expect(page.getByTestId('web-admin-smtp-channel')).toHaveCount(0);
  await expect(page.getByTestId('web-admin-smtp-host')).toBeVisible();
  await expect(page.getByTestId('web-admin-team-default')).toHaveValue('');

  const eli = await signedInPage(browser, 'eli');
  // His own Exchange mailbox (the sandbox's mbx-eli) is listed once the catalog is in.
  await expect(eli.getByTestId('web-channel-option-mbx-eli')).toBeVisible();
  await expect(eli.getByTestId(`web-channel-option-${teamChannelId}`)).toHaveCount(0);
  await expect(eli.getByTestId('web-channel-option-team-default')).toHaveCount(0);

  await page.goto('/app/admin/audit');
  await expect(
    page.locator('[data-testid="web-admin-audit-row"][data-action="channel.deleted"]').first(),
  ).toContainText(LABEL);
});
