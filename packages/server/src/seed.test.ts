import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedUsers } from './seed';
import type { Db } from './store/db';
import { openTestDb, TEST_ENGINES } from './store/testing';
import { findUser } from './store/users';

const USERS = [
  {
    id: 'r1',
    email: 'r1@contoso.test',
    name: 'R1',
    provider: 'exchange' as const,
    tenantId: 't-r',
    mailboxId: 'mbx-r1',
    legacy: false,
  },
  {
    id: 'r2',
    email: 'r2@contoso.test',
    name: 'R2',
    provider: 'exchange' as const,
    tenantId: 't-r',
    mailboxId: 'mbx-r2',
    legacy: false,
  },
];

// Sandbox mode seeds its people at every start: what an admin changed since must survive it.
describe.each(TEST_ENGINES)('seed on %s', (engine) => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb(engine);
  });
  afterAll(() => db.close());

  it('sets roles the first time and keeps later changes on the next start', async () => {
    await seedUsers(db, USERS);
    expect((await findUser(db, 'r1'))?.role).toBe('admin');
    expect((await findUser(db, 'r2'))?.role).toBe('rep');
    await db.query(`update users set role = 'admin', legacy = true where id = 'r2'`);
    await seedUsers(db, USERS);
    expect(await findUser(db, 'r2')).toMatchObject({ role: 'admin', legacy: true });
  });
});
