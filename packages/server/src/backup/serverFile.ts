import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * `<data dir>/server.json` while a server runs on a PGlite data directory: PGlite is one process,
 * so `sendwell backup` asks that server for the copy, and `sendwell restore` refuses to write under it.
 */
const fileSchema = z.object({ pid: z.number().int().positive(), url: z.url() });

export type RunningServer = z.infer<typeof fileSchema>;

const fileOf = (dataDir: string) => join(dataDir, 'server.json');

export function writeServerFile(dataDir: string, server: RunningServer): void {
  writeFileSync(fileOf(dataDir), JSON.stringify(server), { mode: 0o600 });
}

/** Only this process's own file: a second server that failed to start must not remove the first's. */
export function removeServerFile(dataDir: string, pid: number): void {
  if (runningServer(dataDir)?.pid === pid) rmSync(fileOf(dataDir), { force: true });
}

/** The server running on `dataDir`, if any (a file left by a killed server is ignored). */
export function runningServer(dataDir: string): RunningServer | null {
  if (!existsSync(fileOf(dataDir))) return null;
  let parsed: ReturnType<typeof fileSchema.safeParse>;
  try {
    parsed = fileSchema.safeParse(JSON.parse(readFileSync(fileOf(dataDir), 'utf8')));
  } catch {
    return null;
  }
  if (!parsed.success || !alive(parsed.data.pid)) return null;
  return parsed.data;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
