import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadVaultSecrets } from './secrets';

const key = (n = 32) => randomBytes(n).toString('base64');
const dir = () => mkdtempSync(join(tmpdir(), 'sendwell-vault-'));

describe('loadVaultSecrets', () => {
  it('takes SENDWELL_SECRET first, then each SENDWELL_SECRET_PREVIOUS entry', () => {
    const [current, a, b] = [key(), key(48), key()];
    const secrets = loadVaultSecrets(dir(), {
      SENDWELL_SECRET: current,
      SENDWELL_SECRET_PREVIOUS: ` ${a}, ${b} ,`,
    });
    expect(secrets.map((s) => s.toString('base64'))).toEqual([current, a, b]);
  });

  it('accepts base64url secrets', () => {
    const raw = randomBytes(32);
    expect(loadVaultSecrets(dir(), { SENDWELL_SECRET: raw.toString('base64url') })[0]!.equals(raw)).toBe(
      true,
    );
  });

  it('without SENDWELL_SECRET uses the data dir key file, created once', () => {
    const dataDir = dir();
    const [first] = loadVaultSecrets(dataDir, {});
    expect(first!.toString('base64')).toBe(readFileSync(join(dataDir, 'secret.key'), 'utf8'));
    expect(loadVaultSecrets(dataDir, {})[0]!.equals(first!)).toBe(true);
  });

  it('drops a previous key equal to the current one', () => {
    const current = key();
    expect(
      loadVaultSecrets(dir(), { SENDWELL_SECRET: current, SENDWELL_SECRET_PREVIOUS: current }),
    ).toHaveLength(1);
  });

  it.each([
    [
      'a short current key',
      { SENDWELL_SECRET: key(16) },
      /SENDWELL_SECRET must be at least 32 bytes.*got 16/,
    ],
    ['a current key that is not base64', { SENDWELL_SECRET: 'not base64!' }, /SENDWELL_SECRET is not base64/],
    [
      'a short previous key',
      { SENDWELL_SECRET: key(), SENDWELL_SECRET_PREVIOUS: `${key()},${key(8)}` },
      /SENDWELL_SECRET_PREVIOUS \(entry 2\) must be at least 32 bytes/,
    ],
    [
      'a previous key that is not base64',
      { SENDWELL_SECRET: key(), SENDWELL_SECRET_PREVIOUS: 'x y' },
      /SENDWELL_SECRET_PREVIOUS \(entry 1\) is not base64/,
    ],
  ])('refuses %s with a clear error', (_name, env, message) => {
    expect(() => loadVaultSecrets(dir(), env)).toThrow(message);
  });
});
