import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Data at rest: the data directory holds every message body (PGlite) and the vault's secret, so it is
 * the owner's alone, as PostgreSQL insists of its own (`initdb` makes 0700, the postmaster refuses
 * more). PGlite writes its files through Emscripten, which ignores the process umask (initdb's 968
 * files come out 0666, files it rewrites 0644), so the server tightens them itself.
 */

export const DIR_MODE = 0o700;
export const FILE_MODE = 0o600;
/** Any bit for group or others. */
const OPEN_BITS = 0o077;

/** A data directory someone else could read or change: `start` refuses it, naming each path and the fix. */
export class DataDirOpenError extends Error {
  constructor(
    readonly dataDir: string,
    readonly problems: readonly string[],
  ) {
    super(
      `Sendwell will not start on ${dataDir}: other users can reach its data (message bodies, the secret key).\n` +
        `${problems.map((p) => `  - ${p}`).join('\n')}\n` +
        `fix: chmod -R go-rwx ${shellQuote(dataDir)}` +
        (problems.some((p) => p.includes(' belongs to uid '))
          ? ` && chown -R ${process.getuid?.()} ${shellQuote(dataDir)}`
          : ''),
    );
    this.name = 'DataDirOpenError';
  }
}

function shellQuote(path: string): string {
  return /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replaceAll("'", "'\\''")}'`;
}

const octal = (mode: number) => (mode & 0o777).toString(8).padStart(4, '0');

/** What is wrong with one path that must be the owner's alone (null: nothing). */
function problemOf(path: string, kind: 'directory' | 'file'): string | null {
  const stat = statSync(path);
  const uid = process.getuid?.();
  if (uid !== undefined && stat.uid !== uid)
    return `${kind} ${path} belongs to uid ${stat.uid}, not to uid ${uid} that runs Sendwell`;
  if (stat.mode & OPEN_BITS)
    return `${kind} ${path} is ${octal(stat.mode)}; it must be ${octal(kind === 'directory' ? DIR_MODE : FILE_MODE)}`;
  return null;
}

/**
 * Refuses (DataDirOpenError) a data directory, or its PGlite directory, that group or others may
 * enter, or a secret key file they may read. Directories decide who reaches the files inside, so a
 * PGlite file left 0644 inside a 0700 directory (a server killed before it tightened them) was never
 * reachable: `tightenDataDir` fixes those instead of refusing. A missing directory is fine (created 0700).
 */
export function assertPrivateDataDir(dataDir: string, paths: { pglite?: string; secretKey?: string }): void {
  if (!existsSync(dataDir)) return;
  const problems = [problemOf(dataDir, 'directory')];
  if (paths.pglite && existsSync(paths.pglite)) {
    problems.push(problemOf(paths.pglite, 'directory'));
    walk(paths.pglite, (path, isDir) => {
      if (isDir) problems.push(problemOf(path, 'directory'));
    });
  }
  if (paths.secretKey && existsSync(paths.secretKey)) problems.push(problemOf(paths.secretKey, 'file'));
  const found = problems.filter((p): p is string => p !== null);
  if (found.length) throw new DataDirOpenError(dataDir, found);
}

/** `sendwell doctor`'s view of the same rule: null when `start` would accept the directory, else why not. */
export function dataDirRefusal(
  dataDir: string,
  paths: { pglite?: string; secretKey?: string },
): DataDirOpenError | null {
  try {
    assertPrivateDataDir(dataDir, paths);
    return null;
  } catch (error) {
    if (error instanceof DataDirOpenError) return error;
    throw error;
  }
}

/** Creates `dir` (and missing parents) 0700, or closes an existing one to its owner. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: DIR_MODE });
  chmodSync(dir, DIR_MODE);
}

/** Directories 0700 and files 0600 under `dir` (and `dir` itself); symlinks are left alone. */
export function tightenDataDir(dir: string): void {
  if (!existsSync(dir)) return;
  chmodSync(dir, DIR_MODE);
  walk(dir, (path, isDir) => chmodIfThere(path, isDir ? DIR_MODE : FILE_MODE));
}

/** PGlite may remove a temporary file between the listing and the chmod: gone is private enough. */
function chmodIfThere(path: string, mode: number): void {
  try {
    chmodSync(path, mode);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

function walk(dir: string, visit: (path: string, isDir: boolean) => void): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isSymbolicLink() || lstatSync(path).isSymbolicLink()) continue;
    visit(path, entry.isDirectory());
    if (entry.isDirectory()) walk(path, visit);
  }
}
