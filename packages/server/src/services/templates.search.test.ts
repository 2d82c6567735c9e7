import { ManualClock, RECENT_TEMPLATES_MAX, type SendRequestBody } from '@sendwell/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedUsers } from '../seed';
import type { Db } from '../store/db';
import { deleteTemplate, insertTemplate } from '../store/templates';
import { openTestDb, TEST_ENGINES } from '../store/testing';
import { findUser } from '../store/users';
import { FeedHub } from './feedHub';
import { createSend } from './sends';
import { listTemplatesFor, recentTemplatesFor } from './templates';

// Template search (`?q=`) and "recently used" for the compose panes, on both engines. ava is
// contoso's admin, eli a contoso rep, gus in another team.
const USERS = [
  { id: 'ava', email: 'ava@contoso.test', name: 'Ava Reyes', tenantId: 't-contoso', mailboxId: 'mbx-ava' },
  { id: 'eli', email: 'eli@contoso.test', name: 'Eli Stone', tenantId: 't-contoso', mailboxId: 'mbx-eli' },
  { id: 'gus', email: 'gus@acme.test', name: 'Gus Ibarra', tenantId: 't-acme', mailboxId: 'mbx-gus' },
].map((user) => ({ ...user, provider: 'exchange' as const, legacy: false }));

/** Fixture templates: names and subjects with words the sandbox's demo templates never use. */
const FIXTURES = [
  {
    id: 'zz-team',
    tenantId: 't-contoso',
    ownerId: 'ava',
    scope: 'team',
    name: 'Zebra intro',
    subject: 'A quick question',
  },
  {
    id: 'zz-ava',
    tenantId: 't-contoso',
    ownerId: 'ava',
    scope: 'personal',
    name: 'Follow-up',
    subject: 'About the ZEBRA pilot',
  },
  {
    id: 'zz-eli',
    tenantId: 't-contoso',
    ownerId: 'eli',
    scope: 'personal',
    name: 'Zebra (Eli)',
    subject: 'Hi',
  },
  { id: 'zz-acme', tenantId: 't-acme', ownerId: 'gus', scope: 'team', name: 'Zebra at Acme', subject: 'Hi' },
  {
    id: 'zz-gone',
    tenantId: 't-contoso',
    ownerId: 'ava',
    scope: 'team',
    name: 'Zebra retired',
    subject: 'Old',
  },
  ...['one', 'two', 'three', 'four'].map((n) => ({
    id: `zz-${n}`,
    tenantId: 't-contoso',
    ownerId: 'ava',
    scope: 'team' as const,
    name: `Yak ${n}`,
    subject: 'Hello',
  })),
] as const;

const request = (key: string, templateId: string): SendRequestBody => ({
  host: 'outlook',
  to: ['pat@example.com'],
  cc: [],
  bcc: [],
  subject: 'Hi',
  body: '<p>Hi</p>',
  templateId,
  idempotencyKey: `recent-${key}-xxxxxxxx`,
});

describe.each(TEST_ENGINES)('template search and recently used on %s', (engine) => {
  let db: Db;
  const clock = new ManualClock('2026-03-02T09:00:00Z');
  const deps = () => ({ db, clock, hub: new FeedHub(), wake: () => {} });
  const user = async (id: string) => (await findUser(db, id))!;
  let sent = 0;
  /** One send per template id, in this order (each its own transaction, so its own `created_at`). */
  const sendWith = async (userId: string, templateIds: string[]) => {
    for (const templateId of templateIds)
      await createSend(deps(), await user(userId), request(`${++sent}`, templateId));
  };

  beforeAll(async () => {
    db = await openTestDb(engine);
    await seedUsers(db, USERS);
    for (const fixture of FIXTURES) await insertTemplate(db, { ...fixture, body: '<p>Hi</p>' });
    await deleteTemplate(db, 'zz-gone', clock.now());
  });
  afterAll(() => db.close());

  it.each([
    {
      who: 'ava',
      q: 'zebra',
      ids: ['zz-team', 'zz-ava'],
      why: 'name or subject, any case; not a teammate’s personal one',
    },
    { who: 'eli', q: 'ZEBRA', ids: ['zz-team', 'zz-eli'], why: 'eli sees the team one and his own' },
    { who: 'gus', q: 'zebra', ids: ['zz-acme'], why: 'another team sees only its own' },
    { who: 'ava', q: '  pilot ', ids: ['zz-ava'], why: 'trimmed; the subject alone matches' },
    { who: 'ava', q: 'no such words', ids: [], why: 'nothing matches' },
  ])('$who searching "$q" finds $ids ($why)', async ({ who, q, ids }) => {
    const found = await listTemplatesFor(db, await user(who), q);
    expect(found.map((template) => template.id)).toEqual(ids);
  });

  it('lists everything visible when the search is empty', async () => {
    const ava = await user('ava');
    expect(await listTemplatesFor(db, ava, '   ')).toEqual(await listTemplatesFor(db, ava));
  });

  it('answers the rep’s last distinct templates by their sends, newest first, at most five', async () => {
    const [a, b, c, d] = ['zz-one', 'zz-two', 'zz-three', 'zz-four'];
    await sendWith('ava', [a, b, 'zz-ava', a, c, d, 'zz-team', a]);
    const recent = await recentTemplatesFor(db, await user('ava'));
    expect(recent.map((template) => template.id)).toEqual([a, 'zz-team', d, c, 'zz-ava']);
    expect(recent).toHaveLength(RECENT_TEMPLATES_MAX);
  });

  it('leaves out a teammate’s sends, and templates deleted since', async () => {
    await sendWith('eli', ['zz-eli']);
    const eliRecent = await recentTemplatesFor(db, await user('eli'));
    expect(eliRecent.map((template) => template.id)).toEqual(['zz-eli']);
    await deleteTemplate(db, 'zz-eli', clock.now());
    expect(await recentTemplatesFor(db, await user('eli'))).toEqual([]);
    expect((await recentTemplatesFor(db, await user('ava'))).map((t) => t.id)).not.toContain('zz-eli');
  });
});
