import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '@sendwell/core';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config';
import { createSendwell } from '../sendwell';
import { run } from './sandbox';

/** Runs the command with stdout captured (the command writes there directly). */
async function captureStdout(args: string[]): Promise<{ code: number; out: string }> {
  const chunks: string[] = [];
  const write = process.stdout.write;
  process.stdout.write = ((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  try {
    return { code: await run(args), out: chunks.join('') };
  } finally {
    process.stdout.write = write;
  }
}

describe('sendwell sandbox users --json', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sendwell-cli-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps its stable fields and adds each user’s role (one admin per team)', async () => {
    const { code, out } = await captureStdout(['users', '--json', '--data-dir', dataDir]);
    expect(code).toBe(0);
    const users = JSON.parse(out) as Record<string, unknown>[];
    for (const user of users)
      expect(Object.keys(user)).toEqual([
        'id',
        'email',
        'name',
        'provider',
        'mailboxId',
        'legacy',
        'role',
        'apiToken',
      ]);
    expect(Object.fromEntries(users.map((u) => [u.id, u.role]))).toEqual({
      ava: 'admin',
      eli: 'rep',
      lou: 'admin',
      gus: 'admin',
      ivy: 'rep',
      // Not connected yet (they connect in the demo), but team members all the same.
      nia: 'rep',
      max: 'rep',
    });
  });

  it('prints tokens a server on that data dir accepts, timed by SENDWELL_API_TOKEN_DAYS', async () => {
    const before = process.env.SENDWELL_API_TOKEN_DAYS;
    process.env.SENDWELL_API_TOKEN_DAYS = '3';
    const printed = await captureStdout(['users', '--json', '--data-dir', dataDir]).finally(() => {
      if (before === undefined) delete process.env.SENDWELL_API_TOKEN_DAYS;
      else process.env.SENDWELL_API_TOKEN_DAYS = before;
    });
    const gus = (JSON.parse(printed.out) as { id: string; apiToken: string }[]).find((u) => u.id === 'gus')!;
    const sendwell = await createSendwell(loadConfig({ port: 0, dataDir }, {}), { logger: silentLogger });
    try {
      const made = await sendwell.app.request('/api/v1/tokens', {
        method: 'POST',
        headers: { authorization: `Bearer ${gus.apiToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'from the CLI token' }),
      });
      expect(made.status).toBe(201);
      // A token made with the CLI's never outlives it: three days, not the server's ninety.
      const { apiToken } = (await made.json()) as { apiToken: { expiresAt: string } };
      expect(Date.parse(apiToken.expiresAt) - Date.now()).toBeLessThanOrEqual(3 * 86_400_000);
    } finally {
      await sendwell.close();
    }
  }, 120_000);
});
