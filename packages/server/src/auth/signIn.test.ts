import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../store/db';
import { findUserByIdentity, GOOGLE_IDENTITY_TENANT, identitiesOf } from '../store/identities';
import { openTestDb, TEST_ENGINES } from '../store/testing';
import { findUser, upsertUser } from '../store/users';
import { type SignInPolicy, signInUser, type VerifiedPerson } from './signIn';

const CONTOSO = '7f3c1e52-9d4a-4b6e-8a21-3c5d0f9b1a10';
const policy: SignInPolicy = { microsoftTenants: [CONTOSO], googleDomains: ['acme.test'] };
const ms = (oid: string, email: string, tenantId = CONTOSO): VerifiedPerson => ({
  key: { provider: 'microsoft', tenantId, subject: oid },
  email,
  name: email.split('@')[0]!,
});
const google = (sub: string, email: string, hostedDomain: string | null = 'acme.test'): VerifiedPerson => ({
  key: { provider: 'google', tenantId: GOOGLE_IDENTITY_TENANT, subject: sub },
  email,
  name: email,
  hostedDomain,
});

describe.each(TEST_ENGINES)('signing in by immutable ids (%s)', (engine) => {
  let db: Db;
  afterEach(async () => db?.close());
  const open = async () => {
    db = await openTestDb(engine);
    return db;
  };

  it('creates the user on first sign-in from an allowed tenant, binds the identity, first one admin', async () => {
    await open();
    const first = await signInUser(db, policy, ms('oid-1', 'ava@contoso.test'));
    const second = await signInUser(db, policy, ms('oid-2', 'eli@contoso.test'));
    expect(first.outcome === 'user' && first.created && first.user.role).toBe('admin');
    expect(second.outcome === 'user' && second.user.role).toBe('rep');
    expect(second.outcome === 'user' && second.user.tenantId).toBe(CONTOSO);
    const again = await signInUser(db, policy, ms('oid-1', 'ava@contoso.test'));
    expect(again.outcome === 'user' && !again.created && again.user.id).toBe(
      first.outcome === 'user' && first.user.id,
    );
  });

  it('finds the user by tid+oid even after the email changed', async () => {
    await open();
    const first = await signInUser(db, policy, ms('oid-1', 'ava@contoso.test'));
    const renamed = await signInUser(db, policy, ms('oid-1', 'ava.reyes@contoso.test'));
    expect(renamed.outcome === 'user' && renamed.user.id).toBe(first.outcome === 'user' && first.user.id);
  });

  it.each([
    [
      'a tenant not configured',
      ms('oid-9', 'mal@evil.test', 'd00dbad0-0000-4000-8000-000000000000'),
      'tenant-not-allowed',
    ],
    ['a Google domain not configured', google('sub-9', 'mal@evil.test', 'evil.test'), 'domain-not-allowed'],
    ['a consumer Google account', google('sub-8', 'someone@gmail.com', null), 'domain-not-allowed'],
  ])('refuses %s', async (_label, person, code) => {
    await open();
    const outcome = await signInUser(db, policy, person);
    expect(outcome.outcome === 'refused' && outcome.code).toBe(code);
    expect(await findUserByIdentity(db, person.key)).toBeNull();
  });

  it("does not open Ava's account for another identity carrying her email", async () => {
    await open();
    await upsertUser(db, {
      id: 'gus',
      email: 'gus@acme.test',
      name: 'Gus',
      tenantId: 'C03acme1x',
      legacy: false,
      defaultChannel: null,
      role: 'admin',
    });
    const impostor = await signInUser(db, policy, google('another-sub', 'gus@acme.test'));
    expect(impostor.outcome === 'refused' && impostor.code).toBe('email-taken');
    expect(await identitiesOf(db, 'gus')).toEqual([]);
  });

  it('puts a new Workspace user in the team of their domain', async () => {
    await open();
    const first = await signInUser(db, policy, google('sub-1', 'gus@acme.test'));
    const second = await signInUser(db, policy, google('sub-2', 'ivy@acme.test'));
    const team = first.outcome === 'user' ? first.user.tenantId : null;
    expect(second.outcome === 'user' && second.user.tenantId).toBe(team);
    expect(await findUser(db, second.outcome === 'user' ? second.user.id : '')).not.toBeNull();
  });
});
