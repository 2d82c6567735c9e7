/**
 * Loads a built CommonJS bundle with V8's code cache: the bytecode of every function an earlier run
 * compiled is read back from a file beside the bundle instead of being parsed and compiled again.
 * Node 20 has no module compile cache (`module.enableCompileCache` came in Node 22), so `bounces
 * parse`, a short run that executes a few thousand functions once, does it here with `vm.Script`.
 *
 * The cache file is named after the bundle's build id (its first line, `// sendwell-build <id>`,
 * written by scripts/build-server.mjs): V8 itself checks only the source's length, the V8 version
 * and the flags, so a rebuilt bundle must never meet the bytecode of an earlier one.
 */
import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

/**
 * What became of the cache: used, absent, refused by V8 (another Node or other flags), no build id,
 * or not read (`off`: `pnpm bench:cli` measures the run without it).
 */
type CodeCacheState = 'hit' | 'miss' | 'rejected' | 'unversioned' | 'off';

export interface LoadedBundle {
  exports: Record<string, unknown>;
  cache: CodeCacheState;
  /**
   * Writes the cache: the bytecode of every function compiled so far, so call it after the work (at
   * exit). False when the bundle has no build id or the file cannot be written.
   */
  saveCache(): boolean;
}

const BUILD_ID = /^\/\/ sendwell-build ([0-9a-f]{8,64})\n/;

/** `dist/x.cjs` with build id `abc` caches into `dist/x.cjs.abc.v8cache`. */
export function cachePathFor(bundle: string, source: string): string | null {
  const id = BUILD_ID.exec(source)?.[1];
  return id ? `${bundle}.${id}.v8cache` : null;
}

function readCache(path: string | null): Buffer | undefined {
  if (!path) return undefined;
  try {
    return readFileSync(path);
  } catch {
    return undefined; // not written yet, or unreadable: compile as if there were none
  }
}

/** Evaluates the bundle as Node would a CommonJS module, with its code cache when there is one. */
export function loadWithCodeCache(bundleUrl: URL, { readCache: useCache = true } = {}): LoadedBundle {
  const filename = fileURLToPath(bundleUrl);
  const source = readFileSync(filename, 'utf8');
  const cachePath = cachePathFor(filename, source);
  const cachedData = useCache ? readCache(cachePath) : undefined;
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename,
    cachedData,
  });
  const cache: CodeCacheState = !cachePath
    ? 'unversioned'
    : !useCache
      ? 'off'
      : !cachedData
        ? 'miss'
        : script.cachedDataRejected
          ? 'rejected'
          : 'hit';
  const module = { exports: {} as Record<string, unknown> };
  script.runInThisContext()(module.exports, createRequire(filename), module, filename, dirname(filename));
  const saveCache = () => (cachePath ? writeAtomically(cachePath, script.createCachedData()) : false);
  return { exports: module.exports, cache, saveCache };
}

/** Beside its final name, then renamed: a run starting meanwhile reads the old file or the new one. */
function writeAtomically(path: string, data: Buffer): boolean {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, path);
    return true;
  } catch {
    // A read-only checkout runs without a cache; nothing is lost but the speed.
    try {
      unlinkSync(temporary);
    } catch {}
    return false;
  }
}
