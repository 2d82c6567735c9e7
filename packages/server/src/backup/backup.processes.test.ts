import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { apiTokenFor } from '../auth/apiTokens';
import { loadSecret } from '../config/config';
import { loadCredential } from '../store/credentials';
import { openDb } from '../store/db';
import { migrate } from '../store/migrations';
import { runSendwell, startSendwell, stopServer } from '../testing/serverProcess';
import { loadVaultSecrets } from '../vault/secrets';
import { createVault } from '../vault/vault';

/*
 * `sendwell backup` / `sendwell restore` on PGlite with real processes: a backup taken from a
 * running server while it keeps writing restores into a store that holds everything written before
 * the backup began and nothing that never existed; the vault key travels with it, so the sealed
 * credentials open; with no server, backup reads the files; restore refuses a running server's
 * directory, a store already there (unless --force, which sets it aside) and a cut-off file.
 */

const PORT = 61530;
const base = `http://127.0.0.1:${PORT}`;
// Sandbox mode without its SMTP server: nothing else listens.
const ENV = { SENDWELL_SANDBOX_SMTP_PORT: 'off' };

const dir = (name: string) => mkdtempSync(join(tmpdir(), `sendwell-${name}-`));

async function createTemplate(token: string, name: string): Promise<string> {
  const response = await fetch(`${base}/api/v1/templates`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name, subject: name, body: `<p>${name}</p>` }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

async function templateIds(dataDir: string): Promise<Set<string>> {
  const db = await openDb({ dataDir: join(dataDir, 'pglite') });
  const rows = await db.query<{ id: string }>("select id from templates where name like 'backup-%'");
  await db.close();
  return new Set(rows.map((r) => r.id));
}

let server: ChildProcess | null = null;
afterEach(async () => {
  if (server) await stopServer(server, 'SIGTERM');
  server = null;
});

describe('sendwell backup and restore (PGlite)', () => {
  it('copies a running server consistently while it writes, and restores it elsewhere', {
    timeout: 240_000,
  }, async () => {
    const live = dir('live');
    server = await startSendwell(['--data-dir', live, '--port', String(PORT)], ENV);
    const token = apiTokenFor(loadSecret(live, {}), 'ava');
    const before = [await createTemplate(token, 'backup-0'), await createTemplate(token, 'backup-1')];

    // Writes go on during the backup.
    let writing = true;
    const during: string[] = [];
    const writer = (async () => {
      for (let i = 0; writing; i++) during.push(await createTemplate(token, `backup-during-${i}`));
    })();
    const out = join(dir('file'), 'sendwell.backup');
    const taken = await runSendwell(['backup', '--out', out, '--data-dir', live], ENV);
    writing = false;
    await writer;
    // The backup overlapped real writes, or this would prove nothing about consistency.
    expect(during.length).toBeGreaterThan(0);
    expect(taken.code, taken.stderr).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);

    // Restore refuses the running server's directory, and an existing store.
    const onLive = await runSendwell(['restore', out, '--data-dir', live], ENV);
    expect(onLive.code).toBe(2);
    expect(onLive.stderr).toMatch(/is running on .*stop it first/);
    await stopServer(server, 'SIGTERM');
    server = null;
    const onExisting = await runSendwell(['restore', out, '--data-dir', live], ENV);
    expect(onExisting.code).toBe(2);
    expect(onExisting.stderr).toMatch(/already holds a store/);

    const copy = dir('copy');
    const restored = await runSendwell(['restore', out, '--data-dir', copy], ENV);
    expect(restored.code, restored.stderr).toBe(0);
    // Owner-only, as `start` demands (docs/operations/data-at-rest.md).
    expect(statSync(join(copy, 'pglite')).mode & 0o777).toBe(0o700);
    expect(statSync(join(copy, 'pglite', 'PG_VERSION')).mode & 0o777).toBe(0o600);
    expect(statSync(join(copy, 'secret.key')).mode & 0o777).toBe(0o600);
    const kept = await templateIds(copy);
    const written = await templateIds(live);
    for (const id of before) expect(kept.has(id)).toBe(true);
    for (const id of kept) expect(written.has(id)).toBe(true);
    // Writes were one after another: the copy holds a prefix of them, with no gap.
    const keptDuring = during.filter((id) => kept.has(id));
    expect(keptDuring).toEqual(during.slice(0, keptDuring.length));

    // The vault key came along: the mailbox's sealed grant opens in the copy.
    const db = await openDb({ dataDir: join(copy, 'pglite') });
    const vault = createVault(loadVaultSecrets(copy, {}));
    const credential = await loadCredential(db, vault, 'mbx-ava');
    await db.close();
    expect(credential?.secret).toBeTruthy();

    // And the copy runs: the server starts on it and serves what was backed up.
    server = await startSendwell(['--data-dir', copy, '--port', String(PORT)], ENV);
    const listed = await fetch(`${base}/api/v1/templates/${before[0]}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(listed.status).toBe(200);
  });

  it('backs up from the files with no server, never overwrites, and restores only a whole copy', {
    timeout: 180_000,
  }, async () => {
    // A store as a stopped server leaves it.
    const stopped = dir('stopped');
    const db = await openDb({ dataDir: join(stopped, 'pglite') });
    await migrate(db);
    await db.close();
    loadSecret(stopped, {});

    const out = join(dir('file'), 'sendwell.backup');
    const taken = await runSendwell(['backup', '--out', out, '--data-dir', stopped], ENV);
    expect(taken.code, taken.stderr).toBe(0);
    expect(taken.stdout).toMatch(/with the vault key/);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const again = await runSendwell(['backup', '--out', out, '--data-dir', stopped], ENV);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/never overwrites/);
    const empty = await runSendwell(['backup', '--out', `${out}.2`, '--data-dir', dir('empty')], ENV);
    expect(empty.stderr).toMatch(/No Sendwell data/);

    // A cut-off copy is refused before anything is written.
    const cut = join(dir('bad'), 'cut.backup');
    writeFileSync(cut, readFileSync(out).subarray(0, -10));
    const target = dir('target');
    const refused = await runSendwell(['restore', cut, '--data-dir', target], ENV);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/truncated or damaged/);
    expect(readdirSync(target)).toEqual([]);

    // --force sets the store there aside (never deletes it) and restores.
    const forced = await runSendwell(['restore', out, '--data-dir', stopped, '--force'], ENV);
    expect(forced.code, forced.stderr).toBe(0);
    expect(readdirSync(stopped).filter((n) => n.startsWith('pglite.before-restore-'))).toHaveLength(1);
  });
});
