import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
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
});
