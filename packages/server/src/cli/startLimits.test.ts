import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { RawConnection } from '../http/limits/rawHttp';

// `sendwell start` as a real process: the limits it reads from the environment are the ones its
// server applies (socket timeouts in start.ts, rate limits through createSendwell).
const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
const PORT = 61220;
const dataDir = mkdtempSync(join(tmpdir(), 'sendwell-start-limits-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

function start(env: Record<string, string>) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', MAIN, 'start', '--port', String(PORT), '--data-dir', dataDir],
    {
      env: { ...process.env, SENDWELL_SANDBOX_SMTP_PORT: 'off', ...env },
    },
  );
  children.push(child);
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const running = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', () => output.includes('Sendwell is running') && resolve());
    exited.then(() => reject(new Error(output)));
  });
  running.catch(() => {}); // awaited only by the test that expects the server up
  return { exited, running, output: () => output };
}

describe('sendwell start applies the limits from its environment', () => {
  it('refuses a bad limit setting, naming it, before opening anything', async () => {
    const run = start({ SENDWELL_MAX_CONNECTIONS: 'lots' });
    expect(await run.exited).toBe(2);
    expect(run.output()).toContain('SENDWELL_MAX_CONNECTIONS');
  }, 120_000);

  it('closes an idle socket and answers 429 past a scaled-down budget', async () => {
    // Scale 0.001: every per-IP burst becomes 1 or 2 requests (the start page's is 1).
    const run = start({ SENDWELL_IDLE_TIMEOUT_MS: '1000', SENDWELL_RATE_LIMIT_SCALE: '0.001' });
    await run.running;
    const idle = new RawConnection(PORT);
    await idle.closed;
    const c = new RawConnection(PORT);
    c.send('GET', '/');
    expect((await c.response()).status).toBe(200);
    c.send('GET', '/');
    const refused = await c.response();
    expect([refused.status, Number(refused.headers['retry-after']) >= 1]).toEqual([429, true]);
    c.close();
  }, 180_000);
});
