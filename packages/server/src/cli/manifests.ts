/**
 * `sendwell manifests build --base-url URL --out DIR [--production | --development]` writes the
 * Outlook XML and unified JSON manifests and the Gmail deployment.json for one environment, then
 * checks them; `sendwell manifests check DIR` checks a directory offline (exit 1 on problems).
 * Bad arguments exit 2.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  APP_PACKAGE_ICONS,
  type CheckResult,
  checkManifestFiles,
  checkManifests,
  renderManifests,
  SHARED_ASSETS_DIR,
} from '@sendwell/manifests';

export type ManifestsCommand =
  | { kind: 'build'; baseUrl: string; out: string; production?: boolean }
  | { kind: 'check'; dir: string };

export type ParseResult = { ok: true; command: ManifestsCommand } | { ok: false; error: string };

const USAGE = `usage: sendwell manifests build --base-url URL --out DIR [--production | --development]
       sendwell manifests check DIR`;

export function parseManifestsArgs(args: string[]): ParseResult {
  const [sub, ...rest] = args;
  try {
    if (sub === 'build') return parseBuild(rest);
    if (sub === 'check') {
      const { positionals } = parseArgs({ args: rest, options: {}, strict: true, allowPositionals: true });
      if (positionals.length !== 1) return { ok: false, error: 'check takes exactly one directory' };
      return { ok: true, command: { kind: 'check', dir: positionals[0]! } };
    }
    return { ok: false, error: sub ? `unknown manifests command: ${sub}` : 'missing manifests command' };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

function parseBuild(args: string[]): ParseResult {
  const { values } = parseArgs({
    args,
    strict: true,
    allowPositionals: false,
    options: {
      'base-url': { type: 'string' },
      out: { type: 'string' },
      production: { type: 'boolean' },
      development: { type: 'boolean' },
    },
  });
  const baseUrl = values['base-url'];
  if (!baseUrl) return { ok: false, error: '--base-url is required' };
  if (!values.out) return { ok: false, error: '--out is required' };
  if (values.production && values.development)
    return { ok: false, error: '--production and --development exclude each other' };
  if (!URL.canParse(baseUrl) || !/^https?:$/.test(new URL(baseUrl).protocol)) {
    return { ok: false, error: `--base-url must be an http(s) URL, got "${baseUrl}"` };
  }
  const production = values.production ? true : values.development ? false : undefined;
  return {
    ok: true,
    command: { kind: 'build', baseUrl, out: values.out, ...(production === undefined ? {} : { production }) },
  };
}

export interface Io {
  out(line: string): void;
  err(line: string): void;
}

const processIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

export async function run(args: string[], io: Io = processIo): Promise<number> {
  const parsed = parseManifestsArgs(args);
  if (!parsed.ok) {
    io.err(`sendwell manifests: ${parsed.error}\n${USAGE}`);
    return 2;
  }
  const { command } = parsed;
  if (command.kind === 'check') return report(checkManifests(command.dir), command.dir, io);
  const files = renderManifests({ baseUrl: command.baseUrl, production: command.production });
  for (const [file, text] of Object.entries(files)) {
    const path = join(command.out, file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    io.out(`wrote ${path}`);
  }
  // The unified manifest's app package is a zip of manifest.json with these two icons beside it.
  for (const icon of APP_PACKAGE_ICONS) {
    const path = join(command.out, 'outlook', icon);
    copyFileSync(join(SHARED_ASSETS_DIR, icon), path);
    io.out(`wrote ${path}`);
  }
  return report(checkManifestFiles(files), command.out, io);
}

function report(result: CheckResult, dir: string, io: Io): number {
  for (const problem of result.problems) io.err(`${join(dir, problem.file)}: ${problem.message}`);
  if (result.ok) {
    io.out(`${dir}: manifests pass the offline checks`);
    return 0;
  }
  io.err(`${result.problems.length} problem(s)`);
  return 1;
}
