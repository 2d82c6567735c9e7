import { describe, expect, it } from 'vitest';
import { createGmailAddon } from './addon';
import { TEMPLATE_INPUT } from './cards/composeCard';
import type { SavedDraft } from './deps';
import { parseRecipient } from './event';
import { createAddonDriver } from './testing/addonDriver';
import { createSchemaCheck } from './testing/cardSchema';
import { createFakeAddonDeps, type FakeAddonState } from './testing/fakeDeps';
import { createTestGoogle } from './testing/googleTokens';

const ADDON_URL = 'https://sendwell.example/gmail/addon';
const google = await createTestGoogle(ADDON_URL);
const check = createSchemaCheck();

type Driver = ReturnType<typeof createAddonDriver>;

function setup(change: (state: FakeAddonState) => void = () => {}, email?: string) {
  const deps = createFakeAddonDeps(google.auth, ADDON_URL);
  change(deps.state);
  const answers: unknown[] = [];
  const driver = createAddonDriver({ app: createGmailAddon(deps), google, ...(email ? { email } : {}) });
  const record = async (run: Promise<{ json: unknown }>) => {
    answers.push((await run).json);
  };
  return { driver, state: deps.state, answers, record };
}

function saveWindow(driver: Driver, state: FakeAddonState) {
  const w = driver.window;
  const person = (t: string) => parseRecipient(t) ?? { email: t };
  const draft: SavedDraft = {
    id: 'r-1',
    threadId: 't',
    to: w.to.map(person),
    cc: w.cc.map(person),
    bcc: [],
    subject: w.subject,
    html: w.body,
    savedAt: '2026-03-02T10:00:00Z',
  };
  state.drafts = [draft];
}

const bounce = {
  id: 2,
  sendId: 'send-1',
  type: 'bounce' as const,
  at: '2026-03-02T10:01:00Z',
  recipient: 'a@bounce.test',
  templateId: 't-intro',
  detail: { hard: true, reason: 'userunknown', status: '5.1.1' },
};

/** Every handler in the states that change what its card holds. */
const SCENARIOS: [
  string,
  (s: ReturnType<typeof setup>) => Promise<void>,
  ((state: FakeAddonState) => void)?,
][] = [
  ['home, empty', async ({ driver, record }) => record(driver.home())],
  [
    'home with feed, quota paused, an override',
    async ({ driver, record }) => record(driver.home()),
    (s) => {
      s.feed.push(bounce, {
        ...bounce,
        id: 1,
        recipient: null,
        type: 'send.queued',
        detail: { sendAt: '2026-03-02T10:02:00Z', to: ['a@bounce.test'] },
      });
      s.quota = { ...s.quota, pausedUntil: '2026-03-02T11:00:00Z', queued: 3 };
      if (s.channel.available)
        s.channel = {
          ...s.channel,
          override: { defaultChannel: { kind: 'custom-smtp', label: 'Custom SMTP' } },
        };
    },
  ],
  [
    'home without a mailbox, then refresh',
    async ({ driver, record }) => {
      await record(driver.home());
      await record(driver.click('Refresh'));
    },
    (s) => {
      s.channel = { available: false, reason: 'no-native-mailbox', explanation: 'none' };
    },
  ],
  [
    'compose, insert, insert refused, mode choice',
    async ({ driver, record }) => {
      driver.window.to = ['Ada Lovelace <ada@example.com>', 'bob@example.com'];
      await record(driver.compose());
      driver.choose(TEMPLATE_INPUT, 't-intro');
      await record(driver.post('t=action&a=compose-refresh', { session: 's' }));
      await record(driver.click('Insert template'));
      await record(
        driver.post('t=action&a=insert-template', {
          session: 's',
          stamp: '{"templateId":"t-intro","mode":"one","mergedFor":null,"to":[]}',
        }),
      );
    },
  ],
  [
    'send: no draft, invalid address, confirm, send, duplicate, changed',
    async ({ driver, state, record }) => {
      driver.window.to = ['Ada <ada@exam"ple.com>'];
      await record(driver.compose());
      await record(driver.click('Send with Sendwell'));
      driver.window.to = ['ada@example.com'];
      await record(driver.click('Send with Sendwell'));
      Object.assign(driver.window, { subject: 'Hi {{recipient.firstName}}', body: '<p>x</p>' });
      saveWindow(driver, state);
      await record(driver.click('Send with Sendwell')); // refused: no name for the field
      await record(driver.click('Back'));
      Object.assign(driver.window, { subject: 'Hi', body: '<p>x</p>' });
      saveWindow(driver, state);
      await record(driver.click('Send with Sendwell'));
      const confirm = driver.card;
      state.drafts[0]!.html = '<p>changed</p>';
      await record(driver.click('Send', confirm));
      await record(driver.click('Send'));
      await record(driver.click('Send', confirm));
      await record(driver.click('Back', confirm));
    },
  ],
  ['a stranger', async ({ driver, record }) => record(driver.home())],
  [
    'no Gmail connection: connect card (OpenLink), compose, refresh',
    async ({ driver, record }) => {
      await record(driver.home());
      await record(driver.compose());
      await record(driver.click('Refresh'));
    },
    (s) => {
      s.connection = null;
    },
  ],
  [
    'needs reconnect: home and compose with the banner',
    async ({ driver, record }) => {
      await record(driver.home());
      await record(driver.compose());
    },
    (s) => {
      s.connection = { ...s.connection!, state: 'needs-reconnect', problem: 'grant-revoked', heldSends: 1 };
    },
  ],
  [
    'issue 9: search, recently used, send at, campaigns, cancel, the notice card',
    async ({ driver, state, record }) => {
      driver.window.to = ['Ada <ada@example.com>', 'gone@example.com'];
      await record(driver.compose());
      driver.choose('template-search', 'intro');
      await record(driver.post('t=action&a=compose-refresh', { session: 's' }));
      await record(driver.click('Intro'));
      await record(driver.click('Add to campaign'));
      await record(driver.click('Remove from campaign'));
      Object.assign(driver.window, { to: ['ada@example.com'], subject: 'Hi', body: '<p>x</p>' });
      saveWindow(driver, state);
      driver.chooseMoment('send-at', new Date(Date.now() + 86_400_000));
      await record(driver.click('Send with Sendwell'));
      await record(driver.click('Send'));
      await record(driver.home());
      await record(driver.click('Cancel send'));
      await record(driver.open('m-notice'));
      await record(driver.click('Suppress'));
      await record(driver.open('m-other'));
    },
    (s) => {
      s.campaign.recentTemplateIds = ['t-intro'];
      s.campaign.notices.set('m-notice', [
        {
          email: 'ada@example.com',
          hard: true,
          action: 'failed',
          reason: 'userunknown',
          status: '5.1.1',
          diagnostic: '550 <no such user>',
          send: { sendId: 'send-1', subject: 'Hi <Ada>', sentAt: '2026-03-02T10:00:00Z' },
        },
      ]);
    },
  ],
];

describe("every answer the add-on gives fits Google's schema (observation 26)", () => {
  it.each(SCENARIOS)('%s', async (name, run, change) => {
    const s = setup(change, name === 'a stranger' ? 'stranger@example.com' : undefined);
    await run(s);
    expect(s.answers.length).toBeGreaterThan(0);
    for (const answer of s.answers) expect(check(answer)).toEqual([]);
    // No widget anywhere carries an id (Google defines Widget.id only for Workspace Studio add-ons).
    expect(JSON.stringify(s.answers)).not.toMatch(/"id":/);
  });
});
