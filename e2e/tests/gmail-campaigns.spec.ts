import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { createVoice, systemClock } from '@sendwell/core';
import { runTag } from './support/sandboxMail';
import { signInToWebApp } from './support/webApp';

// The Gmail add-on's campaign extras in the sandbox card previewer against the sandbox-mode server:
// Ivy (Gmail) finds her template with the search box, enrols the draft's `@bounce.test` recipient
// from the compose card, the campaign worker sends step 1, the sandbox bounces it, the scanner finds
// the notice, and the compose card reads "left: bounced" for that person. Opening the notice in the
// reader shows the contextual card: which email and person, hard bounce, the reason in plain words,
// and Suppress. Widgets are found by the fields Google's card schema defines; words come from core.

const TAG = runTag();
const voice = createVoice({ locale: 'en', timeZone: 'UTC', clock: systemClock });
const BOUNCE = `nobody-${TAG}@bounce.test`;
const TEMPLATE = `Card intro ${TAG}`;
const SUBJECT = `Hello from the card ${TAG}`;
const CAMPAIGN = `Card campaign ${TAG}`;
const LEFT_BOUNCED = voice.enrolmentStatus({
  status: 'left',
  leftReason: 'bounced',
  nextStep: null,
  nextAt: null,
});

test.describe.configure({ mode: 'serial', timeout: 180_000 });

const card = (page: Page) => page.getByTestId('card');
/** The previewer is done with the last add-on call, and the add-on answered (its error shown otherwise). */
async function idle(page: Page) {
  await expect(page.getByTestId('card-host')).toHaveAttribute('data-state', 'ready');
  const error = page.getByTestId('addon-error');
  if (await error.isVisible()) throw new Error(`The add-on failed: ${await error.textContent()}`);
}

async function openPreviewer(page: Page, query = '') {
  await page.goto(`/sandbox/gmail${query}`);
  await expect(page.getByTestId('user-picker')).toHaveAttribute('data-state', 'ready');
  await page.getByTestId('user-picker').selectOption('ivy');
}

/** Ivy's template and a two-step campaign (step 1 right away), through /api/v1 with her web session. */
async function createCampaign(page: Page) {
  await signInToWebApp(page, 'ivy', 'google');
  const { token } = (await (await page.request.get('/app/session')).json()) as { token: string };
  const headers = { authorization: `Bearer ${token}` };
  const template = await page.request.post('/api/v1/templates', {
    headers,
    data: {
      name: TEMPLATE,
      subject: SUBJECT,
      body: '<p>Hi {{recipient.firstName|there}}</p>',
      scope: 'personal',
    },
  });
  expect(template.ok(), await template.text()).toBe(true);
  const { id: templateId } = (await template.json()) as { id: string };
  const campaign = await page.request.post('/api/v1/campaigns', {
    headers,
    data: {
      name: CAMPAIGN,
      timeZone: 'UTC',
      steps: [
        { templateId, delay: { amount: 0, unit: 'hours' } },
        { templateId, delay: { amount: 2, unit: 'days' } },
      ],
    },
  });
  expect(campaign.ok(), await campaign.text()).toBe(true);
}

/** The notice about `address` in Ivy's sandbox inbox, through the sandbox Gmail API (her token). */
async function noticeIdFor(request: APIRequestContext, address: string): Promise<string | null> {
  const tokenRes = await request.post('/sandbox/dev/token', {
    data: { userId: 'ivy', kind: 'google-access' },
  });
  const { token } = (await tokenRes.json()) as { token: string };
  const headers = { authorization: `Bearer ${token}` };
  const base = '/sandbox/google/gmail/v1/users/me/messages';
  const list = (await (await request.get(`${base}?q=in:inbox&maxResults=500`, { headers })).json()) as {
    messages?: { id: string }[];
  };
  for (const { id } of list.messages ?? []) {
    const { raw } = (await (await request.get(`${base}/${id}?format=raw`, { headers })).json()) as {
      raw: string;
    };
    if (Buffer.from(raw, 'base64url').toString('utf8').includes(address)) return id;
  }
  return null;
}

test('enrol from the compose card; after the bounce the card reads left: bounced; the notice card', async ({
  page,
}) => {
  await createCampaign(page);
  await openPreviewer(page);
  await page.getByTestId('draft-to').fill(`Nobody Here <${BOUNCE}>`);
  await page.getByTestId('trigger-compose').click();
  await expect(card(page)).toHaveAttribute('data-card-name', 'compose');
  await idle(page);

  // Template search: the picker lists only the match.
  await card(page).getByTestId('template-search').fill(TAG);
  await card(page).getByTestId('template-search').blur();
  await idle(page);
  await expect(card(page).getByTestId('templateId').locator('option')).toHaveText([
    voice.t('gmail.noTemplate'),
    TEMPLATE,
  ]);

  // The person's row, then Add to campaign.
  const campaigns = card(page).getByRole('region', { name: voice.t('campaign.plural') });
  const person = campaigns.locator(`[data-top-label="${BOUNCE}"]`);
  await expect(person).toContainText(voice.t('person.inNoCampaign'));
  await campaigns.getByTestId('campaign-picker').selectOption({ label: CAMPAIGN });
  await campaigns.getByTestId('campaign-add').click();
  await idle(page);
  await expect(page.getByTestId('notification')).toHaveText(
    voice.count('campaign.enrolledIn', 1, { campaign: CAMPAIGN }),
  );
  await expect(card(page).locator(`[data-top-label="${BOUNCE}"]`)).toContainText(CAMPAIGN);

  // The worker sends step 1, the sandbox bounces it, the scanner finds it: ask the card again.
  await expect(async () => {
    await page.getByTestId('trigger-compose').click();
    await idle(page);
    await expect(card(page).locator(`[data-top-label="${BOUNCE}"]`)).toContainText(LEFT_BOUNCED, {
      timeout: 1_000,
    });
  }).toPass({ timeout: 120_000 });
  await expect(card(page).getByTestId('person-remove')).toHaveCount(0);

  // The notice open in the reader: the contextual card.
  const noticeId = await noticeIdFor(page.request, BOUNCE);
  expect(noticeId).not.toBeNull();
  await openPreviewer(page, `?messageId=${encodeURIComponent(noticeId!)}`);
  await page.getByTestId('trigger-open').click();
  await idle(page);
  await expect(card(page)).toHaveAttribute('data-card-name', 'notice');
  const section = card(page).getByRole('region', { name: BOUNCE });
  await expect(section.locator(`[data-top-label="${voice.t('notice.hard')}"]`)).toContainText(
    voice.bounceReason('userunknown'),
  );
  await expect(section.locator(`[data-top-label="${voice.t('notice.yourEmail')}"]`)).toContainText(SUBJECT);
  await expect(section.locator(`[data-top-label="${BOUNCE}"]`)).toContainText(LEFT_BOUNCED);
  // Left already, and the team's rules suppressed the hard-bounced address: the card says why, and
  // neither Remove nor Suppress is left to do.
  await expect(section.locator(`[data-top-label="${BOUNCE}"]`)).toContainText(
    voice.t('person.suppressed', { message: '' }).trim(),
  );
  await expect(section.getByTestId('notice-remove')).toHaveCount(0);
  await expect(section.getByTestId('notice-suppress')).toHaveCount(0);
});

test('send at a later time from the compose card, then cancel it from the home card', async ({ page }) => {
  const subject = `Later ${TAG}`;
  const to = `later-${TAG}@example.com`;
  await openPreviewer(page);
  await page.getByTestId('draft-to').fill(to);
  await page.getByTestId('draft-subject').fill(subject);
  await page.getByTestId('draft-body').fill('A note for later.');
  await page.getByTestId('trigger-compose').click();
  await expect(card(page)).toHaveAttribute('data-card-name', 'compose');
  await idle(page);

  // Two days ahead, to the minute, typed as wall time in the picker's zone (the rep's).
  const sendAt = card(page).getByTestId('send-at');
  const offset = Number(await sendAt.getAttribute('data-tz-offset'));
  const at = new Date(Math.floor((Date.now() + 2 * 86_400_000) / 60_000) * 60_000);
  await sendAt.fill(new Date(at.getTime() + offset * 60_000).toISOString().slice(0, 16));
  const zone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  const rep = createVoice({ locale: 'en', timeZone: zone, clock: systemClock });

  await card(page).getByTestId('send-with-sendwell').click();
  await idle(page);
  await expect(card(page)).toContainText(rep.t('send.goesOut', { time: rep.time(at) }));
  await card(page)
    .getByRole('button', { name: rep.t('gmail.send'), exact: true })
    .click();
  await idle(page);
  await expect(card(page).getByRole('region', { name: rep.t('gmail.status.queued') })).toBeVisible();

  await page.getByTestId('trigger-home').click();
  await idle(page);
  const activity = card(page).getByRole('region', { name: rep.t('ui.recentActivity') });
  // One row per send, named by its recipient; it says when it goes ("Queued for …").
  const row = activity.locator('[data-widget="decoratedText"]', { hasText: to });
  await expect(row).toContainText(rep.t('send.queuedFor', { time: rep.time(at) }));
  await row.getByTestId('cancel-send').click();
  await idle(page);
  await expect(page.getByTestId('notification')).toHaveText(rep.t('compose.cancelled'));
  await expect(
    activity.locator('[data-widget="decoratedText"]', { hasText: to }).getByTestId('cancel-send'),
  ).toHaveCount(0);
});
