import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { vaultContext } from './contexts';
import { createVault, envelopeKeyId, VaultError } from './vault';

const oldSecret = randomBytes(32);
const newSecret = randomBytes(32);
const context = vaultContext.credentialSecret('mbx_ava');

function reasonOf(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    if (error instanceof VaultError) return error.reason;
    throw error;
  }
  return 'opened';
}

/** Flips one bit of an envelope's part (2 iv, 3 tag, 4 ciphertext) and re-encodes it. */
function flipBit(envelope: string, part: number): string {
  const parts = envelope.split('.');
  const bytes = Buffer.from(parts[part]!, 'base64url');
  bytes[0] = bytes[0]! ^ 1;
  parts[part] = bytes.toString('base64url');
  return parts.join('.');
}

describe('vault', () => {
  it('round-trips a secret and never stores the plaintext', () => {
    const vault = createVault([newSecret]);
    const envelope = vault.seal('1.AQ-refresh-token', context);
    expect(envelope.startsWith(`v1.${vault.currentKeyId}.`)).toBe(true);
    expect(envelope).not.toContain('refresh-token');
    expect(vault.open(envelope, context)).toBe('1.AQ-refresh-token');
    expect(vault.isCurrent(envelope)).toBe(true);
  });

  it('seals the same secret differently each time (random IV)', () => {
    const vault = createVault([newSecret]);
    expect(vault.seal('same', context)).not.toBe(vault.seal('same', context));
  });

  it('opens envelopes of a previous key and reports them as not current', () => {
    const before = createVault([oldSecret]);
    const envelope = before.seal('old grant', context);
    const after = createVault([newSecret, oldSecret]);
    expect(after.currentKeyId).not.toBe(before.currentKeyId);
    expect(after.open(envelope, context)).toBe('old grant');
    expect(after.isCurrent(envelope)).toBe(false);
    expect(envelopeKeyId(envelope)).toBe(before.currentKeyId);
  });

  it('refuses an envelope whose key is no longer configured', () => {
    const envelope = createVault([oldSecret]).seal('old grant', context);
    expect(reasonOf(() => createVault([newSecret]).open(envelope, context))).toBe('unknown-key');
  });

  it.each([
    ['iv', 2],
    ['tag', 3],
    ['ciphertext', 4],
  ])('refuses a tampered %s', (_name, part) => {
    const vault = createVault([newSecret]);
    const envelope = vault.seal('a refresh token', context);
    expect(reasonOf(() => vault.open(flipBit(envelope, part), context))).toBe('tampered');
  });

  it("refuses an envelope moved to another row's context", () => {
    const vault = createVault([newSecret]);
    const avas = vault.seal('ava grant', vaultContext.credentialSecret('mbx_ava'));
    expect(reasonOf(() => vault.open(avas, vaultContext.credentialSecret('mbx_eli')))).toBe('tampered');
    expect(reasonOf(() => vault.open(avas, vaultContext.credentialAccessToken('mbx_ava')))).toBe('tampered');
  });

  it.each([
    ['empty', ''],
    ['plaintext', 'a-refresh-token'],
    ['other version', 'v2.0123456789abcdef.a.b.c'],
    ['short iv', 'v1.0123456789abcdef.AAAA.AAAAAAAAAAAAAAAAAAAAAA.AAAA'],
    ['bad key id', 'v1.KEY.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA.AAAA'],
  ])('refuses a malformed envelope (%s)', (_name, envelope) => {
    const vault = createVault([newSecret]);
    expect(reasonOf(() => vault.open(envelope, context))).toBe('malformed');
    expect(vault.isCurrent(envelope)).toBe(false);
  });

  it('derives the key id from the derived key, so one secret always has one id', () => {
    expect(createVault([newSecret]).currentKeyId).toBe(createVault([Buffer.from(newSecret)]).currentKeyId);
    expect(createVault([newSecret]).currentKeyId).toMatch(/^[0-9a-f]{16}$/);
  });

  it('refuses a secret shorter than 32 bytes', () => {
    expect(() => createVault([randomBytes(16)])).toThrow(/at least 32 bytes/);
  });
});
