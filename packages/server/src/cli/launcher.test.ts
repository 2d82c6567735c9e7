import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// `pnpm sendwell` runs `sh scripts/sendwell.sh <args>`. A stand-in `node` first on PATH prints what
// the wrapper handed it: the CA variable it kept (or not) and the arguments, one per line.
const WRAPPER = fileURLToPath(new URL('../../../../scripts/sendwell.sh', import.meta.url));
const bin = mkdtempSync(join(tmpdir(), 'sendwell-wrapper-'));
writeFileSync(
  join(bin, 'node'),
  // biome-ignore lint/suspicious/noTemplateCurlyInString: shell parameter expansion, not a template
  '#!/bin/sh\necho "ca=${NODE_EXTRA_CA_CERTS-unset}"\nfor arg in "$@"; do echo "arg=$arg"; done\n',
);
chmodSync(join(bin, 'node'), 0o755);
afterAll(() => rmSync(bin, { recursive: true, force: true }));

function wrapper(args: string[]) {
  const run = spawnSync('sh', [WRAPPER, ...args], {
    env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, NODE_EXTRA_CA_CERTS: '/etc/corp-ca.pem' },
    encoding: 'utf8',
  });
  expect(run.status).toBe(0);
  const lines = run.stdout.trim().split('\n');
  return { ca: lines[0]?.slice(3), args: lines.slice(1).map((line) => line.slice(4)) };
}

describe('scripts/sendwell.sh', () => {
  it.each([
    ['bounces', 'parse', '--json', 'x'],
    ['throttle', 'profiles', '--json'],
    ['manifests', 'check', 'd'],
    ['--help'],
    [],
  ])('starts %s without NODE_EXTRA_CA_CERTS (it opens no TLS connection)', (...args) => {
    expect(wrapper(args).ca).toBe('unset');
  });

  it.each([['start'], ['sandbox', 'serve'], ['doctor'], ['secrets', 'status']])(
    'keeps NODE_EXTRA_CA_CERTS for %s (it may talk to Microsoft, Google or a mail server)',
    (...args) => {
      expect(wrapper(args).ca).toBe('/etc/corp-ca.pem');
    },
  );

  it('hands node the launcher and every argument unchanged (spaces, quotes, globs)', () => {
    const args = ['bounces', 'parse', '--json', 'a dir/with spaces', "it's", '*.eml', ''];
    const seen = wrapper(args).args;
    expect(seen[0]).toMatch(/scripts\/sendwell\.mjs$/);
    expect(seen.slice(1)).toEqual(args);
  });
});
