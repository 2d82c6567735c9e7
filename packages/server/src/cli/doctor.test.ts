import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ManualClock } from '@sendwell/core';
import { afterAll, describe, expect, it } from 'vitest';
import { CHECK_IDS, type Check } from '../config/checks';
import { type DoctorDeps, type DoctorReport, run } from './doctor';

const dataDir = mkdtempSync(join(tmpdir(), 'sendwell-doctor-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function doctor(args: string[], env: NodeJS.ProcessEnv) {
  let out = '';
  let err = '';
  const deps: DoctorDeps = {
    env,
    clock: new ManualClock('2026-12-04T18:00:00Z'),
    fetch: async () => new Response('', { headers: { date: 'Fri, 04 Dec 2026 18:00:00 GMT' } }),
    pingDatabase: async () => {},
    out: (text) => {
      out += text;
    },
    err: (text) => {
      err += text;
    },
  };
  const code = await run(args, deps);
  return { code, out, err };
}

describe('sendwell doctor', () => {
  it('passes a clean sandbox configuration: exit 0, every check in the JSON', async () => {
    const { code, out } = await doctor(['--json', '--data-dir', dataDir], {});
    expect(code).toBe(0);
    const report = JSON.parse(out) as DoctorReport;
    expect(report.ok).toBe(true);
    for (const c of report.checks) expect(Object.keys(c)).toEqual(['id', 'status', 'message', 'fix']);
    expect(report.checks.map((c) => c.id)).toEqual(
      expect.arrayContaining([
        'base-url',
        'redirect-uris',
        'secret',
        'data-dir',
        'database',
        'manifests',
        'clock-skew',
      ]),
    );
  });

  it('names an open data directory as a problem with the fix start names', async () => {
    const open = mkdtempSync(join(tmpdir(), 'sendwell-doctor-open-'));
    try {
      chmodSync(open, 0o755);
      const json = JSON.parse((await doctor(['--json', '--data-dir', open], {})).out) as DoctorReport;
      const found = json.checks.find((c) => c.id === 'data-dir')!;
      expect(found).toEqual({
        id: 'data-dir',
        status: 'problem',
        message: `directory ${open} is 0755; it must be 0700`,
        fix: `chmod -R go-rwx ${open}`,
      });
    } finally {
      rmSync(open, { recursive: true, force: true });
    }
  });

  it('prints a table and the fix of each problem, and exits 1', async () => {
    const env = { SENDWELL_MS_CLIENT_ID: '0f4b6c2e-8d1a-4e7b-9c3f-5a2d1e0b7c64' };
    const { code, out } = await doctor(['--data-dir', dataDir], env);
    expect(code).toBe(1);
    const [header] = out.split('\n');
    expect(header).toMatch(/^check\s+status\s+detail$/);
    const json = JSON.parse((await doctor(['--json', '--data-dir', dataDir], env)).out) as DoctorReport;
    const problems = json.checks.filter((c) => c.status === 'problem');
    expect(problems.map((c) => c.id)).toEqual(['microsoft-client-secret', 'microsoft-tenants']);
    for (const problem of problems) {
      expect(out).toMatch(new RegExp(`^${problem.id}\\s+PROBLEM\\s+`, 'm'));
      expect(out).toContain(problem.fix);
    }
  });

  it.each([[['--data-dir']], [['extra']]])('refuses bad arguments %j with exit 2', async (args) => {
    const { code, err } = await doctor(args, {});
    expect(code).toBe(2);
    expect(err).toMatch(/usage: sendwell doctor/);
  });
});

describe('sendwell doctor as a process', () => {
  it('answers --json and exits 1 on a problem', async () => {
    const tsx = createRequire(import.meta.url).resolve('tsx/cli');
    const main = fileURLToPath(new URL('./main.ts', import.meta.url));
    const env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      SENDWELL_BASE_URL: 'http://sendwell.example.com',
    };
    const { code, stdout } = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
      execFile(
        process.execPath,
        [tsx, main, 'doctor', '--json', '--data-dir', dataDir],
        { env },
        (error, stdout) => resolve({ code: error ? (error.code as number) : 0, stdout }),
      );
    });
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { ok: boolean; checks: Check[] };
    expect(report.ok).toBe(false);
    expect(report.checks.find((c) => c.status === 'problem')?.id).toBe('base-url');
    expect(report.checks.every((c) => CHECK_IDS.includes(c.id))).toBe(true);
  }, 60_000);
});
