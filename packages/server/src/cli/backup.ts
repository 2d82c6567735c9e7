import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { BackupFileError, backupOf, decodeBackup, localBackupToken } from '../backup/backupFile';
import { runningServer } from '../backup/serverFile';
import { loadConfig, loadSecret, secretKeyFile } from '../config/config';
import { openPglite } from '../store/pglite';
import { parseArgs, stringFlag, type UsageError } from './args';

const USAGE = `usage: sendwell backup --out FILE [--data-dir DIR]
       sendwell restore FILE [--data-dir DIR] [--force]
PostgreSQL (DATABASE_URL): use pg_dump / pg_restore, see docs/operations/backup.md`;

const POSTGRES =
  'This Sendwell stores its data in PostgreSQL (DATABASE_URL): back it up with `pg_dump -Fc` and restore with `pg_restore` (docs/operations/backup.md).';

/** A refusal the operator can act on: printed without a stack, exit code 2. */
class RefusedError extends Error {
  override name = 'RefusedError';
}

function parse(args: string[]) {
  try {
    return parseArgs(args, ['force']);
  } catch (error) {
    throw new RefusedError(`${(error as UsageError).message}\n${USAGE}`);
  }
}

const pgliteDir = (dataDir: string) => join(dataDir, 'pglite');

/** The bearer for the running server, without creating a key file the server never had. */
function bearerFor(dataDir: string): string {
  if (!process.env.SENDWELL_SECRET && !existsSync(secretKeyFile(dataDir)))
    throw new RefusedError(
      `${secretKeyFile(dataDir)} is missing: run backup with the server's SENDWELL_SECRET set.`,
    );
  return localBackupToken(loadSecret(dataDir));
}

async function fromServer(url: string, dataDir: string): Promise<Buffer> {
  let response: Response;
  try {
    response = await fetch(`${url}/_local/backup`, {
      method: 'POST',
      headers: { authorization: `Bearer ${bearerFor(dataDir)}` },
    });
  } catch (error) {
    throw new RefusedError(`The running server at ${url} did not answer: ${(error as Error).message}`);
  }
  if (!response.ok) throw new RefusedError(`The running server refused the backup: ${await response.text()}`);
  return Buffer.from(await response.arrayBuffer());
}

/** The copy: from the running server when there is one (PGlite is one process), else from the files. */
async function snapshotOf(dataDir: string): Promise<Buffer> {
  const server = runningServer(dataDir);
  if (server) return fromServer(server.url, dataDir);
  if (!existsSync(pgliteDir(dataDir))) throw new RefusedError(`No Sendwell data in ${dataDir}.`);
  const db = await openPglite(pgliteDir(dataDir));
  try {
    return await backupOf(db, dataDir, new Date());
  } finally {
    await db.close();
  }
}

async function backup(args: string[]): Promise<string> {
  const parsed = parse(args);
  const out = stringFlag(parsed, 'out');
  if (!out) throw new RefusedError(`--out FILE is required\n${USAGE}`);
  const config = loadConfig({ dataDir: stringFlag(parsed, 'data-dir') });
  if (config.databaseUrl) throw new RefusedError(POSTGRES);
  const refuseExisting = () => new RefusedError(`${out} exists: a backup never overwrites a file.`);
  if (existsSync(out)) throw refuseExisting();
  const file = await snapshotOf(config.dataDir);
  // Checked before it is written: a damaged copy must not pass for a backup.
  const { header } = decodeBackup(file);
  try {
    // 'wx': never overwrite an earlier backup; 0600: the file holds the vault key.
    writeFileSync(out, file, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw refuseExisting();
    throw new RefusedError(`Cannot write ${out}: ${(error as Error).message}`);
  }
  const key = header.secretKey
    ? 'with the vault key'
    : 'without a vault key: the server runs with SENDWELL_SECRET, keep it with the backup';
  return `Backed up ${config.dataDir} to ${out} (${file.length} bytes, ${key}).\n`;
}

const holdsStore = (dir: string) => existsSync(dir) && readdirSync(dir).length > 0;

/** Refuses, before anything is written, what restore would otherwise replace without --force. */
function checkRoom(dataDir: string, secretKey: string | null, force: boolean): void {
  if (force) return;
  if (holdsStore(pgliteDir(dataDir)))
    throw new RefusedError(
      `${pgliteDir(dataDir)} already holds a store; add --force to set it aside and restore.`,
    );
  const keyFile = secretKeyFile(dataDir);
  if (secretKey !== null && existsSync(keyFile) && readFileSync(keyFile, 'utf8').trim() !== secretKey)
    throw new RefusedError(`${keyFile} holds another key; add --force to set it aside and restore.`);
}

/** Renames (never deletes) what the restore replaces. */
function setAside(path: string, stamp: number): void {
  if (existsSync(path)) renameSync(path, `${path}.before-restore-${stamp}`);
}

function installKey(dataDir: string, secretKey: string, stamp: number): void {
  const keyFile = secretKeyFile(dataDir);
  if (existsSync(keyFile) && readFileSync(keyFile, 'utf8').trim() === secretKey) return;
  setAside(keyFile, stamp);
  writeFileSync(keyFile, secretKey, { mode: 0o600 });
}

/** Unpacks the snapshot into `dir` and opens it once: a copy PGlite cannot open is not installed. */
async function unpack(dir: string, snapshot: Uint8Array): Promise<number> {
  try {
    const db = await openPglite(dir, snapshot);
    const [row] = await db.query<{ n: number }>('select count(*)::int as n from schema_migrations');
    await db.close();
    return row?.n ?? 0;
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new RefusedError(`The backup does not open as a store: ${(error as Error).message}`);
  }
}

async function restore(args: string[]): Promise<string> {
  const parsed = parse(args);
  const from = parsed.positionals[0];
  if (!from) throw new RefusedError(`Name the backup file.\n${USAGE}`);
  if (!existsSync(from)) throw new RefusedError(`${from} does not exist.`);
  const config = loadConfig({ dataDir: stringFlag(parsed, 'data-dir') });
  if (config.databaseUrl) throw new RefusedError(POSTGRES);
  const { dataDir } = config;
  const server = runningServer(dataDir);
  if (server)
    throw new RefusedError(`A Sendwell server (pid ${server.pid}) is running on ${dataDir}: stop it first.`);
  const { header, snapshot } = decodeBackup(readFileSync(from));
  checkRoom(dataDir, header.secretKey, parsed.flags.has('force'));
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const stamp = Date.now();
  const staging = `${pgliteDir(dataDir)}.restoring-${stamp}`;
  const migrations = await unpack(staging, snapshot);
  const target = pgliteDir(dataDir);
  if (holdsStore(target)) setAside(target, stamp);
  else if (existsSync(target)) rmdirSync(target);
  renameSync(staging, target);
  if (header.secretKey !== null) installKey(dataDir, header.secretKey, stamp);
  return `Restored ${from} (made ${header.createdAt}) into ${dataDir}: ${migrations} migrations applied; \`sendwell start\` applies any newer ones.\n`;
}

async function refusing(work: () => Promise<string>): Promise<number> {
  try {
    process.stdout.write(await work());
    return 0;
  } catch (error) {
    if (!(error instanceof RefusedError || error instanceof BackupFileError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
}

/** `sendwell backup --out FILE [--data-dir DIR]`. */
export const run = (args: string[]) => refusing(() => backup(args));
/** `sendwell restore FILE [--data-dir DIR] [--force]`. */
export const runRestore = (args: string[]) => refusing(() => restore(args));
