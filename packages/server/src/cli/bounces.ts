/**
 * `sendwell bounces parse [--json] <file|dir>...` (contract: shared/design/architecture.md).
 * One JSON line per message, `file` first; directories are read recursively in name order. A file
 * that cannot be read is reported on stderr with the reason and the run goes on; the exit code is 1
 * when any failed, 2 for bad arguments.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { type BounceReport, parseBounce } from '@sendwell/core';

export interface BouncesIo {
  out(line: string): void;
  err(line: string): void;
  readFile(path: string): Promise<Uint8Array>;
  /** Files under a path: itself when it is a file, every file below it (sorted) when a directory. */
  listFiles(path: string): Promise<string[]>;
}

const USAGE = 'usage: sendwell bounces parse [--json] <file|dir>...\n';

export async function run(args: string[], io: BouncesIo = nodeIo()): Promise<number> {
  const [verb, ...rest] = args;
  const json = rest.includes('--json');
  const paths = rest.filter((a) => a !== '--json');
  if (verb !== 'parse' || !paths.length || paths.some((p) => p.startsWith('--'))) {
    io.err(USAGE);
    return 2;
  }
  let failed = false;
  const rows: { file: string; report: BounceReport }[] = [];
  for (const path of paths) {
    let files: string[];
    try {
      files = await io.listFiles(path);
    } catch (error) {
      io.err(`sendwell bounces: cannot read ${path}: ${reasonOf(error)}\n`);
      failed = true;
      continue;
    }
    for (const file of files) {
      try {
        const report = await parseBounce(await io.readFile(file));
        if (json) io.out(`${JSON.stringify(contractLine(file, report))}\n`);
        else rows.push({ file, report });
      } catch (error) {
        io.err(`sendwell bounces: cannot read ${file}: ${reasonOf(error)}\n`);
        failed = true;
      }
    }
  }
  if (!json) io.out(renderTable(rows));
  return failed ? 1 : 0;
}

/** Exactly the contract's keys, in the contract's order. */
export function contractLine(file: string, report: BounceReport) {
  return {
    file,
    kind: report.kind,
    recipients: report.recipients.map((r) => ({
      address: r.address,
      action: r.action,
      status: r.status,
      hard: r.hard,
      reason: r.reason,
      diagnostic: r.diagnostic,
    })),
    originalMessageId: report.originalMessageId,
  };
}

/** A readable table: one line per recipient (or per message when it has none). */
export function renderTable(rows: { file: string; report: BounceReport }[]): string {
  const head = ['file', 'kind', 'recipient', 'status', 'hard', 'reason', 'original message-id'];
  const body: string[][] = [];
  for (const { file, report } of rows) {
    const recipients = report.recipients.length ? report.recipients : [null];
    for (const r of recipients) {
      const hard = r?.hard === true ? 'hard' : r?.hard === false ? 'soft' : '-';
      const quota = report.quotaSignal ? ' (sending quota)' : '';
      body.push([
        file,
        report.kind + quota,
        r?.address ?? '-',
        r?.status ?? '-',
        hard,
        r?.reason ?? '-',
        report.originalMessageId ?? '-',
      ]);
    }
  }
  const widths = head.map((h, i) =>
    Math.min(60, Math.max(h.length, ...body.map((row) => (row[i] ?? '').length))),
  );
  const line = (cells: string[]) =>
    `${cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd()}\n`;
  return (
    [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('') +
    `${rows.length} message(s)\n`
  );
}

function reasonOf(error: unknown): string {
  const code = (error as { code?: string })?.code;
  const message = error instanceof Error ? error.message : String(error);
  return code ? `${code} (${message.replace(/^\w+: /, '')})` : message;
}

function nodeIo(): BouncesIo {
  return {
    out: (line) => process.stdout.write(line),
    err: (line) => process.stderr.write(line),
    readFile: async (path) => new Uint8Array(await readFile(path)),
    listFiles,
  };
}

async function listFiles(path: string): Promise<string[]> {
  const info = await stat(path);
  if (!info.isDirectory()) return [path];
  const entries = await readdir(path, { withFileTypes: true });
  const out: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(child)));
    else if (entry.isFile()) out.push(child);
  }
  return out;
}
