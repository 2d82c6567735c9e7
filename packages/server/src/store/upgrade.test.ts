import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { apiTokenFor } from '../auth/apiTokens';
import { loadConfig, loadSecret } from '../config/config';
import { createSendwell } from '../sendwell';
import { loadVaultSecrets } from '../vault/secrets';
import { createVault } from '../vault/vault';
import { loadCredential } from './credentials';
import { openDb } from './db';
import { migrate } from './migrations';

/*
 * Upgrades: the data directory of the previous release (fixtures/datadir-<rev>.tar.br, made by that
 * release's own server through its API: fixtures/regenerate.mjs) is migrated forward by this code,
 * which then reads everything the release wrote: users, the template, the sends and their events,
 * and the mailbox's sealed grant with the vault key the release generated. What to expect comes
 * from the release itself (fixtures/datadir-<rev>.json), never from this code.
 */

const FIXTURES = new URL('../../fixtures/', import.meta.url);
const REVISION = '176c40b';

interface Manifest {
  revision: string;
  userId: string;
  mailboxId: string;
  templateId: string;
  sends: { id: string; status: string; to: string[] }[];
  eventTypes: string[];
  credentialSha256: string;
}

const manifest = JSON.parse(readFileSync(new URL(`datadir-${REVISION}.json`, FIXTURES), 'utf8')) as Manifest;

/** The release's data directory unpacked, owner-only as an operator's would be (`chmod -R go-rwx`). */
function unpack(): string {
  const dir = mkdtempSync(join(tmpdir(), `sendwell-release-${REVISION}-`));
  const tar = brotliDecompressSync(readFileSync(new URL(`datadir-${REVISION}.tar.br`, FIXTURES)));
  const result = spawnSync('tar', ['-x', '-C', dir], { input: tar });
  if (result.status !== 0) throw new Error(`tar: ${result.stderr}`);
  const restrict = (path: string) => {
    const isDir = statSync(path).isDirectory();
    chmodSync(path, isDir ? 0o700 : 0o600);
    if (isDir) for (const name of readdirSync(path)) restrict(join(path, name));
  };
  restrict(dir);
  return dir;
}

async function latestVersion(): Promise<number> {
  const fresh = await openDb({ memory: true });
  await migrate(fresh);
  const [row] = await fresh.query<{ v: number }>('select max(version)::int as v from schema_migrations');
  await fresh.close();
  return row!.v;
}

describe(`the data directory of release ${REVISION}`, () => {
  it('migrates forward and keeps its sealed grant readable', { timeout: 120_000 }, async () => {
    const dir = unpack();
    const db = await openDb({ dataDir: join(dir, 'pglite') });
    const applied = await migrate(db);
    const again = await migrate(db);
    const [row] = await db.query<{ v: number }>('select max(version)::int as v from schema_migrations');
    const credential = await loadCredential(db, createVault(loadVaultSecrets(dir, {})), manifest.mailboxId);
    const users = await db.query<{ id: string }>('select id from users where id = $1', [manifest.userId]);
    await db.close();
    expect(row!.v).toBe(await latestVersion());
    // The release's own migrations stay as they were; only what came since is applied, once.
    expect(applied.every((v) => v > 53)).toBe(true);
    expect(again).toEqual([]);
    expect(users).toHaveLength(1);
    expect(createHash('sha256').update(credential!.secret).digest('hex')).toBe(manifest.credentialSha256);
  });

  it('serves what the release wrote through the API', { timeout: 120_000 }, async () => {
    const dir = unpack();
    const config = loadConfig({ dataDir: dir, port: 0 }, { SENDWELL_SANDBOX_SMTP_PORT: 'off' });
    const sendwell = await createSendwell(config);
    try {
      const token = apiTokenFor(loadSecret(dir, {}), manifest.userId);
      const get = async (path: string) => {
        const response = await sendwell.app.request(`/api/v1${path}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        expect(response.status, path).toBe(200);
        return response.json() as Promise<Record<string, unknown>>;
      };
      expect((await get(`/templates/${manifest.templateId}`)).id).toBe(manifest.templateId);
      for (const send of manifest.sends) {
        const found = await get(`/sends/${send.id}`);
        expect({ status: found.status, to: found.to }).toEqual({ status: send.status, to: send.to });
      }
      const feed = (await get('/feed?limit=100')) as { items: { type: string }[] };
      expect(feed.items.map((e) => e.type).sort()).toEqual(manifest.eventTypes);
    } finally {
      await sendwell.close();
    }
  });
});
