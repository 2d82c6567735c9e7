import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadCredential, saveCredential } from '../store/credentials';
import type { Db } from '../store/db';
import { openTestDb, seedAva, TEST_ENGINES } from '../store/testing';
import { upsertMailbox } from '../store/users';
import { vaultContext } from './contexts';
import { countByKey, RotationError, resealAll } from './rotate';
import { createVault, keyIdOf } from './vault';

const oldSecret = randomBytes(32);
const newSecret = randomBytes(32);
const before = createVault([oldSecret]);
const rotating = createVault([newSecret, oldSecret]);
const after = createVault([newSecret]);

async function seed(db: Db): Promise<void> {
  await seedAva(db);
  for (const [id, provider] of [
    ['mbx_a', 'exchange'],
    ['mbx_b', 'gmail'],
  ] as const)
    await upsertMailbox(db, {
      id,
      userId: 'ava',
      provider,
      address: `${id}@contoso.test`,
      profileId: provider === 'gmail' ? 'gmail-workspace' : 'exchange-online',
    });
  await saveCredential(db, before, { mailboxId: 'mbx_a', kind: 'oauth', secret: 'rt-a' });
  await saveCredential(db, before, { mailboxId: 'mbx_b', kind: 'oauth', secret: 'rt-b' });
  await db.query(
    'update credentials set access_token = $2, access_expires_at = now() where mailbox_id = $1',
    ['mbx_a', before.seal('at-a', vaultContext.credentialAccessToken('mbx_a'))],
  );
  await db.query(
    `insert into oauth_states (state, user_id, provider, verifier, created_at, expires_at) values ($1, 'ava', 'google', $2, now(), now())`,
    ['st-1', before.seal('verifier-1', vaultContext.oauthStateVerifier('st-1'))],
  );
}

const rotationError = (db: Db) =>
  resealAll(db, rotating).then(
    () => null,
    (e: unknown) => e,
  );

describe.each(TEST_ENGINES)('secrets rotation on %s', (engine) => {
  let db: Db;
  // One database per engine (a fresh PGlite costs seconds); each test seeds its secrets again.
  beforeAll(async () => {
    db = await openTestDb(engine);
  });
  afterAll(() => db.close());
  beforeEach(async () => {
    await db.query('delete from oauth_states');
    await db.query('delete from credentials');
    await seed(db);
  });

  it('re-seals every envelope under the new key; afterwards the old key is not needed', async () => {
    expect(await resealAll(db, rotating)).toEqual({ resealed: 4, alreadyCurrent: 0 });
    expect(await loadCredential(db, after, 'mbx_a')).toMatchObject({ secret: 'rt-a' });
    expect(await loadCredential(db, after, 'mbx_b')).toMatchObject({ secret: 'rt-b' });
    const [a] = await db.query<{ access_token: string; key_id: string }>(
      "select * from credentials where mailbox_id = 'mbx_a'",
    );
    expect(after.open(a!.access_token, vaultContext.credentialAccessToken('mbx_a'))).toBe('at-a');
    expect(a!.key_id).toBe(after.currentKeyId);
    const [state] = await db.query<{ verifier: string }>(
      "select verifier from oauth_states where state = 'st-1'",
    );
    expect(after.open(state!.verifier, vaultContext.oauthStateVerifier('st-1'))).toBe('verifier-1');
    expect(await countByKey(db)).toEqual(new Map([[keyIdOf(newSecret), 4]]));
    expect(await resealAll(db, rotating)).toEqual({ resealed: 0, alreadyCurrent: 4 });
  });

  it('stops on an envelope under a key it does not have, names the mailbox and changes nothing', async () => {
    await saveCredential(db, createVault([randomBytes(32)]), {
      mailboxId: 'mbx_b',
      kind: 'oauth',
      secret: 'rt-b2',
    });
    const error = await rotationError(db);
    expect(error).toBeInstanceOf(RotationError);
    expect((error as Error).message).toMatch(
      /mailbox mbx_b \(mbx_b@contoso\.test\).*SENDWELL_SECRET_PREVIOUS.*Nothing was changed/,
    );
    expect(await countByKey(db)).toEqual(
      new Map([
        [before.currentKeyId, 3],
        [(error as Error).message.match(/key ([0-9a-f]{16})/)![1]!, 1],
      ]),
    );
    expect(await loadCredential(db, before, 'mbx_a')).toMatchObject({ secret: 'rt-a' });
  });

  it('refuses tampered ciphertext', async () => {
    const [row] = await db.query<{ secret: string }>(
      "select secret from credentials where mailbox_id = 'mbx_a'",
    );
    const parts = row!.secret.split('.');
    const ct = Buffer.from(parts[4]!, 'base64url');
    ct[0] = ct[0]! ^ 0x80;
    parts[4] = ct.toString('base64url');
    await db.query("update credentials set secret = $1 where mailbox_id = 'mbx_a'", [parts.join('.')]);
    expect(((await rotationError(db)) as Error).message).toMatch(/mailbox mbx_a .*altered or was moved/);
    expect(await countByKey(db)).toEqual(new Map([[before.currentKeyId, 4]]));
  });

  it("refuses a ciphertext moved from another row (another mailbox's refresh token)", async () => {
    await db.query(
      "update credentials set secret = (select secret from credentials where mailbox_id = 'mbx_a') where mailbox_id = 'mbx_b'",
    );
    expect(((await rotationError(db)) as Error).message).toMatch(/mailbox mbx_b .*altered or was moved/);
    await expect(loadCredential(db, rotating, 'mbx_b')).rejects.toMatchObject({ reason: 'tampered' });
  });
});
