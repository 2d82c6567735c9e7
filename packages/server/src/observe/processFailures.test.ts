import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// A real process: Node's own handling of a crash is what would print past the logger.
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const LOGGER = fileURLToPath(new URL('../logger.ts', import.meta.url));
const FAILURES = fileURLToPath(new URL('./processFailures.ts', import.meta.url));
const TOKEN = 'sw_YXZh.c2VjcmV0LW1hYy12YWx1ZS1oZXJl';

describe('a crash is logged through the redacting logger', () => {
  it.each([
    ['an unhandled rejection', `Promise.reject(new Error('refused Bearer ${TOKEN}'));`],
    ['an uncaught exception', `setTimeout(() => { throw new Error('bad token ${TOKEN}'); }, 0);`],
  ])('%s: one JSON line, no token, exit 1', (_name, crash) => {
    const script = `
      const { consoleLogger } = await import(${JSON.stringify(LOGGER)});
      const { logProcessFailures } = await import(${JSON.stringify(FAILURES)});
      logProcessFailures(consoleLogger());
      ${crash}`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stdout + run.stderr).not.toContain(TOKEN);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      level: 'error',
      detail: expect.stringContaining('[redacted]'),
    });
  });
});
