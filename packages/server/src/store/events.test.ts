import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from './db';
import { insertEvent, listFeedEvents } from './events';
import { openTestDb, TEST_ENGINES } from './testing';
import { upsertUser } from './users';

// The feed query on both engines: the team wall is the tenant, bouncesOnly keeps a bounced send's life.
describe.each(TEST_ENGINES)('listFeedEvents on %s', (engine) => {
  let db: Db;
  const ids: Record<string, number> = {};
  const add = async (name: string, userId: string, type: string, sendId: string | null, detail = {}) => {
    const row = await insertEvent(db, {
      userId,
      type,
      sendId,
      templateId: null,
      recipient: type === 'bounce' ? `${name}@x.test` : null,
      detail,
      at: new Date(),
    });
    ids[name] = row.id;
  };

  beforeAll(async () => {
    db = await openTestDb(engine);
    for (const [id, tenantId] of [
      ['ava', 'contoso'],
      ['eli', 'contoso'],
      ['gus', 'acme'],
    ] as const) {
      await upsertUser(db, {
        id,
        email: `${id}@t.test`,
        name: id,
        tenantId,
        legacy: false,
        defaultChannel: null,
        role: 'rep',
      });
    }
    await add('ava-q', 'ava', 'send.queued', 's1');
    await add('ava-sent', 'ava', 'send.submitted', 's1');
    await add('ava-bounce', 'ava', 'bounce', 's1', { action: 'failed', hard: true });
    await add('ava-q2', 'ava', 'send.queued', 's2');
    await add('ava-delay', 'ava', 'bounce', 's2', { action: 'delayed' });
    await add('eli-q', 'eli', 'send.queued', 's3');
    await add('gus-q', 'gus', 'send.queued', 's4');
    await add('gus-bounce', 'gus', 'bounce', 's4', { action: 'failed', hard: true });
    await add('ava-stray', 'ava', 'bounce', null, { action: 'failed', hard: false });
  });
  afterAll(async () => db.close());

  const names = (rows: { id: number }[]) =>
    rows.map((r) => Object.entries(ids).find(([, id]) => id === r.id)![0]);

  it.each([
    [
      { userId: 'ava', scope: 'mine' },
      ['ava-q', 'ava-sent', 'ava-bounce', 'ava-q2', 'ava-delay', 'ava-stray'],
    ],
    [
      { userId: 'ava', scope: 'team' },
      ['ava-q', 'ava-sent', 'ava-bounce', 'ava-q2', 'ava-delay', 'eli-q', 'ava-stray'],
    ],
    [{ userId: 'eli', scope: 'mine' }, ['eli-q']],
    [{ userId: 'gus', scope: 'team' }, ['gus-q', 'gus-bounce']],
    [{ userId: 'ava', scope: 'team', bouncesOnly: true }, ['ava-q', 'ava-sent', 'ava-bounce', 'ava-stray']],
    [{ userId: 'gus', scope: 'team', bouncesOnly: true }, ['gus-q', 'gus-bounce']],
  ] as const)('%j → %j', async (query, expected) => {
    expect(names(await listFeedEvents(db, { ...query, limit: 100 }))).toEqual(expected);
  });

  it('answers only events after afterId, oldest first, newest `limit` of them', async () => {
    const after = await listFeedEvents(db, {
      userId: 'ava',
      scope: 'mine',
      afterId: ids['ava-q2'],
      limit: 100,
    });
    expect(names(after)).toEqual(['ava-delay', 'ava-stray']);
    expect(names(await listFeedEvents(db, { userId: 'ava', scope: 'mine', limit: 2 }))).toEqual([
      'ava-delay',
      'ava-stray',
    ]);
  });
});
