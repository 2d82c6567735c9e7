import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';

// The built `sendwell bounces parse` as users run it (`pnpm sendwell` = sh scripts/sendwell.sh),
// on the repository's own notices: built by this run's webServer step before any spec.
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DIST = join(ROOT, 'packages', 'server', 'dist');
const NOTICES = 'bench-data/notices';

function parse(env: Record<string, string> = {}): string[] {
  const out = execFileSync('sh', ['scripts/sendwell.sh', 'bounces', 'parse', '--json', NOTICES], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return out.trim().split('\n');
}
const codeCaches = () =>
  readdirSync(DIST).filter((name) => name.startsWith('bounces-engine.cjs.') && name.endsWith('.v8cache'));
// Every file below the folder is a message to it (the READMEs and expectation tables too).
const filesBelow = (dir: string) =>
  readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile())
    .length;

test.describe('built CLI: bounces parse', () => {
  test('one line per notice, the same on one thread, on three, and compiled without the code cache', () => {
    const oneThread = parse({ SENDWELL_BOUNCE_THREADS: '1' });
    expect(oneThread.length).toBe(filesBelow(NOTICES));
    expect(oneThread.every((line) => JSON.parse(line).file.startsWith(`${NOTICES}/`))).toBe(true);
    expect(parse({ SENDWELL_BOUNCE_THREADS: '3' })).toEqual(oneThread);
    expect(parse({ SENDWELL_BOUNCE_THREADS: '1', SENDWELL_CODE_CACHE: 'off' })).toEqual(oneThread);
  });

  test('the build leaves one code cache; a run that finds it writes nothing, one that does not writes it', () => {
    const [cache] = codeCaches();
    expect(codeCaches()).toHaveLength(1);
    const path = join(DIST, cache as string);
    const written = statSync(path).mtimeMs;
    parse({ SENDWELL_BOUNCE_THREADS: '1' });
    expect(statSync(path).mtimeMs).toBe(written);
    rmSync(path);
    parse({ SENDWELL_BOUNCE_THREADS: '1' });
    expect(codeCaches()).toEqual([cache]);
  });
});
