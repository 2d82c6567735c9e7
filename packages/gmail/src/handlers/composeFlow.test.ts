import { createVoice, emailAddressSchema, ManualClock, personalise, translate } from '@sendwell/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { createGmailAddon } from '../addon';
import { buttons, decoratedByLabel, paragraphs } from '../cards/cardTestUtils';
import { MODE_INPUT, TEMPLATE_INPUT } from '../cards/composeCard';
import { NO_TEMPLATE } from '../compose/prepareTemplate';
import type { SavedDraft } from '../deps';
import { parseRecipient } from '../event';
import { createAddonDriver } from '../testing/addonDriver';
import { createFakeAddonDeps, type FakeAddonState } from '../testing/fakeDeps';
import { createTestGoogle } from '../testing/googleTokens';

const ADDON_URL = 'https://sendwell.example/gmail/addon';
let google: Awaited<ReturnType<typeof createTestGoogle>>;
let state: FakeAddonState;
let driver: ReturnType<typeof createAddonDriver>;

beforeEach(async () => {
  google ??= await createTestGoogle(ADDON_URL);
  const deps = createFakeAddonDeps(google.auth, ADDON_URL);
  state = deps.state;
  driver = createAddonDriver({ app: createGmailAddon(deps), google });
});

const people = (list: string[]) => list.map((text) => parseRecipient(text) ?? { email: text });

/** Gmail saving the compose window as a draft (the same draft id across saves, as Gmail keeps it). */
function save(id = 'r-1', at = '2026-03-02T10:00:00.000Z'): SavedDraft {
  const w = driver.window;
  const draft: SavedDraft = {
    id,
    threadId: `th-${id}`,
    to: people(w.to),
    cc: people(w.cc),
    bcc: people(w.bcc),
    subject: w.subject,
    html: w.body,
    savedAt: at,
  };
  state.drafts = [...state.drafts.filter((d) => d.id !== id), draft];
  return draft;
}

async function insert(to: string[], templateId: string) {
  driver.window.to = to;
  await driver.compose();
  driver.choose(TEMPLATE_INPUT, templateId);
  return driver.click('Insert template');
}

describe('what is sent is the draft the rep edited (observation 1)', () => {
  it('Insert, edit subject and body, Send: the confirm card and the send carry the edits', async () => {
    await insert(['Ada Lovelace <ada@example.com>'], 't-intro');
    driver.window.subject = 'Ada — a better subject';
    driver.window.body = '<p>Hi Ada, I rewrote this myself.</p>';
    save();
    await driver.click('Send with Sendwell');
    expect(decoratedByLabel(driver.card, 'Subject')?.text).toBe('Ada — a better subject');
    expect(decoratedByLabel(driver.card, 'First line')?.text).toBe('Hi Ada, I rewrote this myself.');
    const sent = await driver.click('Send');
    expect(state.sends).toMatchObject([
      {
        to: ['ada@example.com'],
        subject: 'Ada — a better subject',
        body: '<p>Hi Ada, I rewrote this myself.</p>',
        templateId: 't-intro',
      },
    ]);
    expect(sent.notification).toContain('Ada — a better subject');
    expect(state.drafts).toEqual([]); // removed once Sendwell holds it
  });

  it('says so and sends nothing when no saved draft matches the compose window', async () => {
    driver.window.to = ['ada@example.com'];
    await driver.compose();
    const answer = await driver.click('Send with Sendwell');
    expect(answer.notification).toContain('no saved draft with these recipients');
    expect(state.sends).toEqual([]);
  });

  it('a draft edited after the check is shown again, not sent', async () => {
    driver.window = Object.assign(driver.window, {
      to: ['ada@example.com'],
      subject: 'First',
      body: '<p>one</p>',
    });
    save();
    await driver.compose();
    await driver.click('Send with Sendwell');
    driver.window.body = '<p>changed after the check</p>';
    save();
    const answer = await driver.click('Send');
    expect(state.sends).toEqual([]);
    expect(paragraphs(answer.card!).join(' ')).toContain('The draft changed since you checked it');
    expect(decoratedByLabel(answer.card!, 'First line')?.text).toBe('changed after the check');
  });
});

describe('hand-written drafts and merge fields (observation 2)', () => {
  it('a hand-written draft with "No template" sends as written', async () => {
    Object.assign(driver.window, {
      to: ['bob@example.com'],
      subject: 'Lunch?',
      body: '<p>Free on Friday?</p>',
    });
    save();
    await driver.compose();
    driver.choose(TEMPLATE_INPUT, NO_TEMPLATE);
    await driver.click('Send with Sendwell');
    await driver.click('Send');
    expect(state.sends).toMatchObject([{ to: ['bob@example.com'], subject: 'Lunch?', templateId: null }]);
  });

  it('a merge field with no value is refused with the field named (core personalise)', async () => {
    const inserted = await insert(['bob@example.com'], 't-intro');
    expect(inserted.notification).toContain('recipient.firstName');
    save();
    await driver.click('Send with Sendwell');
    const { subject, body } = driver.window;
    const core = personalise(
      { to: people(['bob@example.com']), cc: [], bcc: [], subject, body, format: 'html' },
      'one',
    );
    expect(core.outcome).toBe('refused');
    expect(paragraphs(driver.card)).toContain(
      core.outcome === 'refused' ? core.message.replace(/</g, '&lt;').replace(/>/g, '&gt;') : '',
    );
    expect(buttons(driver.card).map((b) => b.text)).toEqual(['Back']);
    expect(state.sends).toEqual([]);
  });
});

describe('once (observation 3)', () => {
  it('a second click on the same confirm card sends nothing and says it was sent', async () => {
    Object.assign(driver.window, { to: ['ada@example.com'], subject: 'Once', body: '<p>only once</p>' });
    save();
    await driver.compose();
    await driver.click('Send with Sendwell');
    const confirm = driver.card;
    await driver.click('Send', confirm);
    const second = await driver.click('Send', confirm);
    expect(state.sends).toHaveLength(1);
    expect(second.notification).toContain('Already sent with Sendwell');
  });

  it("the server's duplicate answer (draft still saved, key used) sends nothing", async () => {
    Object.assign(driver.window, { to: ['ada@example.com'], subject: 'Once', body: '<p>only once</p>' });
    save();
    await driver.compose();
    await driver.click('Send with Sendwell');
    const confirm = driver.card;
    await driver.click('Send', confirm);
    save(); // Gmail's compose window saved the same draft again
    const again = await driver.click('Send with Sendwell');
    expect(again.notification).toContain('Already sent with Sendwell');
    expect(state.sends).toHaveLength(1);
  });

  it('Send with Sendwell on the card shown after sending says it was sent', async () => {
    Object.assign(driver.window, { to: ['ada@example.com'], subject: 'Once', body: '<p>x</p>' });
    save();
    await driver.compose();
    await driver.click('Send with Sendwell');
    await driver.click('Send');
    const again = await driver.click('Send with Sendwell');
    expect(again.notification).toContain('Already sent with Sendwell');
    expect(state.sends).toHaveLength(1);
  });
});

describe('once, for a compose window opened again', () => {
  async function sendOnce() {
    Object.assign(driver.window, { to: ['ada@example.com'], subject: 'Once', body: '<p>x</p>' });
    save();
    await driver.compose();
    await driver.click('Send with Sendwell');
    await driver.click('Send');
  }

  it('a fresh card on a window whose draft was sent says it was sent', async () => {
    await sendOnce();
    await driver.compose(); // the rep closes and reopens the add-on: a new card, no memory
    const again = await driver.click('Send with Sendwell');
    expect(again.notification).toContain('Already sent with Sendwell');
    expect(state.sends).toHaveLength(1);
  });

  it('a draft Gmail saved again under a new id is shown with a warning, not sent', async () => {
    await sendOnce();
    save('r-2');
    await driver.compose();
    await driver.click('Send with Sendwell');
    expect(paragraphs(driver.card).join(' ')).toContain(
      'You sent an email to these recipients with Sendwell',
    );
    expect(state.sends).toHaveLength(1);
  });
});

describe('addresses (observation 24)', () => {
  it('names an invalid address on the card and queues nothing', async () => {
    driver.window.to = ['Ada <ada@exam"ple.com>'];
    await driver.compose();
    const answer = await driver.click('Send with Sendwell');
    const named = translate('en', 'refusal.notValidAddress', { address: 'ada@exam"ple.com' });
    expect(answer.notification).toBe(translate('en', 'gmail.invalidAddresses', { addresses: named }));
    expect(emailAddressSchema.safeParse('ada@exam"ple.com').success).toBe(false);
    expect(state.sends).toEqual([]);
  });
});

describe('personalisation that cannot go wrong', () => {
  it('two recipients, "one email each": two messages, each merged for its person', async () => {
    driver.window.to = ['Ada Lovelace <ada@example.com>', 'Bob Stone <bob@example.com>'];
    await driver.compose();
    driver.choose(TEMPLATE_INPUT, 't-intro');
    await driver.click('Insert template'); // the picker re-renders with the choice; "each" is preselected
    driver.choose(MODE_INPUT, 'each');
    save();
    await driver.click('Send with Sendwell');
    await driver.click('One email each, merged for each person (2)');
    expect(state.sends.map((s) => [s.to, s.subject, s.body])).toEqual([
      [['ada@example.com'], 'Hello Ada', '<p>Hi Ada, quick intro.</p>'],
      [['bob@example.com'], 'Hello Bob', '<p>Hi Bob, quick intro.</p>'],
    ]);
  });

  it('recipients changed after Insert: the confirm card says so and offers Merge again', async () => {
    await insert(['Ada Lovelace <ada@example.com>'], 't-intro');
    driver.window.to = ['Bob Stone <bob@example.com>'];
    save();
    await driver.click('Send with Sendwell');
    expect(paragraphs(driver.card).join(' ')).toContain(
      'merged for Ada Lovelace, but the draft now goes to bob@example.com',
    );
    expect(buttons(driver.card).map((b) => b.text)).toContain('Merge again');
    const merged = await driver.click('Merge again');
    expect(merged.json.renderActions.hostAppAction?.gmailAction.updateDraftActionMarkup).toMatchObject({
      updateBody: { insertContents: [{ content: '<p>Hi Bob, quick intro.</p>' }], type: 'IN_PLACE_INSERT' },
      updateSubject: { subject: 'Hello Bob' },
    });
    expect(decoratedByLabel(driver.card, 'Inserted')?.text).toContain('Bob Stone');
  });

  it('inserting twice does not add the template twice', async () => {
    await insert(['Ada Lovelace <ada@example.com>'], 't-intro');
    const before = driver.window.body;
    const second = await driver.post('t=action&a=insert-template', {
      session: 's',
      stamp: JSON.stringify({ templateId: 't-intro', mode: 'one', mergedFor: null, to: [] }),
    });
    expect(second.json.renderActions.hostAppAction).toBeUndefined();
    expect(driver.window.body).toBe(before);
    expect(second.notification).toContain('Already inserted');
  });

  it('Insert with no recipient does not touch the subject', async () => {
    driver.window.subject = 'Mine';
    await insert([], 't-intro');
    expect(driver.window).toMatchObject({ subject: 'Mine', body: '' });
  });
});

describe("one voice, in the rep's language from the Gmail event", () => {
  it('a zh-CN rep gets the compose card in Simplified Chinese', async () => {
    const deps = createFakeAddonDeps(google.auth, ADDON_URL);
    const zh = createAddonDriver({
      app: createGmailAddon(deps),
      google,
      locale: 'zh-CN',
      timeZone: 'Asia/Shanghai',
    });
    zh.window.to = ['ada@example.com'];
    const card = (await zh.compose()).card!;
    const voice = createVoice({
      locale: 'zh-Hans',
      timeZone: 'Asia/Shanghai',
      clock: new ManualClock('2026-03-02T10:00:00Z'),
    });
    expect(voice.t('ui.template')).not.toBe('Template');
    // The template section's buttons (the campaigns section follows with its own).
    expect(
      buttons(card)
        .map((b) => b.text)
        .slice(0, 2),
    ).toEqual([voice.t('ui.insertTemplate'), voice.t('ui.sendWithSendwell')]);
  });
});
