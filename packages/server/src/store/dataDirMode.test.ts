import { execFileSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '@sendwell/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, secretKeyFile } from '../config/config';
import { createSendwell } from '../sendwell';
import { DataDirOpenError, DIR_MODE, FILE_MODE } from './dataDirMode';

// Data at rest (issue 11): a real sandbox-mode Sendwell on a real PGlite directory, real writes
// through the API, then every file and directory's mode read back from the disk. The process umask
// stays what vitest has (022 here), as an operator's shell would.

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function freshDataDir(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'sendwell-atrest-')), 'data');
  dirs.push(join(dir, '..'));
  return dir;
}

/** Every entry under `dir` (and `dir`) whose mode is not 0700 (directories) or 0600 (files). */
function wrongModes(dir: string): string[] {
  const wrong: string[] = [];
  const check = (path: string) => {
    const stat = lstatSync(path);
    const want = stat.isDirectory() ? DIR_MODE : FILE_MODE;
    if ((stat.mode & 0o777) !== want) wrong.push(`${path} ${(stat.mode & 0o777).toString(8)}`);
    if (stat.isDirectory()) for (const name of readdirSync(path)) check(join(path, name));
  };
  check(dir);
  return wrong;
}

function countEntries(dir: string): number {
  return readdirSync(dir, { recursive: true }).length;
}

async function startAndWrite(dataDir: string): Promise<void> {
  const sendwell = await createSendwell(loadConfig({ port: 0, dataDir }, {}), { logger: silentLogger });
  const response = await sendwell.app.request('/api/v1/templates', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${sendwell.apiTokenFor('ava')}` },
    body: JSON.stringify({ name: 'At rest', subject: 'Private', body: '<p>Only the owner reads this</p>' }),
  });
  expect(response.status).toBe(201);
  await sendwell.close();
}

async function refusal(dataDir: string): Promise<DataDirOpenError> {
  const error = await createSendwell(loadConfig({ port: 0, dataDir }, {}), { logger: silentLogger }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DataDirOpenError);
  return error as DataDirOpenError;
}

describe('the data directory at rest', () => {
  // One directory through the whole story (each PGlite start takes seconds): started, written,
  // restarted, opened up path by path and refused, fixed with the named command, started again.
  const dataDir = freshDataDir();
  beforeAll(() => startAndWrite(dataDir), 120_000);

  it('is 0700 with every file 0600 after a first start, real writes and a restart', async () => {
    await startAndWrite(dataDir);
    // PGlite's own initdb leaves about a thousand files: all of them were checked.
    expect(countEntries(join(dataDir, 'pglite'))).toBeGreaterThan(900);
    expect(wrongModes(dataDir)).toEqual([]);
    expect(statSync(secretKeyFile(dataDir)).mode & 0o777).toBe(FILE_MODE);
  }, 120_000);

  it.each([
    ['the data directory', (d: string) => d, 0o755],
    ['the PGlite directory', (d: string) => join(d, 'pglite'), 0o750],
    ['a directory inside PGlite', (d: string) => join(d, 'pglite', 'base'), 0o711],
    ['the secret key', (d: string) => secretKeyFile(d), 0o644],
  ])(
    'refuses to start when %s is open to others, naming it and the fix that works',
    async (_what, pathOf, mode) => {
      chmodSync(pathOf(dataDir), mode);
      const error = await refusal(dataDir);
      expect(error.message).toContain(`${pathOf(dataDir)} is ${mode.toString(8).padStart(4, '0')}`);
      const fix = /^fix: (.+)$/m.exec(error.message)?.[1];
      expect(fix).toBe(`chmod -R go-rwx ${dataDir}`);
      // The named fix, run as the operator would, closes everything again.
      execFileSync('sh', ['-c', fix!]);
      expect(wrongModes(dataDir)).toEqual([]);
    },
  );

  it('starts on the fixed directory, and tightens a PGlite file left 0644 inside it (a server killed before closing)', async () => {
    chmodSync(join(dataDir, 'pglite', 'PG_VERSION'), 0o644);
    await startAndWrite(dataDir);
    expect(wrongModes(dataDir)).toEqual([]);
  }, 120_000);
});
