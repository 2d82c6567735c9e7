import { createHash, createHmac } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { secretKeyFile } from '../config/config';
import type { Db } from '../store/db';

/**
 * A Sendwell backup of a PGlite store: one line naming the format, one JSON header line, then the
 * PGlite data directory as PGlite's own gzipped tar. The header carries the vault's key file when
 * the data directory has one (without it the sealed credentials could never be opened again), so a
 * backup is exactly as secret as the data directory itself: it is written 0600.
 */
const MAGIC = 'sendwell-backup 1\n';

const headerSchema = z.object({
  engine: z.literal('pglite'),
  createdAt: z.iso.datetime(),
  /** The data directory's `secret.key`, or null when the server ran with SENDWELL_SECRET. */
  secretKey: z.string().min(1).nullable(),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export type BackupHeader = z.infer<typeof headerSchema>;

export class BackupFileError extends Error {
  override name = 'BackupFileError';
}

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

export function encodeBackup(snapshot: Uint8Array, secretKey: string | null, now: Date): Buffer {
  const header: BackupHeader = {
    engine: 'pglite',
    createdAt: now.toISOString(),
    secretKey,
    bytes: snapshot.length,
    sha256: sha256(snapshot),
  };
  return Buffer.concat([Buffer.from(`${MAGIC}${JSON.stringify(header)}\n`), snapshot]);
}

/** A backup of a PGlite store and the data directory's key file (the server's or the CLI's). */
export async function backupOf(db: Db, dataDir: string, now: Date): Promise<Buffer> {
  if (!db.snapshot) throw new BackupFileError('Only a PGlite store is backed up this way: use pg_dump.');
  const keyFile = secretKeyFile(dataDir);
  const secretKey = existsSync(keyFile) ? readFileSync(keyFile, 'utf8').trim() : null;
  return encodeBackup(await db.snapshot(), secretKey, now);
}

/** The header and the snapshot, after checking the format, the length and the checksum. */
export function decodeBackup(file: Buffer): { header: BackupHeader; snapshot: Uint8Array } {
  if (!file.subarray(0, MAGIC.length).equals(Buffer.from(MAGIC)))
    throw new BackupFileError('This is not a Sendwell backup (made by `sendwell backup`).');
  const end = file.indexOf(0x0a, MAGIC.length);
  let json: unknown = null;
  try {
    json = JSON.parse(file.subarray(MAGIC.length, end).toString('utf8'));
  } catch {}
  const parsed = headerSchema.safeParse(json);
  if (end < 0 || !parsed.success) throw new BackupFileError('The backup header is damaged.');
  const snapshot = new Uint8Array(file.subarray(end + 1));
  if (snapshot.length !== parsed.data.bytes || sha256(snapshot) !== parsed.data.sha256)
    throw new BackupFileError('The backup is truncated or damaged (its checksum does not match).');
  return { header: parsed.data, snapshot };
}

/**
 * The bearer the CLI shows the running server's backup route: derived from the server secret, so
 * only someone who can read the data directory (or holds SENDWELL_SECRET) can ask for a copy.
 */
export function localBackupToken(secret: Buffer): string {
  return createHmac('sha256', secret).update('sendwell local backup').digest('base64url');
}
