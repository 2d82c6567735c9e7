import { ManualClock } from '@sendwell/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedUsers } from '../seed';
import { listAudit } from '../store/audit';
import type { Db } from '../store/db';
import type { UserRow } from '../store/rows';
import { openTestDb, TEST_ENGINES } from '../store/testing';
import { findUser } from '../store/users';
import { ApiError } from './errors';
import { memberPage, updateMember } from './members';

// Members and roles (issue 8): admins change roles and the legacy flag, each change audited; a
// team always keeps an admin. ava is contoso's admin (the seed's first of the team), eli and nia reps.
const member = (id: string, tenantId: string) => ({
  id,
  email: `${id}@${tenantId}.test`,
  name: id.toUpperCase(),
  provider: 'exchange' as const,
  tenantId,
  mailboxId: `mbx-${id}`,
  legacy: false,
});
const USERS = [
  member('ava', 'contoso'),
  member('eli', 'contoso'),
  member('nia', 'contoso'),
  member('gus', 'acme'),
];

const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return { status: (error as ApiError).status, code: (error as ApiError).code };
};

describe.each(TEST_ENGINES)('team members on %s', (engine) => {
  let db: Db;
  const clock = new ManualClock('2026-03-02T09:00:00Z');
  const u = async (id: string) => (await findUser(db, id)) as UserRow;
  const audit = () => listAudit(db, 'contoso', { beforeId: null, limit: 100 });

  beforeAll(async () => {
    db = await openTestDb(engine);
    await seedUsers(db, USERS);
  });
  // Each test starts from the seed's roles and an empty audit log: the roles matter to every one.
  beforeEach(async () => {
    await db.query(
      `update users set role = case when id in ('ava', 'gus') then 'admin' else 'rep' end, legacy = false`,
    );
    await db.query('delete from audit_log');
  });
  afterAll(() => db.close());

  it('lists the admin’s own team by email, paged, with each member’s mailboxes', async () => {
    const first = await memberPage(db, await u('ava'), { limit: 2 });
    expect(first.items.map((m) => [m.id, m.role])).toEqual([
      ['ava', 'admin'],
      ['eli', 'rep'],
    ]);
    expect(first.items[0]!.mailboxes).toEqual([
      { id: 'mbx-ava', provider: 'exchange', address: 'ava@contoso.test', state: 'connected' },
    ]);
    const second = await memberPage(db, await u('ava'), { limit: 2, cursor: first.nextCursor! });
    expect(second).toMatchObject({ items: [{ id: 'nia' }], nextCursor: null });
  });

  it.each([
    [{ role: 'admin' as const }, ['role'], [['member.role.changed', { role: 'rep' }, { role: 'admin' }]]],
    [{ legacy: true }, ['legacy'], [['member.legacy.changed', { legacy: false }, { legacy: true }]]],
    [
      { role: 'admin' as const, legacy: true },
      ['role', 'legacy'],
      [
        ['member.legacy.changed', { legacy: false }, { legacy: true }],
        ['member.role.changed', { role: 'rep' }, { role: 'admin' }],
      ],
    ],
    [{ role: 'rep' as const, legacy: false }, [], []],
  ])('changes %j: answers what changed and audits each field', async (body, changed, entries) => {
    const answer = await updateMember({ db, clock }, await u('ava'), 'eli', body);
    expect(answer.changed).toEqual(changed);
    expect(answer.member).toMatchObject({ id: 'eli', ...body });
    expect((await audit()).map((e) => [e.action, e.before, e.after])).toEqual(entries);
    expect((await audit()).every((e) => e.actorId === 'ava' && e.target === 'eli')).toBe(true);
  });

  it('never demotes the last admin, not even by themselves', async () => {
    expect(await refusal(updateMember({ db, clock }, await u('ava'), 'ava', { role: 'rep' }))).toEqual({
      status: 409,
      code: 'last-admin',
    });
    expect((await u('ava')).role).toBe('admin');
    expect(await audit()).toEqual([]);
  });

  it('lets an admin step down once there is another admin', async () => {
    await updateMember({ db, clock }, await u('ava'), 'eli', { role: 'admin' });
    await updateMember({ db, clock }, await u('ava'), 'ava', { role: 'rep' });
    expect([(await u('ava')).role, (await u('eli')).role]).toEqual(['rep', 'admin']);
  });

  it('two admins demoting each other at once leave one admin (the loser is no longer an admin)', async () => {
    await updateMember({ db, clock }, await u('ava'), 'eli', { role: 'admin' });
    const [ava, eli] = [await u('ava'), await u('eli')];
    const results = await Promise.allSettled([
      updateMember({ db, clock }, ava, 'eli', { role: 'rep' }),
      updateMember({ db, clock }, eli, 'ava', { role: 'rep' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const [rejected] = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    expect((rejected!.reason as ApiError).code).toBe('admin-only');
    const admins = await db.query(`select id from users where tenant_id = 'contoso' and role = 'admin'`);
    expect(admins).toHaveLength(1);
  });

  it('does not find a member of another team', async () => {
    expect(await refusal(updateMember({ db, clock }, await u('ava'), 'gus', { legacy: true }))).toEqual({
      status: 404,
      code: 'member-not-found',
    });
    expect((await memberPage(db, await u('gus'), { limit: 10 })).items.map((m) => m.id)).toEqual(['gus']);
  });
});
