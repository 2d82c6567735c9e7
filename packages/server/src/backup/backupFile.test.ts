import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BackupFileError, decodeBackup, encodeBackup, localBackupToken } from './backupFile';

const NOW = new Date('2026-12-05T10:00:00Z');

describe('the backup file', () => {
  it('reads back what was written: the snapshot and the key', () => {
    const snapshot = randomBytes(1000);
    const { header, snapshot: read } = decodeBackup(encodeBackup(snapshot, 'a2V5', NOW));
    expect(Buffer.from(read).equals(snapshot)).toBe(true);
    expect(header).toMatchObject({ engine: 'pglite', secretKey: 'a2V5', createdAt: NOW.toISOString() });
  });

  it.each([
    ['another file', () => Buffer.from('PK\u0003\u0004 a zip'), /not a Sendwell backup/],
    ['a damaged header', () => Buffer.from('sendwell-backup 1\n{"engine":"pglite"}\n'), /header is damaged/],
    ['a cut-off file', () => encodeBackup(randomBytes(100), null, NOW).subarray(0, -1), /truncated/],
    [
      'a changed byte',
      () => {
        const file = encodeBackup(randomBytes(100), null, NOW);
        file[file.length - 1]! ^= 1;
        return file;
      },
      /checksum/,
    ],
  ])('refuses %s', (_, make, message) => {
    expect(() => decodeBackup(make())).toThrow(BackupFileError);
    expect(() => decodeBackup(make())).toThrow(message);
  });

  it('derives the local bearer from the server secret, one per secret', () => {
    const secret = randomBytes(32);
    expect(localBackupToken(secret)).toBe(localBackupToken(Buffer.from(secret)));
    expect(localBackupToken(secret)).not.toBe(localBackupToken(randomBytes(32)));
  });
});
