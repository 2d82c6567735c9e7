import { type MessageKey, translate } from '@sendwell/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { createGmailAddon } from '../addon';
import { buttons, decoratedByLabel, paragraphs, shownCard } from '../cards/cardTestUtils';
import { TEMPLATE_INPUT } from '../cards/composeCard';
import { escapeText } from '../cards/widgets';
import type { SavedDraft } from '../deps';
import { parseRecipient } from '../event';
import { createAddonDriver } from '../testing/addonDriver';
import { createFakeAddonDeps, type FakeAddonState } from '../testing/fakeDeps';
import { createTestGoogle } from '../testing/googleTokens';

/**
 * Issue 6, "one voice": a rep whose Gmail speaks Simplified Chinese (event `userLocale` zh_CN) sees
 * every card in the catalog's Chinese — not English hard-coded in the cards and handlers. Expected
 * texts come from the catalog itself.
 */
const ADDON_URL = 'https://sendwell.example/gmail/addon';
const zh = (key: MessageKey, params?: Record<string, string | number>) => translate('zh-Hans', key, params);
/** Cards carry escaped text. */
const zhCard = (key: MessageKey, params?: Record<string, string | number>) => escapeText(zh(key, params));

let google: Awaited<ReturnType<typeof createTestGoogle>>;
let state: FakeAddonState;
let driver: ReturnType<typeof createAddonDriver>;
let app: ReturnType<typeof createGmailAddon>;

beforeEach(async () => {
  google ??= await createTestGoogle(ADDON_URL);
  const deps = createFakeAddonDeps(google.auth, ADDON_URL);
  state = deps.state;
  app = createGmailAddon(deps);
  driver = createAddonDriver({ app, google, locale: 'zh_CN', timeZone: 'Asia/Shanghai' });
});

const people = (list: string[]) => list.map((text) => parseRecipient(text) ?? { email: text });

function save(id = 'r-1'): SavedDraft {
  const w = driver.window;
  const draft: SavedDraft = {
    id,
    threadId: `th-${id}`,
    to: people(w.to),
    cc: people(w.cc),
    bcc: people(w.bcc),
    subject: w.subject,
    html: w.body,
    savedAt: '2026-03-02T10:00:00.000Z',
  };
  state.drafts = [...state.drafts.filter((d) => d.id !== id), draft];
  return draft;
}

async function confirmCardFor(window: Partial<typeof driver.window>) {
  Object.assign(driver.window, window);
  save();
  await driver.compose();
  return driver.click(zh('ui.sendWithSendwell'));
}

describe('Gmail cards in Simplified Chinese (zh_CN)', () => {
  it('the confirm card: title, subtitle, labels and its Send and Back buttons', async () => {
    const answer = await confirmCardFor({
      to: ['ada@example.com'],
      cc: ['cc@example.com'],
      subject: 'S',
      body: '<p>B</p>',
    });
    const card = answer.card!;
    expect(card.header).toEqual({
      title: zhCard('ui.checkBeforeSending'),
      subtitle: zhCard('gmail.confirmSubtitle'),
    });
    expect(buttons(card).map((b) => b.text)).toEqual([zh('gmail.send'), zh('gmail.back')]);
    expect(decoratedByLabel(card, zhCard('ui.to'))).toMatchObject({
      text: 'ada@example.com',
      bottomLabel: zhCard('ui.cc', { n: 1 }),
    });
    expect(decoratedByLabel(card, zhCard('ui.subject'))?.text).toBe('S');
  });

  it('a refused draft (unfilled field) is refused in Chinese', async () => {
    const answer = await confirmCardFor({ to: ['bob@example.com'], subject: 'S', body: '<p>Hi {{x}}</p>' });
    expect(paragraphs(answer.card!)).toContain(zhCard('refusal.unfilledTags', { tags: '{{x}}' }));
  });

  it('no saved draft yet: the notification and the status header', async () => {
    driver.window.to = ['ada@example.com'];
    await driver.compose();
    const answer = await driver.click(zh('ui.sendWithSendwell'));
    expect(answer.notification).toBe(zh('gmail.noSavedDraft'));
    expect(answer.card!.sections[0]!.header).toBe(zhCard('ui.notSent'));
    expect(state.sends).toEqual([]);
  });

  it('an invalid address, named in Chinese', async () => {
    driver.window.to = ['ada@exam"ple.com'];
    await driver.compose();
    const answer = await driver.click(zh('ui.sendWithSendwell'));
    const named = zh('refusal.notValidAddress', { address: 'ada@exam"ple.com' });
    expect(answer.notification).toBe(zh('gmail.invalidAddresses', { addresses: named }));
  });

  it('a draft changed after the check is shown again with the Chinese note', async () => {
    await confirmCardFor({ to: ['ada@example.com'], subject: 'S', body: '<p>one</p>' });
    driver.window.body = '<p>two</p>';
    save();
    const answer = await driver.click(zh('gmail.send'));
    expect(paragraphs(answer.card!)).toContain(zhCard('gmail.draftChanged'));
    expect(state.sends).toEqual([]);
  });

  it('the compose card: subtitle, picker, section headers', async () => {
    const answer = await driver.compose();
    const card = answer.card!;
    expect(card.header?.subtitle).toBe(zhCard('gmail.composeSubtitle'));
    expect(card.sections.map((s) => s.header)).toEqual([zhCard('ui.template'), zhCard('gmail.sending')]);
    expect(paragraphs(card)).toContain(zhCard('gmail.addRecipients'));
    driver.choose(TEMPLATE_INPUT, 'no-such-template');
    expect((await driver.click(zh('ui.insertTemplate'))).notification).toBe(zh('insert.templateGone'));
  });

  it('the compose extras and the notice card, in Chinese', async () => {
    driver.window.to = ['ada@bounce.test'];
    await driver.compose();
    expect(driver.card.sections.map((s) => s.header)).toContain(zhCard('campaign.plural'));
    expect(decoratedByLabel(driver.card, 'ada@bounce.test')?.text).toBe(zhCard('person.inNoCampaign'));
    state.campaign.notices.set('m-1', [
      {
        email: 'ada@bounce.test',
        hard: true,
        action: 'failed',
        reason: 'userunknown',
        status: '5.1.1',
        diagnostic: null,
        send: null,
      },
    ]);
    const card = (await driver.open('m-1')).card!;
    expect(card.header?.title).toBe(zhCard('notice.title'));
    expect(decoratedByLabel(card, zhCard('notice.hard'))?.text).toBe(zhCard('reason.userunknown'));
    expect(paragraphs(card)).toContain(zhCard('notice.unattributed'));
    expect(buttons(card).map((b) => b.text)).toEqual([zh('suppression.action.suppress')]);
  });

  it('the not-connected card', async () => {
    const stranger = createAddonDriver({ app, google, locale: 'zh_CN', email: 'stranger@example.com' });
    const answer = await stranger.home();
    const card = shownCard(answer.json)!;
    expect(card.name).toBe('not-connected');
    expect(paragraphs(card)).toEqual([zhCard('gmail.notConnected', { email: 'stranger@example.com' })]);
  });
});
