#!/usr/bin/env node
// `pnpm sendwell ...`: runs the built CLI (packages/server/dist/sendwell.mjs) in this process. A
// fresh clone, or sources changed since the last build, get a build first (scripts/build-server.mjs):
// the check stats the files the last build read (dist/.build.json), a few milliseconds.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'packages', 'server', 'dist');
const BUNDLE = join(DIST, 'sendwell.mjs');
const BUILD_INFO = join(DIST, '.build.json');

/** True when there is no complete build, or a file it was built from changed after it. */
function isStale() {
  let build;
  try {
    build = JSON.parse(readFileSync(BUILD_INFO, 'utf8'));
  } catch {
    return true;
  }
  if (typeof build.startedAt !== 'number' || !statSync(BUNDLE, { throwIfNoEntry: false })) return true;
  const root = `${ROOT}/`; // inputs are relative with '/': plain concatenation is the cheap join
  for (const input of build.inputs) {
    const changed = statSync(root + input, { throwIfNoEntry: false })?.mtimeMs;
    if (changed === undefined || changed > build.startedAt) return true;
  }
  return false;
}

if (isStale()) {
  process.stderr.write('sendwell: building the server (packages/server/dist)...\n');
  const { buildServer } = await import('./build-server.mjs');
  try {
    await buildServer({ ifStale: isStale });
  } catch (error) {
    // esbuild has printed the details above (a TypeScript syntax error, an import that does not resolve).
    process.stderr.write(`sendwell: the server build failed: ${error.message}\n`);
    process.exit(1);
  }
}
await import(pathToFileURL(BUNDLE).href);
