import { createVoice, type MessageKey, systemClock } from '@sendwell/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { createGmailAddon } from '../addon';
import { buttons, decoratedByLabel, paragraphs } from '../cards/cardTestUtils';
import { escapeText } from '../cards/widgets';
import type { NoticeRecipient } from '../deps';
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

const recipient = (over: Partial<Omit<NoticeRecipient, 'person'>> = {}): Omit<NoticeRecipient, 'person'> => ({
  email: 'ada@bounce.test',
  hard: true,
  action: 'failed',
  reason: 'userunknown',
  status: '5.1.1',
  diagnostic: '550 5.1.1 The email account that you tried to reach does not exist.',
  send: { sendId: 'send-1', subject: 'Intro for Ada', sentAt: '2026-03-02T09:00:00.000Z' },
  ...over,
});

/** Ada is in the campaign; the notice about her step-1 email is in the rep's inbox. */
async function enrolAda() {
  driver.window.to = ['ada@bounce.test'];
  await driver.compose();
  await driver.click(voice.t('campaign.action.add'));
  driver.window.to = [];
}

describe('the contextual card for a bounce notice', () => {
  it.each<[string, Partial<Omit<NoticeRecipient, 'person'>>, MessageKey]>([
    ['hard', {}, 'notice.hard'],
    ['soft', { hard: false, reason: 'mailboxfull', status: '4.2.2' }, 'notice.soft'],
    ['delayed', { hard: null, action: 'delayed', reason: 'expired', status: '4.4.7' }, 'notice.delayed'],
    ['not said', { hard: null, reason: null, status: null, diagnostic: null }, 'notice.unclassified'],
  ])('%s: the kind and the reason in plain words', async (_name, over, kind) => {
    const r = recipient(over);
    state.campaign.notices.set('m-1', [r]);
    const answer = await driver.open('m-1');
    expect(answer.card?.name).toBe('notice');
    const reason = decoratedByLabel(driver.card, escapeText(voice.t(kind)));
    expect(reason?.text).toBe(escapeText(voice.bounceReason(r.reason)));
    expect(reason?.bottomLabel ?? '').toBe(escapeText(voice.join(r.status, r.diagnostic)));
  });

  it('names the send and the person; Remove from campaign → left: removed; Suppress → suppressed', async () => {
    await enrolAda();
    state.campaign.notices.set('m-1', [recipient()]);
    await driver.open('m-1');
    expect(decoratedByLabel(driver.card, escapeText(voice.t('notice.yourEmail')))).toMatchObject({
      text: 'Intro for Ada',
      bottomLabel: escapeText(voice.time('2026-03-02T09:00:00.000Z')),
    });
    expect(buttons(driver.card).map((b) => b.text)).toEqual([
      voice.t('campaign.action.remove'),
      voice.t('suppression.action.suppress'),
    ]);
    const removed = await driver.click(voice.t('campaign.action.remove'));
    expect(removed.notification).toBe(voice.t('person.removed', { email: 'ada@bounce.test' }));
    const [ada] = state.campaign.enrolments;
    expect(ada).toMatchObject({ status: 'left', leftReason: 'removed' });
    expect(decoratedByLabel(driver.card, 'ada@bounce.test')?.text).toBe(
      escapeText(
        voice.t('person.inCampaign', { campaign: 'Intro sequence', status: voice.enrolmentStatus(ada!) }),
      ),
    );
    const suppressed = await driver.click(voice.t('suppression.action.suppress'));
    expect(suppressed.notification).toBe(voice.t('person.suppressedNow', { email: 'ada@bounce.test' }));
    expect(state.campaign.suppressions.has('ada@bounce.test')).toBe(true);
    expect(buttons(driver.card)).toEqual([]); // nothing left to do
  });

  it('after the server’s exit the card reads left: bounced', async () => {
    await enrolAda();
    leaveAll(state.campaign, 'ada@bounce.test', 'bounced');
    state.campaign.notices.set('m-1', [recipient()]);
    await driver.open('m-1');
    expect(decoratedByLabel(driver.card, 'ada@bounce.test')?.text).toContain('left: bounced');
    expect(buttons(driver.card).map((b) => b.text)).toEqual([voice.t('suppression.action.suppress')]);
  });

  it('a notice not tied to one of our sends says so', async () => {
    state.campaign.notices.set('m-1', [recipient({ send: null })]);
    await driver.open('m-1');
    expect(paragraphs(driver.card)).toContain(escapeText(voice.t('notice.unattributed')));
  });

  it.each<[string, string | undefined]>([
    ['a message that is not a notice', 'm-plain'],
    ['no message id', undefined],
  ])('%s keeps the home card', async (_name, id) => {
    state.campaign.notices.set('m-1', [recipient()]);
    const answer = id ? await driver.open(id) : await driver.post('t=open');
    expect(answer.card?.name).toBe('home');
  });
});
