import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertBounce } from './bounces';
import type { Db } from './db';
import { insertReply } from './replies';
import { openTestDb, TEST_ENGINES } from './testing';
import { countUnattributed, listUnattributed } from './unattributed';
import { upsertMailbox, upsertUser } from './users';

// The unattributed lists on both engines: only what has no send, delays left out, the tenant wall,
// newest first with a cursor.
describe.each(TEST_ENGINES)('unattributed bounces and replies on %s', (engine) => {
  let db: Db;
  const at = new Date('2026-03-02T10:00:00Z');
  const bounce = (mailboxId: string, notice: string, action: string) =>
    insertBounce(db, {
      mailboxId,
      providerMessageId: notice,
      sendId: null,
      recipient: `${notice}@x.test`,
      action,
      status: action === 'failed' ? '5.1.1' : '4.4.7',
      hard: action === 'failed',
      reason: 'userunknown',
      diagnostic: '550 5.1.1 unknown',
      at,
    });

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
      await upsertMailbox(db, {
        id: `mb-${id}`,
        userId: id,
        provider: 'gmail',
        address: `${id}@t.test`,
        profileId: 'exchange-online',
      });
    }
    await bounce('mb-ava', 'n1', 'failed');
    await bounce('mb-ava', 'n2', 'delayed');
    await bounce('mb-ava', 'n3', 'failed');
    await bounce('mb-eli', 'n4', 'failed');
    await bounce('mb-gus', 'n5', 'failed');
    await insertReply(db, {
      mailboxId: 'mb-eli',
      providerMessageId: 'r1',
      sendId: null,
      from: 'pat@x.test',
      auto: false,
      evidence: { inReplyTo: ['gone@sendwell.local'] },
      at,
    });
  });
  afterAll(() => db.close());

  it.each([
    ['mine (ava)', { userId: 'ava' }, { bounces: 2, replies: 0 }],
    ['the team (contoso)', { tenantId: 'contoso' }, { bounces: 3, replies: 1 }],
    ['another team (acme)', { tenantId: 'acme' }, { bounces: 1, replies: 0 }],
  ] as const)('counts %s', async (_name, scope, counts) => {
    expect(await countUnattributed(db, scope)).toEqual(counts);
  });

  it('lists newest first, one page after another, with the evidence', async () => {
    const first = await listUnattributed(db, { tenantId: 'contoso' }, 'bounce', { beforeId: null, limit: 2 });
    expect(first.items.map((i) => i.recipient)).toEqual(['n4@x.test', 'n3@x.test']);
    expect(first.items[0]).toMatchObject({ kind: 'bounce', mailboxAddress: 'eli@t.test', from: null });
    expect(first.items[0]!.evidence).toMatchObject({ status: '5.1.1', noticeId: 'n4', hard: true });
    const next = await listUnattributed(db, { tenantId: 'contoso' }, 'bounce', {
      beforeId: first.lastId,
      limit: 2,
    });
    expect(next.items.map((i) => i.recipient)).toEqual(['n1@x.test']);
    expect(next.lastId).toBeNull();
  });

  it('lists replies with what they answered', async () => {
    const page = await listUnattributed(db, { userId: 'eli' }, 'reply', { beforeId: null, limit: 10 });
    expect(page.items).toEqual([
      expect.objectContaining({
        kind: 'reply',
        from: 'pat@x.test',
        evidence: { inReplyTo: ['gone@sendwell.local'], auto: false, messageId: 'r1' },
      }),
    ]);
  });
});
