import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseManifestsArgs, run } from './manifests';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'sendwell-cli-manifests-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function capture(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

describe('parseManifestsArgs', () => {
  it.each([
    [
      ['build', '--base-url', 'https://s.example.com', '--out', 'dist/m'],
      { kind: 'build', baseUrl: 'https://s.example.com', out: 'dist/m' },
    ],
    [
      ['build', '--base-url', 'https://s.example.com', '--out', 'o', '--development'],
      { kind: 'build', baseUrl: 'https://s.example.com', out: 'o', production: false },
    ],
    [['check', 'dist/m'], { kind: 'check', dir: 'dist/m' }],
  ])('parses %j', (args, command) => {
    expect(parseManifestsArgs(args)).toEqual({ ok: true, command });
  });

  it.each([
    [[], /missing manifests command/],
    [['publish'], /unknown manifests command: publish/],
    [['build', '--out', 'o'], /--base-url is required/],
    [['build', '--base-url', 'https://s.example.com'], /--out is required/],
    [['build', '--base-url', 'sendwell', '--out', 'o'], /--base-url must be an http\(s\) URL/],
    [
      ['build', '--base-url', 'https://s.example.com', '--out', 'o', '--production', '--development'],
      /exclude each other/,
    ],
    [['build', '--base-url', 'https://s.example.com', '--out', 'o', '--zip'], /Unknown option '--zip'/],
    [['check'], /exactly one directory/],
    [['check', 'a', 'b'], /exactly one directory/],
  ])('rejects %j', (args, error) => {
    const result = parseManifestsArgs(args);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });
});

describe('run', () => {
  it('builds the three manifests and the app-package icons, then checks them', async () => {
    const out = tempDir();
    const { code, out: lines } = await capture([
      'build',
      '--base-url',
      'https://sendwell.example.com',
      '--out',
      out,
    ]);
    expect(code).toBe(0);
    for (const file of [
      'outlook/manifest.xml',
      'outlook/manifest.json',
      'gmail/deployment.json',
      'outlook/color.png',
      'outlook/outline.png',
    ]) {
      expect(existsSync(join(out, file))).toBe(true);
      expect(lines).toContain(`wrote ${join(out, file)}`);
    }
    expect(readFileSync(join(out, 'outlook/manifest.xml'), 'utf8')).toContain(
      'https://sendwell.example.com/outlook/taskpane.html',
    );
    expect((await capture(['check', out])).code).toBe(0);
  });

  it('exits 1 and names the file and problem when a manifest is broken', async () => {
    const out = tempDir();
    await capture(['build', '--base-url', 'http://localhost:8787', '--out', out]);
    const path = join(out, 'gmail/deployment.json');
    writeFileSync(path, readFileSync(path, 'utf8').replace('"METADATA"', '"NONE"'));
    const { code, err } = await capture(['check', out]);
    expect(code).toBe(1);
    expect(err[0]).toBe(
      `${path}: composeTrigger.draftAccess must be METADATA (Sendwell reads the draft's recipients), got "NONE"`,
    );
  });

  it('still writes but exits 1 when the base URL is plain http on a public host', async () => {
    const { code, err } = await capture([
      'build',
      '--base-url',
      'http://sendwell.example.com',
      '--out',
      tempDir(),
    ]);
    expect(code).toBe(1);
    expect(err.join('\n')).toMatch(/must use https/);
  });

  it('exits 2 with usage for bad arguments', async () => {
    const { code, err } = await capture(['build']);
    expect(code).toBe(2);
    expect(err.join('\n')).toMatch(/--base-url is required[\s\S]*usage: sendwell manifests/);
  });
});
