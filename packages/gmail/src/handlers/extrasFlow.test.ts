import { createVoice, systemClock } from '@sendwell/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { createGmailAddon } from '../addon';
import { buttonByText, decoratedTexts, inputByName, paragraphs } from '../cards/cardTestUtils';
import { TEMPLATE_INPUT } from '../cards/composeCard';
import { SEARCH_INPUT, SEND_AT_INPUT } from '../cards/composeExtras';
import type { Card, Widget } from '../cards/types';
import { escapeText } from '../cards/widgets';
import type { SavedDraft } from '../deps';
import { createAddonDriver } from '../testing/addonDriver';
import { createFakeAddonDeps, type FakeAddonState } from '../testing/fakeDeps';
import { createTestGoogle } from '../testing/googleTokens';
import { zoneOffsetMinutes } from './composeExtras';

const ADDON_URL = 'https://sendwell.example/gmail/addon';
const voice = createVoice({ locale: 'en', timeZone: 'Europe/London', clock: systemClock });
let google: Awaited<ReturnType<typeof createTestGoogle>>;
let state: FakeAddonState;
let driver: ReturnType<typeof createAddonDriver>;

beforeEach(async () => {
  google ??= await createTestGoogle(ADDON_URL);
  const deps = createFakeAddonDeps(google.auth, ADDON_URL);
  state = deps.state;
  state.templates.push({
    id: 't-follow',
    name: 'Follow-up',
    subject: 'Following up',
    body: '<p>Hi again</p>',
  });
  driver = createAddonDriver({ app: createGmailAddon(deps), google });
});

const pickerNames = () => inputByName(driver.card, TEMPLATE_INPUT)!.items.map((i) => i.text);
const widgets = (card: Card): Widget[] => card.sections.flatMap((s) => s.widgets);

describe('template search and recently used', () => {
  it.each<[string, string, string[]]>([
    ['by name, any case', 'FOLLOW', ['Follow-up']],
    ['by subject', 'quick question', ['Plain']],
    ['several, in name or subject', 'LO', ['Intro', 'Follow-up']],
  ])('search %s: the picker lists only the matches', async (_name, query, names) => {
    await driver.compose();
    driver.choose(SEARCH_INPUT, query);
    await driver.post('t=action&a=compose-refresh', { session: 's' });
    expect(pickerNames()).toEqual([voice.t('gmail.noTemplate'), ...names]);
  });

  it('no match: says so, and the chosen template stays listed', async () => {
    await driver.compose();
    driver.choose(TEMPLATE_INPUT, 't-intro');
    driver.choose(SEARCH_INPUT, 'zzz');
    await driver.post('t=action&a=compose-refresh', { session: 's' });
    expect(paragraphs(driver.card)).toContain(escapeText(voice.t('compose.noTemplateMatch', { q: 'zzz' })));
    expect(pickerNames()).toEqual([voice.t('gmail.noTemplate'), 'Intro']);
  });

  it('recently used: one button each, newest first; a click selects it', async () => {
    await driver.compose();
    expect(driver.card.sections.map((s) => s.header)).not.toContain(voice.t('compose.recentlyUsed'));
    state.campaign.recentTemplateIds = ['t-follow', 't-intro'];
    await driver.compose();
    const recent = driver.card.sections.find((s) => s.header === voice.t('compose.recentlyUsed'))!;
    const names = recent.widgets.flatMap((w) =>
      'buttonList' in w ? w.buttonList.buttons.map((b) => b.text) : [],
    );
    expect(names).toEqual(['Follow-up', 'Intro']);
    driver.choose(TEMPLATE_INPUT, 't-plain'); // the picker said Plain; the click wins
    await driver.click('Follow-up');
    const selected = inputByName(driver.card, TEMPLATE_INPUT)!.items.find((i) => i.selected);
    expect(selected?.value).toBe('t-follow');
  });
});

function saveDraft(): SavedDraft {
  const draft: SavedDraft = {
    id: 'r-1',
    threadId: 'th-1',
    to: [{ email: 'ada@example.com' }],
    cc: [],
    bcc: [],
    subject: 'Hello',
    html: '<p>Hi</p>',
    savedAt: '2026-03-02T10:00:00.000Z',
  };
  state.drafts = [draft];
  return draft;
}

describe('send at', () => {
  it('the picker shows the rep’s zone; the confirm card says when; the send carries sendAt', async () => {
    driver.window.to = ['ada@example.com'];
    await driver.compose();
    const picker = widgets(driver.card).find((w) => 'dateTimePicker' in w);
    expect(picker).toEqual({
      dateTimePicker: {
        name: SEND_AT_INPUT,
        label: voice.t('compose.sendAtOptional'),
        type: 'DATE_AND_TIME',
        timezoneOffsetDate: zoneOffsetMinutes('Europe/London', new Date()),
      },
    });
    saveDraft();
    const at = new Date(Date.now() + 3 * 86_400_000);
    at.setUTCSeconds(0, 0);
    driver.chooseMoment(SEND_AT_INPUT, at);
    await driver.click(voice.t('ui.sendWithSendwell'));
    expect(paragraphs(driver.card)).toContain(escapeText(voice.t('send.goesOut', { time: voice.time(at) })));
    driver.chooseMoment(SEND_AT_INPUT, null); // the confirm card has no picker: Send carries it
    await driver.click(voice.t('gmail.send'));
    expect(state.sends).toMatchObject([{ to: ['ada@example.com'], sendAt: at.toISOString() }]);
  });

  it('no time picked: sent as soon as the throttle allows (no sendAt)', async () => {
    driver.window.to = ['ada@example.com'];
    saveDraft();
    await driver.compose();
    await driver.click(voice.t('ui.sendWithSendwell'));
    await driver.click(voice.t('gmail.send'));
    expect(state.sends).toMatchObject([{ sendAt: null }]);
  });

  it.each<[string, string, number]>([
    ['London in winter', '2026-01-15T12:00:00Z', 0],
    ['London in summer', '2026-07-15T12:00:00Z', 60],
    ['Kolkata', '2026-01-15T12:00:00Z', 330],
    ['New York', '2026-01-15T12:00:00Z', -300],
  ])('zone offset: %s', (name, at, minutes) => {
    const zone = {
      'London in winter': 'Europe/London',
      'London in summer': 'Europe/London',
      Kolkata: 'Asia/Kolkata',
      'New York': 'America/New_York',
    }[name]!;
    expect(zoneOffsetMinutes(zone, new Date(at))).toBe(minutes);
  });
});

describe('cancel a queued send (home card)', () => {
  it('a waiting send has Cancel send; after it, the row says cancelled and the button is gone', async () => {
    driver.window.to = ['ada@example.com'];
    saveDraft();
    await driver.compose();
    await driver.click(voice.t('ui.sendWithSendwell'));
    await driver.click(voice.t('gmail.send'));
    await driver.home();
    expect(buttonByText(driver.card, voice.t('compose.cancelSend'))).toBeDefined();
    const answer = await driver.click(voice.t('compose.cancelSend'));
    expect(answer.notification).toBe(voice.t('compose.cancelled'));
    expect(state.sends[0]!.status).toBe('cancelled');
    expect(buttonByText(driver.card, voice.t('compose.cancelSend'))).toBeUndefined();
    expect(decoratedTexts(driver.card).some((d) => d.bottomLabel?.includes('Cancelled'))).toBe(true);
  });

  it('a send no longer waiting: the server’s refusal is shown', async () => {
    driver.window.to = ['ada@example.com'];
    saveDraft();
    await driver.compose();
    await driver.click(voice.t('ui.sendWithSendwell'));
    await driver.click(voice.t('gmail.send'));
    await driver.home();
    const stale = driver.card;
    state.sends[0]!.status = 'submitted';
    const answer = await driver.click(voice.t('compose.cancelSend'), stale);
    expect(answer.notification).toBe('This send is no longer waiting.');
  });
});
