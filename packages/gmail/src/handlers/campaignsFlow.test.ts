import { createVoice, systemClock } from '@sendwell/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { createGmailAddon } from '../addon';
import { buttons, decoratedByLabel, paragraphs } from '../cards/cardTestUtils';
import { CAMPAIGN_INPUT } from '../cards/composeExtras';
import { escapeText } from '../cards/widgets';
import { createAddonDriver } from '../testing/addonDriver';
import { leaveAll } from '../testing/fakeCampaigns';
import { createFakeAddonDeps, type FakeAddonState } from '../testing/fakeDeps';
import { createTestGoogle } from '../testing/googleTokens';

const ADDON_URL = 'https://sendwell.example/gmail/addon';
const voice = createVoice({ locale: 'en', timeZone: 'Europe/London', clock: systemClock });
let google: Awaited<ReturnType<typeof createTestGoogle>>;
let state: FakeAddonState;
let driver: ReturnType<typeof createAddonDriver>;

beforeEach(async () => {
  google ??= await createTestGoogle(ADDON_URL);
  const deps = createFakeAddonDeps(google.auth, ADDON_URL);
  state = deps.state;
  driver = createAddonDriver({ app: createGmailAddon(deps), google });
});

/** A person's row on the card: the decoratedText labelled with their address. */
const statusOf = (email: string) => decoratedByLabel(driver.card, escapeText(email));
const enrolmentsOf = (email: string) => state.campaign.enrolments.filter((e) => e.email === email);

describe('the compose card: the draft’s people in campaigns', () => {
  it('shows each To person’s status, and nothing about campaigns without recipients', async () => {
    await driver.compose();
    expect(driver.card.sections.map((s) => s.header)).not.toContain(voice.t('campaign.plural'));
    driver.window.to = ['Ada Lovelace <ada@example.com>', 'bob@example.com'];
    await driver.compose();
    expect(statusOf('ada@example.com')?.text).toBe(escapeText(voice.t('person.inNoCampaign')));
    expect(statusOf('bob@example.com')?.text).toBe(escapeText(voice.t('person.inNoCampaign')));
  });

  it('Add to campaign enrols the To people with their names (source gmail), row by row', async () => {
    state.campaign.suppressions.set('gone@example.com', {
      reason: 'hard-bounce',
      message: 'It bounced hard on 1 March.',
      since: '2026-03-01T09:00:00Z',
      until: null,
    });
    driver.window.to = ['Ada Lovelace <ada@example.com>', 'gone@example.com'];
    await driver.compose();
    driver.choose(CAMPAIGN_INPUT, 'c-intro');
    const answer = await driver.click(voice.t('campaign.action.add'));
    expect(enrolmentsOf('ada@example.com')).toMatchObject([
      { displayName: 'Ada Lovelace', status: 'active' },
    ]);
    expect(enrolmentsOf('gone@example.com')).toEqual([]);
    expect(answer.notification).toBe(voice.count('campaign.enrolledIn', 1, { campaign: 'Intro sequence' }));
    // The refused row, in the server's words; the suppressed person's row says why.
    expect(paragraphs(driver.card)).toContain(escapeText('gone@example.com: It bounced hard on 1 March.'));
    expect(statusOf('gone@example.com')?.text).toBe(
      escapeText(voice.t('person.suppressed', { message: 'It bounced hard on 1 March.' })),
    );
    const [ada] = enrolmentsOf('ada@example.com');
    expect(statusOf('ada@example.com')?.text).toBe(
      escapeText(
        voice.t('person.inCampaign', { campaign: 'Intro sequence', status: voice.enrolmentStatus(ada!) }),
      ),
    );
  });

  it('after the bounce the person reads “left: bounced” and Remove is gone', async () => {
    driver.window.to = ['ada@example.com'];
    await driver.compose();
    await driver.click(voice.t('campaign.action.add'));
    expect(statusOf('ada@example.com')?.button?.text).toBe(voice.t('campaign.action.remove'));
    leaveAll(state.campaign, 'ada@example.com', 'bounced'); // what the server's exit does
    await driver.post('t=action&a=compose-refresh', { session: 's' });
    const row = statusOf('ada@example.com');
    expect(row?.text).toBe(
      escapeText(
        voice.t('person.inCampaign', {
          campaign: 'Intro sequence',
          status: voice.enrolmentStatus(enrolmentsOf('ada@example.com')[0]!),
        }),
      ),
    );
    expect(row?.text).toContain('left: bounced');
    expect(row?.button).toBeUndefined();
  });

  it('Remove from campaign takes the person out (left: removed)', async () => {
    driver.window.to = ['ada@example.com'];
    await driver.compose();
    await driver.click(voice.t('campaign.action.add'));
    const answer = await driver.click(voice.t('campaign.action.remove'));
    expect(enrolmentsOf('ada@example.com')).toMatchObject([{ status: 'left', leftReason: 'removed' }]);
    expect(answer.notification).toBe(voice.t('person.removed', { email: 'ada@example.com' }));
    expect(statusOf('ada@example.com')?.text).toContain(
      escapeText(voice.enrolmentStatus(enrolmentsOf('ada@example.com')[0]!)),
    );
  });

  it('no active campaign: the card says so and offers no Add', async () => {
    state.campaign.campaigns = [];
    driver.window.to = ['ada@example.com'];
    await driver.compose();
    expect(paragraphs(driver.card)).toContain(escapeText(voice.t('campaign.noneActive')));
    expect(buttons(driver.card).map((b) => b.text)).not.toContain(voice.t('campaign.action.add'));
  });

  it('Add twice: the second is refused row by row (already enrolled), nobody enrolled twice', async () => {
    driver.window.to = ['ada@example.com'];
    await driver.compose();
    await driver.click(voice.t('campaign.action.add'));
    const again = await driver.click(voice.t('campaign.action.add'));
    expect(again.notification).toBe(voice.count('campaign.enrolledIn', 0, { campaign: 'Intro sequence' }));
    expect(paragraphs(driver.card)).toContain(escapeText('ada@example.com: Already in this campaign.'));
    expect(enrolmentsOf('ada@example.com')).toHaveLength(1);
  });
});
