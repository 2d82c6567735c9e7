import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ManualClock } from '@sendwell/core';
import { MANIFEST_FILES, renderManifests } from '@sendwell/manifests';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config';
import {
  clockSkewCheck,
  databaseCheck,
  MAX_CLOCK_SKEW_MS,
  manifestsCheck,
  type ProbeDeps,
  pingConfiguredDatabase,
} from './probes';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sendwell-probes-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const NOW = '2026-12-04T18:00:00Z';
const REAL_ENV = {
  SENDWELL_BASE_URL: 'https://sendwell.example.com',
  SENDWELL_MS_CLIENT_ID: '0f4b6c2e-8d1a-4e7b-9c3f-5a2d1e0b7c64',
  SENDWELL_GOOGLE_CLIENT_ID: 'x.apps.googleusercontent.com',
};

/** A provider that answers every request with the given Date header (a fake, not a mock). */
function providerAt(date: string | null, seen: string[] = []): typeof fetch {
  return async (input) => {
    seen.push(String(input));
    return new Response('', { status: 404, headers: date ? { date } : {} });
  };
}

function deps(overrides: Partial<ProbeDeps> = {}): ProbeDeps {
  return {
    clock: new ManualClock(NOW),
    fetch: providerAt(new Date(NOW).toUTCString()),
    pingDatabase: async () => {},
    ...overrides,
  };
}

describe('databaseCheck', () => {
  it('does not create PGlite (start does) but checks the data dir is writable', async () => {
    const dataDir = join(tempDir(), 'new');
    let opened = false;
    const ping = async () => {
      opened = true;
    };
    const fresh = await databaseCheck(loadConfig({ dataDir }, {}), deps({ pingDatabase: ping }));
    expect(fresh).toMatchObject({ id: 'database', status: 'ok' });
    expect(opened).toBe(false);
    const blocked = join(tempDir(), 'file');
    writeFileSync(blocked, '');
    const unwritable = await databaseCheck(
      loadConfig({ dataDir: blocked }, {}),
      deps({ pingDatabase: ping }),
    );
    expect(unwritable.status).toBe('problem');
  });

  it('opens an existing PGlite', async () => {
    const dataDir = tempDir();
    mkdirSync(join(dataDir, 'pglite'));
    writeFileSync(join(dataDir, 'pglite', 'PG_VERSION'), '17\n');
    const seen: string[] = [];
    const result = await databaseCheck(
      loadConfig({ dataDir }, {}),
      deps({ pingDatabase: async (c) => void seen.push(c.dataDir) }),
    );
    expect(result.status).toBe('ok');
    expect(seen).toEqual([dataDir]);
  });

  it.runIf(process.env.SENDWELL_TEST_DATABASE_URL)('asks PostgreSQL select 1', async () => {
    const config = loadConfig(
      { dataDir: tempDir(), databaseUrl: process.env.SENDWELL_TEST_DATABASE_URL },
      {},
    );
    const result = await databaseCheck(config, deps({ pingDatabase: pingConfiguredDatabase }));
    expect(result).toMatchObject({ id: 'database', status: 'ok' });
  });

  it('does not open a PGlite a running Sendwell holds', async () => {
    const dataDir = tempDir();
    mkdirSync(join(dataDir, 'pglite'), { recursive: true });
    writeFileSync(join(dataDir, 'pglite', 'postmaster.pid'), '-42\n');
    let opened = false;
    const result = await databaseCheck(
      loadConfig({ dataDir }, {}),
      deps({
        pingDatabase: async () => {
          opened = true;
        },
      }),
    );
    expect(result.status).toBe('ok');
    expect(opened).toBe(false);
  });

  it('reports a PostgreSQL that refuses the connection, without its password', async () => {
    const config = loadConfig(
      { dataDir: tempDir(), databaseUrl: 'postgres://sendwell:hunter2@127.0.0.1:1/x' },
      {},
    );
    const result = await databaseCheck(config, deps({ pingDatabase: pingConfiguredDatabase }));
    expect(result).toMatchObject({ id: 'database', status: 'problem' });
    expect(result.message).not.toContain('hunter2');
    expect(result.fix).toContain('DATABASE_URL');
  });

  it('gives up on a database that never answers', async () => {
    const config = loadConfig({ dataDir: tempDir(), databaseUrl: 'postgres://127.0.0.1:5432/x' }, {});
    const result = await databaseCheck(
      config,
      deps({ pingDatabase: () => new Promise(() => {}), timeoutMs: 1 }),
    );
    expect(result.status).toBe('problem');
  });
});

describe('manifestsCheck', () => {
  const base = 'https://sendwell.example.com';
  function renderedDir(baseUrl: string): string {
    const dir = tempDir();
    for (const [file, text] of Object.entries(renderManifests({ baseUrl }))) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), text);
    }
    return dir;
  }
  const config = loadConfig({ dataDir: '/tmp/unused' }, { SENDWELL_BASE_URL: base });

  it('renders the manifests for the base URL when no directory is given', () => {
    expect(manifestsCheck(config).status).toBe('ok');
  });

  it('accepts manifests built for this base URL', () => {
    expect(manifestsCheck(config, renderedDir(base))).toMatchObject({ id: 'manifests', status: 'ok' });
  });

  it('names the foreign URLs of manifests built for another base URL', () => {
    const result = manifestsCheck(config, renderedDir('https://old.example.com'));
    expect(result.status).toBe('problem');
    expect(result.message).toContain('https://old.example.com/');
    expect(result.fix).toContain(`--base-url ${base}`);
  });

  it('reports a missing manifest', () => {
    const dir = renderedDir(base);
    rmSync(join(dir, MANIFEST_FILES[2]));
    expect(manifestsCheck(config, dir).status).toBe('problem');
  });

  it('warns when the URLs match but the text is not what this version renders', () => {
    const dir = renderedDir(base);
    const file = join(dir, 'gmail/deployment.json');
    const json = JSON.parse(readFileSync(file, 'utf8'));
    json.addOns.common.name = 'Sendwell (old)';
    writeFileSync(file, JSON.stringify(json, null, 2));
    expect(manifestsCheck(config, dir).status).toBe('warning');
  });
});

describe('clockSkewCheck', () => {
  const config = loadConfig({ dataDir: '/tmp/unused' }, REAL_ENV);
  const minutes = (n: number) => new Date(new Date(NOW).getTime() + n * 60_000).toUTCString();

  it('asks the configured authority host and Google token endpoint', async () => {
    const seen: string[] = [];
    const result = await clockSkewCheck(config, deps({ fetch: providerAt(minutes(0), seen) }));
    expect(result.status).toBe('ok');
    expect(seen.sort()).toEqual([config.microsoft!.authorityHost, `${config.google!.oauthUrl}/token`].sort());
  });

  it.each([
    [2, 'ok'],
    [-2, 'ok'],
    [MAX_CLOCK_SKEW_MS / 60_000 + 1, 'problem'],
    [-(MAX_CLOCK_SKEW_MS / 60_000 + 1), 'problem'],
  ] as const)('provider %d minutes away → %s', async (offset, status) => {
    expect((await clockSkewCheck(config, deps({ fetch: providerAt(minutes(offset)) }))).status).toBe(status);
  });

  it('skips with a warning when the providers cannot be reached or send no date', async () => {
    const unreachable: typeof fetch = async () => {
      throw new TypeError('fetch failed');
    };
    expect((await clockSkewCheck(config, deps({ fetch: unreachable }))).status).toBe('warning');
    expect((await clockSkewCheck(config, deps({ fetch: providerAt(null) }))).status).toBe('warning');
  });

  it('is not needed in sandbox mode', async () => {
    const sandbox = loadConfig({ dataDir: '/tmp/unused' }, {});
    expect(await clockSkewCheck(sandbox, deps({ fetch: unreachable() }))).toMatchObject({ status: 'ok' });
  });

  it('reads the Date header of a real HTTP server', async () => {
    const server: Server = createServer((_req, res) => res.end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const local = loadConfig(
        { dataDir: '/tmp/unused' },
        { SENDWELL_MS_CLIENT_ID: 'x', SENDWELL_MS_AUTHORITY: `http://127.0.0.1:${port}` },
      );
      // This host's clock, an hour fast: the server's own Date header exposes it.
      const fast = new ManualClock(new Date(Date.now() + 3_600_000));
      const result = await clockSkewCheck(local, { ...deps(), clock: fast, fetch });
      expect(result.status).toBe('problem');
      expect(result.message).toMatch(/ahead of/);
    } finally {
      server.close();
    }
  });
});

function unreachable(): typeof fetch {
  return async () => {
    throw new Error('the sandbox check must not call out');
  };
}
