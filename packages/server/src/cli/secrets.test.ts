import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCredential, saveCredential } from '../store/credentials';
import { openDb } from '../store/db';
import { migrate } from '../store/migrations';
import { seedAva } from '../store/testing';
import { upsertMailbox } from '../store/users';
import { createVault, keyIdOf } from '../vault/vault';
import { runSecrets } from './secrets';

const TSX = fileURLToPath(new URL('../../../../node_modules/.bin/tsx', import.meta.url));
const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
const oldSecret = randomBytes(32);
const newSecret = randomBytes(32);
const b64 = (key: Buffer) => key.toString('base64');

/** The environment of a run: only the vault keys (no DATABASE_URL: PGlite in the data dir). */
const envWith = (current: Buffer, previous: Buffer[] = []) => ({
  SENDWELL_SECRET: b64(current),
  SENDWELL_SECRET_PREVIOUS: previous.map(b64).join(','),
});

function io(env: NodeJS.ProcessEnv) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: { env, out: (l: string) => void out.push(l), err: (l: string) => void err.push(l) },
  };
}

async function seedDataDir(dataDir: string): Promise<void> {
  const db = await openDb({ dataDir: join(dataDir, 'pglite') });
  await migrate(db);
  await seedAva(db);
  await upsertMailbox(db, {
    id: 'mbx_a',
    userId: 'ava',
    provider: 'exchange',
    address: 'ava@contoso.test',
    profileId: 'exchange-online',
  });
  await upsertMailbox(db, {
    id: 'mbx_b',
    userId: 'ava',
    provider: 'exchange-server',
    address: 'ava@onprem.test',
    profileId: 'exchange-online',
  });
  const vault = createVault([oldSecret]);
  await saveCredential(db, vault, { mailboxId: 'mbx_a', kind: 'oauth', secret: 'rt-a' });
  await saveCredential(db, vault, { mailboxId: 'mbx_b', kind: 'password', secret: 'correct horse' });
  await db.close();
}

describe('sendwell secrets', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sendwell-secrets-'));

  it('rotate, run as the CLI process, re-encrypts under SENDWELL_SECRET what the previous key sealed', {
    timeout: 180_000,
  }, async () => {
    await seedDataDir(dataDir);
    const { DATABASE_URL: _ignored, ...parentEnv } = process.env;
    const child = spawn(TSX, [MAIN, 'secrets', 'rotate', '--data-dir', dataDir], {
      env: { ...parentEnv, ...envWith(newSecret, [oldSecret]) },
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    const [code] = await once(child, 'close');
    const [stdout, stderr] = [out, err].map((chunks) => Buffer.concat(chunks).toString());
    expect({ code, stdout, stderr }).toEqual({
      code: 0,
      stdout: 're-encrypted 2 secrets (0 already current)\n',
      stderr: '',
    });

    const db = await openDb({ dataDir: join(dataDir, 'pglite') });
    const onlyNew = createVault([newSecret]);
    expect(await loadCredential(db, onlyNew, 'mbx_a')).toMatchObject({ secret: 'rt-a' });
    expect(await loadCredential(db, onlyNew, 'mbx_b')).toMatchObject({ secret: 'correct horse' });
    await db.close();
  });

  it('stops with exit 1 and names the mailbox when it lacks the key; nothing is lost', {
    timeout: 120_000,
  }, async () => {
    const run = io(envWith(randomBytes(32)));
    expect(await runSecrets(['rotate', '--data-dir', dataDir], run.io)).toBe(1);
    expect(run.out).toEqual([]);
    expect(run.err.join('\n')).toMatch(
      new RegExp(
        `mailbox mbx_a \\(ava@contoso\\.test\\).*sealed under key ${keyIdOf(newSecret)}.*SENDWELL_SECRET_PREVIOUS.*Nothing was changed`,
      ),
    );
    const status = io(envWith(newSecret));
    expect(await runSecrets(['status', '--data-dir', dataDir], status.io)).toBe(0);
    expect(status.out).toEqual([
      `${keyIdOf(newSecret)}       2  current (SENDWELL_SECRET)`,
      'every stored secret is under the current key',
    ]);
  });

  it.each([[[]], [['spin']], [['rotate', 'extra']], [['rotate', '--data-dir']]])(
    '%j is a usage error (exit 2)',
    async (args) => {
      const run = io({});
      expect(await runSecrets(args, run.io)).toBe(2);
      expect(run.err.join('\n')).toContain('usage: sendwell secrets rotate');
    },
  );
});
