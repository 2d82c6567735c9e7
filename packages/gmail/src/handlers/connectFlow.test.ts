import {
  type ConnectionInfo,
  createVoice,
  MailboxAuthError,
  type MessageKey,
  systemClock,
  translate,
  type Voice,
} from '@sendwell/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { createGmailAddon } from '../addon';
import { buttonLink, buttons, paragraphs } from '../cards/cardTestUtils';
import type { Card } from '../cards/types';
import { escapeText } from '../cards/widgets';
import { createAddonDriver } from '../testing/addonDriver';
import { connectedGmail, createFakeAddonDeps, type FakeAddonState, fakeDrafts } from '../testing/fakeDeps';
import { createTestGoogle } from '../testing/googleTokens';

/**
 * Issue 7, "Gmail add-on" and "Connection life": a verified rep without a Gmail connection gets the
 * "Connect Gmail" card (an OpenLink popup that reloads the add-on when it closes); a connection that
 * needs reconnecting shows a banner with the problem, the held sends and Reconnect on the home and
 * compose cards. Expected words come from core's voice (`voice.connection`) and catalog.
 */
const ADDON_URL = 'https://sendwell.example/gmail/addon';
let google: Awaited<ReturnType<typeof createTestGoogle>>;
let state: FakeAddonState;
let driver: ReturnType<typeof createAddonDriver>;
let deps: ReturnType<typeof createFakeAddonDeps>;

// The driver's rep reads English (en-GB) in London.
const voice: Voice = createVoice({ locale: 'en', timeZone: 'Europe/London', clock: systemClock });
const t = (key: MessageKey) => voice.t(key);

beforeEach(async () => {
  google ??= await createTestGoogle(ADDON_URL);
  deps = createFakeAddonDeps(google.auth, ADDON_URL);
  state = deps.state;
  driver = createAddonDriver({ app: createGmailAddon(deps), google });
});

const lost = (extra: Partial<ConnectionInfo> = {}): ConnectionInfo => ({
  ...connectedGmail(),
  state: 'needs-reconnect',
  problem: 'grant-revoked',
  heldSends: 2,
  ...extra,
});

/** The section the voice's words for this connection head, and its paragraphs. */
function connectionSection(card: Card, info: ConnectionInfo | null) {
  const words = voice.connection(info, 'gmail');
  const section = card.sections.find((s) => s.header === escapeText(words.title));
  const texts = (section?.widgets ?? []).flatMap((w) => ('textParagraph' in w ? [w.textParagraph.text] : []));
  return { words, section, texts };
}

const linkButtons = (card: Card) =>
  buttons(card).flatMap((b) => {
    const link = buttonLink(b);
    return link ? [{ text: b.text, ...link }] : [];
  });

describe('no Gmail connection: the Connect Gmail card', () => {
  beforeEach(() => {
    state.connection = null;
  });

  it.each([
    ['the homepage', () => driver.home()],
    ['the compose trigger', () => driver.compose()],
  ])('%s shows it, with a popup link to the authorization URL that reloads on close', async (_n, open) => {
    const card = (await open()).card!;
    expect(card.name).toBe('connect');
    const { words, section, texts } = connectionSection(card, null);
    expect(section).toBeDefined();
    expect(texts).toEqual([escapeText(words.detail!), escapeText(t('gmail.connect.popup'))]);
    expect(linkButtons(card)).toEqual([
      { text: t('gmail.connect.button'), url: state.connectUrls[0], openAs: 'OVERLAY', onClose: 'RELOAD' },
    ]);
    expect(state.connectUrls).toHaveLength(1);
  });

  it('after consent, the reload (the same trigger again) shows the home card', async () => {
    await driver.home();
    state.connection = connectedGmail(); // the callback stored the grant
    const reloaded = await driver.home();
    expect(reloaded.card!.name).toBe('home');
    expect(linkButtons(reloaded.card!)).toEqual([]);
    expect(state.connectUrls).toHaveLength(1); // a connected card asks for no authorization URL
  });

  it('a card action while not connected answers the connect card in place', async () => {
    await driver.home();
    const answer = await driver.click(t('ui.refresh'));
    expect(answer.json.renderActions.action?.navigations?.[0]).toHaveProperty('updateCard');
    expect(answer.card!.name).toBe('connect');
  });

  it('without a Google OAuth client configured, it says so and offers no link', async () => {
    state.connectable = ['microsoft'];
    const card = (await driver.home()).card!;
    expect(paragraphs(card)).toContain(escapeText(t('gmail.connect.unavailable')));
    expect(linkButtons(card)).toEqual([]);
    expect(state.connectUrls).toEqual([]);
  });

  it('in the rep’s language (zh_CN)', async () => {
    const zh = createAddonDriver({ app: createGmailAddon(deps), google, locale: 'zh_CN' });
    const card = (await zh.home()).card!;
    expect(linkButtons(card).map((b) => b.text)).toEqual([translate('zh-Hans', 'gmail.connect.button')]);
    const title = createVoice({ locale: 'zh-Hans', clock: systemClock }).connection(null, 'gmail').title;
    expect(card.sections[0]!.header).toBe(escapeText(title));
  });
});

describe('disconnected by the rep, disabled by an admin', () => {
  it('disconnected: the explanation and Connect Gmail', async () => {
    state.connection = { ...connectedGmail(), state: 'disconnected' };
    const card = (await driver.home()).card!;
    const { words, section, texts } = connectionSection(card, state.connection);
    expect(section).toBeDefined();
    expect(texts[0]).toBe(escapeText(words.detail!));
    expect(linkButtons(card).map((b) => [b.text, b.url])).toEqual([
      [t('gmail.connect.button'), state.connectUrls[0]],
    ]);
  });

  it('disabled: the explanation only (the rep cannot fix it), no authorization URL made', async () => {
    state.connection = { ...connectedGmail(), state: 'disabled' };
    const card = (await driver.compose()).card!;
    const { words, texts } = connectionSection(card, state.connection);
    expect(card.name).toBe('connect');
    expect(texts).toEqual([escapeText(words.detail!)]);
    expect(linkButtons(card)).toEqual([]);
    expect(state.connectUrls).toEqual([]);
  });
});

describe('needs reconnect: the banner on the home and compose cards', () => {
  it.each([
    ['home', () => driver.home()],
    ['compose', () => driver.compose()],
  ])('%s: the problem and held sends in words, and Reconnect Gmail first', async (name, open) => {
    state.connection = lost();
    const card = (await open()).card!;
    expect(card.name).toBe(name);
    const { words, texts } = connectionSection(card, state.connection);
    expect(card.sections[0]!.header).toBe(escapeText(words.title));
    expect(texts[0]).toBe(escapeText(words.detail!));
    // The detail is the problem and the count, each from the catalog.
    expect(words.detail).toContain(voice.t('connection.problem.grant-revoked', { provider: 'Gmail' }));
    expect(words.detail).toContain(voice.count('connection.held', 2));
    expect(linkButtons(card)).toEqual([
      { text: t('gmail.connect.reconnect'), url: state.connectUrls[0], openAs: 'OVERLAY', onClose: 'RELOAD' },
    ]);
  });

  it('the rest of the home card stays (templates, activity)', async () => {
    state.connection = lost({ heldSends: 0 });
    const card = (await driver.home()).card!;
    expect(card.sections.map((s) => s.header).slice(-2)).toEqual([
      escapeText(t('ui.templates')),
      escapeText(t('ui.recentActivity')),
    ]);
  });

  it('connected: no banner', async () => {
    const card = (await driver.home()).card!;
    expect(connectionSection(card, lost()).section).toBeUndefined();
    expect(linkButtons(card)).toEqual([]);
  });
});

describe('the grant dies while the rep sends', () => {
  beforeEach(() => {
    // Gmail refuses the grant: the server marks the connection lost, then the read throws.
    const drafts = fakeDrafts(state);
    deps.drafts = async () => ({
      ...drafts,
      recent: async () => {
        state.connection = lost({ heldSends: 0 });
        throw new MailboxAuthError('grant-revoked', 'invalid_grant');
      },
    });
  });

  it('Send with Sendwell sends nothing, says the draft stays in Gmail, and shows Reconnect', async () => {
    driver.window.to = ['ada@example.com'];
    await driver.compose();
    const answer = await driver.click(t('ui.sendWithSendwell'));
    expect(answer.notification).toBe(t('gmail.connect.draftUnreadable'));
    expect(state.sends).toEqual([]);
    const card = answer.card!;
    expect(card.sections[0]!.header).toBe(
      escapeText(voice.connection(lost({ heldSends: 0 }), 'gmail').title),
    );
    expect(linkButtons(card).map((b) => b.text)).toEqual([t('gmail.connect.reconnect')]);
  });
});
