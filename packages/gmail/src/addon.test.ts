import { beforeEach, describe, expect, it } from 'vitest';
import { createGmailAddon } from './addon';
import { allWidgets, buttonActions, widgetById } from './cards/cardTestUtils';
import type { AddonResponse, Card } from './cards/types';
import { createFakeAddonDeps, type FakeAddonState } from './testing/fakeDeps';
import { createTestGoogle } from './testing/googleTokens';

const ADDON_URL = 'https://sendwell.example/gmail/addon';
let google: Awaited<ReturnType<typeof createTestGoogle>>;
let deps: ReturnType<typeof createFakeAddonDeps>;
let state: FakeAddonState;
let app: ReturnType<typeof createGmailAddon>;

beforeEach(async () => {
  google ??= await createTestGoogle(ADDON_URL);
  deps = createFakeAddonDeps(google.auth, ADDON_URL);
  state = deps.state;
  app = createGmailAddon(deps);
});

interface Post {
  query: string;
  email?: string;
  system?: string | null;
  body?: Record<string, unknown>;
}

async function post({ query, email = 'rep@example.com', system, body = {} }: Post) {
  const authorization = system === null ? undefined : `Bearer ${system ?? (await google.systemToken())}`;
  const event = {
    commonEventObject: { hostApp: 'GMAIL' },
    ...body,
    authorizationEventObject: { userIdToken: await google.userToken(email) },
  };
  const res = await app.request(`/addon?${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify(event),
  });
  return { status: res.status, json: (await res.json()) as AddonResponse & { error?: { code: string } } };
}

function shownCard(response: AddonResponse): Card {
  const nav = response.renderActions.action?.navigations?.[0];
  if (!nav) throw new Error('no card in the response');
  return 'pushCard' in nav ? nav.pushCard : nav.updateCard;
}

const compose = (to: string[], templateId?: string, session?: string) => ({
  commonEventObject: {
    hostApp: 'GMAIL',
    ...(templateId ? { formInputs: { templateId: { stringInputs: { value: [templateId] } } } } : {}),
    ...(session ? { parameters: { session } } : {}),
  },
  gmail: { toRecipients: to },
});

describe('security', () => {
  it.each<[string, Partial<Post>, number, string]>([
    ['no Authorization header', { system: null }, 401, 'missing-system-token'],
    ['a garbage system token', { system: 'abc.def.ghi' }, 401, 'invalid-system-token'],
    ['a user token used as the system token', { system: 'USER' }, 401, 'invalid-system-token'],
  ])('rejects %s', async (_name, change, status, code) => {
    const system = change.system === 'USER' ? await google.userToken('rep@example.com') : change.system;
    const result = await post({ query: 't=home', ...change, system });
    expect(result.status).toBe(status);
    expect(result.json.error?.code).toBe(code);
  });

  it.each([
    ['t=bogus', 'unknown-trigger'],
    ['t=action&a=bogus', 'unknown-trigger'],
  ])('rejects %s', async (query, code) => {
    const result = await post({ query });
    expect([result.status, result.json.error?.code]).toEqual([400, code]);
  });

  it('rejects a malformed event', async () => {
    const res = await app.request('/addon?t=home', {
      method: 'POST',
      body: '{"gmail":{"toRecipients":"x"}}',
      headers: { authorization: `Bearer ${await google.systemToken()}` },
    });
    expect(res.status).toBe(400);
  });

  it('answers a verified stranger with the not-connected card', async () => {
    const result = await post({ query: 't=home', email: 'stranger@example.com' });
    expect(shownCard(result.json).name).toBe('not-connected');
  });
});

describe('homepage and refresh', () => {
  it.each(['t=home', 't=open'])('%s shows channel, templates with analytics and the feed', async (query) => {
    state.feed.push(
      {
        type: 'send.submitted',
        at: '2026-03-02T10:00:00Z',
        recipient: 'a@bounce.test',
        templateId: 't-intro',
        detail: {},
      },
      {
        type: 'bounce',
        at: '2026-03-02T10:01:00Z',
        recipient: 'a@bounce.test',
        templateId: 't-intro',
        detail: { hard: true, reason: 'userunknown', status: '5.1.1' },
      },
    );
    const card = shownCard((await post({ query })).json);
    expect(widgetById(card, 'channel')).toMatchObject({ decoratedText: { text: 'Gmail — your mailbox' } });
    expect(widgetById(card, 'template-analytics--t-intro')).toMatchObject({
      decoratedText: { text: '1 sent · 1 bounced' },
    });
    expect(widgetById(card, 'feed-item--0')).toMatchObject({
      decoratedText: { topLabel: 'Bounce · hard · 10:01', bottomLabel: 'userunknown 5.1.1' },
    });
  });

  it('refresh answers an updateCard with the new feed', async () => {
    const before = shownCard((await post({ query: 't=home' })).json);
    expect(widgetById(before, 'feed-empty')).toBeDefined();
    state.feed.push({
      type: 'bounce',
      at: '2026-03-02T10:01:00Z',
      recipient: 'x@full.test',
      detail: { hard: false, reason: 'mailboxfull' },
    });
    const result = await post({ query: 't=action&a=refresh' });
    expect(result.json.renderActions.action?.navigations?.[0]).toHaveProperty('updateCard');
    expect(widgetById(shownCard(result.json), 'feed-item--0')).toMatchObject({
      decoratedText: { text: 'x@full.test' },
    });
  });
});

describe('compose', () => {
  it('shows the picker, the draft recipients and both buttons', async () => {
    const card = shownCard(
      (await post({ query: 't=compose', body: compose(['Ada Lovelace <ada@example.com>']) })).json,
    );
    expect(widgetById(card, 'template-picker')).toBeDefined();
    expect(JSON.stringify(allWidgets(card))).toContain('Ada Lovelace &lt;ada@example.com&gt;');
    expect(buttonActions(card).map((b) => b.action)).toEqual(['insert-template', 'send-with-sendwell']);
  });

  it('inserts the merged template into the draft', async () => {
    const result = await post({
      query: 't=action&a=insert-template',
      body: compose(['Ada Lovelace <ada@example.com>'], 't-intro'),
    });
    expect(result.json.renderActions.hostAppAction?.gmailAction.updateDraftActionMarkup).toEqual({
      updateBody: {
        insertContents: [{ content: '<p>Hi Ada, quick intro.</p>', contentType: 'MUTABLE_HTML' }],
        type: 'IN_PLACE_INSERT',
      },
      updateSubject: { subject: 'Hello Ada' },
    });
  });

  it('warns about merge fields it could not fill on insert', async () => {
    const result = await post({
      query: 't=action&a=insert-template',
      body: compose(['ada@example.com'], 't-intro'),
    });
    expect(result.json.renderActions.action?.notification?.text).toContain('recipient.firstName');
  });

  it('queues the merged template to the draft recipients once per session', async () => {
    const body = compose(['Ada Lovelace <ada@example.com>', 'bob@example.com'], 't-intro', 'session-1');
    const first = await post({ query: 't=action&a=send-with-sendwell', body });
    await post({ query: 't=action&a=send-with-sendwell', body });
    expect(state.sends).toHaveLength(1);
    expect(state.sends[0]).toMatchObject({
      userId: 'u-gmail',
      to: ['ada@example.com', 'bob@example.com'],
      subject: 'Hello Ada',
      templateId: 't-intro',
    });
    expect(first.json.renderActions.action?.notification?.text).toBe('Queued: Hello Ada');
    expect(widgetById(shownCard(first.json), 'send-status')).toBeDefined();
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['no recipients', compose([], 't-plain'), 'Add at least one recipient'],
    ['a missing merge field', compose(['bob@example.com'], 't-intro'), 'Missing merge fields'],
  ])('refuses to send with %s', async (_name, body, text) => {
    const result = await post({ query: 't=action&a=send-with-sendwell', body });
    expect(result.json.renderActions.action?.notification?.text).toContain(text);
    expect(state.sends).toHaveLength(0);
  });

  it('shows the server rejection on the card', async () => {
    state.rejectSends = { code: 'too-many-recipients', message: 'At most 100 recipients per message.' };
    const result = await post({
      query: 't=action&a=send-with-sendwell',
      body: compose(['bob@example.com'], 't-plain'),
    });
    expect(widgetById(shownCard(result.json), 'send-error')).toMatchObject({
      textParagraph: { text: 'At most 100 recipients per message.' },
    });
  });
});

describe('granular consent', () => {
  const scope = (name: string) => `https://www.googleapis.com/auth/${name}`;
  it.each<[string, string[], string[] | null]>([
    [
      't=compose',
      [scope('gmail.addons.execute'), scope('userinfo.email')],
      [scope('gmail.addons.current.action.compose')],
    ],
    ['t=home', [scope('gmail.addons.execute'), scope('userinfo.email')], null],
  ])('%s with %j', async (query, authorizedScopes, requested) => {
    const event = {
      commonEventObject: { hostApp: 'GMAIL' },
      authorizationEventObject: { userIdToken: await google.userToken('rep@example.com'), authorizedScopes },
    };
    const res = await app.request(`/addon?${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await google.systemToken()}` },
      body: JSON.stringify(event),
    });
    const json = (await res.json()) as { requesting_google_scopes?: { scopes: string[] } };
    expect(json.requesting_google_scopes?.scopes ?? null).toEqual(requested);
  });

  it('checks the system token before asking for scopes', async () => {
    const res = await app.request('/addon?t=compose', {
      method: 'POST',
      body: JSON.stringify({ authorizationEventObject: { authorizedScopes: [] } }),
    });
    expect(res.status).toBe(401);
  });
});
