import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vaultContext } from '../vault/contexts';
import { createVault } from '../vault/vault';
import {
  deleteCredential,
  loadCredential,
  lockCredential,
  readCredentialWithAccess,
  saveCredential,
  saveRefreshedTokens,
} from './credentials';
import type { Db } from './db';
import { openTestDb, TEST_ENGINES } from './testing';
import { upsertMailbox, upsertUser } from './users';

const vault = createVault([randomBytes(32)]);

async function seedMailbox(db: Db, id: string): Promise<void> {
  await upsertUser(db, {
    id: `u_${id}`,
    email: `${id}@contoso.test`,
    name: id,
    tenantId: 'contoso',
    legacy: false,
    defaultChannel: null,
    role: 'rep',
  });
  await upsertMailbox(db, {
    id,
    userId: `u_${id}`,
    provider: 'exchange',
    address: `${id}@contoso.test`,
    profileId: 'exchange-online',
  });
}

describe.each(TEST_ENGINES)('credentials on %s', (engine) => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb(engine);
    for (const id of ['mbx_a', 'mbx_b', 'mbx_c', 'mbx_d']) await seedMailbox(db, id);
  });
  afterAll(() => db.close());

  it('stores only an envelope and reads the secret back', async () => {
    await saveCredential(db, vault, {
      mailboxId: 'mbx_a',
      kind: 'oauth',
      secret: 'rt-one',
      scopes: ['Mail.Send', 'offline_access'],
    });
    const [row] = await db.query<{ secret: string; key_id: string }>(
      'select * from credentials where mailbox_id = $1',
      ['mbx_a'],
    );
    expect(JSON.stringify(row)).not.toContain('rt-one');
    expect(row!.key_id).toBe(vault.currentKeyId);
    expect(vault.open(row!.secret, vaultContext.credentialSecret('mbx_a'))).toBe('rt-one');
    expect(await loadCredential(db, vault, 'mbx_a')).toEqual({
      mailboxId: 'mbx_a',
      kind: 'oauth',
      secret: 'rt-one',
      scopes: ['Mail.Send', 'offline_access'],
      generation: 1,
    });
  });

  it('a new save bumps the generation and drops the shared access token', async () => {
    await saveCredential(db, vault, { mailboxId: 'mbx_b', kind: 'oauth', secret: 'rt-1' });
    await db.transaction((tx) =>
      saveRefreshedTokens(tx, vault, {
        mailboxId: 'mbx_b',
        refreshToken: null,
        accessToken: 'at-1',
        expiresAt: new Date('2026-01-05T10:00:00Z'),
        scopes: [],
      }),
    );
    expect((await readCredentialWithAccess(db, vault, 'mbx_b'))?.accessToken?.token).toBe('at-1');
    await saveCredential(db, vault, { mailboxId: 'mbx_b', kind: 'oauth', secret: 'rt-2' });
    const after = await readCredentialWithAccess(db, vault, 'mbx_b');
    expect(after).toMatchObject({ secret: 'rt-2', generation: 3, accessToken: null });
  });

  it('saves a refresh: rotated refresh token, sealed access token, expiry, next generation', async () => {
    await saveCredential(db, vault, { mailboxId: 'mbx_c', kind: 'oauth', secret: 'rt-old', scopes: ['a'] });
    const expiresAt = new Date('2026-01-05T10:00:00Z');
    const generation = await db.transaction(async (tx) => {
      const locked = await lockCredential(tx, vault, 'mbx_c');
      expect(locked).toMatchObject({ secret: 'rt-old', generation: 1, accessToken: null });
      return saveRefreshedTokens(tx, vault, {
        mailboxId: 'mbx_c',
        refreshToken: 'rt-new',
        accessToken: 'at-new',
        expiresAt,
        scopes: ['a', 'b'],
      });
    });
    expect(generation).toBe(2);
    const [row] = await db.query<Record<string, unknown>>('select * from credentials where mailbox_id = $1', [
      'mbx_c',
    ]);
    expect(JSON.stringify(row)).not.toMatch(/rt-new|at-new/);
    expect(await readCredentialWithAccess(db, vault, 'mbx_c')).toEqual({
      mailboxId: 'mbx_c',
      kind: 'oauth',
      secret: 'rt-new',
      scopes: ['a', 'b'],
      generation: 2,
      accessToken: { token: 'at-new', expiresAt },
    });
  });

  it('keeps the stored refresh token and scopes when the provider returns none', async () => {
    await db.transaction((tx) =>
      saveRefreshedTokens(tx, vault, {
        mailboxId: 'mbx_c',
        refreshToken: null,
        accessToken: 'at-3',
        expiresAt: new Date('2026-01-05T11:00:00Z'),
        scopes: [],
      }),
    );
    expect(await readCredentialWithAccess(db, vault, 'mbx_c')).toMatchObject({
      secret: 'rt-new',
      scopes: ['a', 'b'],
      generation: 3,
    });
  });

  it('an access token that no longer opens is treated as absent (a cache), the secret is not', async () => {
    await saveCredential(db, vault, { mailboxId: 'mbx_d', kind: 'password', secret: 'hunter2' });
    await db.query(
      'update credentials set access_token = $2, access_expires_at = now() where mailbox_id = $1',
      ['mbx_d', vault.seal('moved', vaultContext.credentialAccessToken('mbx_a'))],
    );
    expect((await readCredentialWithAccess(db, vault, 'mbx_d'))?.accessToken).toBeNull();
    await db.query('update credentials set secret = $2 where mailbox_id = $1', [
      'mbx_d',
      vault.seal('moved', vaultContext.credentialSecret('mbx_a')),
    ]);
    await expect(loadCredential(db, vault, 'mbx_d')).rejects.toMatchObject({
      name: 'VaultError',
      reason: 'tampered',
    });
  });

  it('deletes a credential', async () => {
    await deleteCredential(db, 'mbx_a');
    expect(await loadCredential(db, vault, 'mbx_a')).toBeNull();
  });
});
