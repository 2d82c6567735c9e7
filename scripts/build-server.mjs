#!/usr/bin/env node
// `node scripts/build-server.mjs` (part of `pnpm build`): bundles the `sendwell` CLI and the server
// into packages/server/dist/sendwell.mjs with esbuild, so a run starts without compiling TypeScript.
// One chunk per command (ESM splitting over main.ts's dynamic imports): `bounces` loads the bounce
// engine only, never Hono, PGlite or pg. The build writes dist/.build.json (every input file), which
// scripts/sendwell.mjs compares with the sources to rebuild a stale bundle.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SERVER = join(ROOT, 'packages', 'server');
export const SERVER_DIST = join(SERVER, 'dist');
export const BUNDLE = join(SERVER_DIST, 'sendwell.mjs');
export const BUILD_INFO = join(SERVER_DIST, '.build.json');
/** `bounces` as one CommonJS file, loaded with V8's code cache (src/cli/bouncesEngine.ts, codeCache.ts). */
export const BOUNCES_ENGINE = join(SERVER_DIST, 'bounces-engine.cjs');
/** Notices in the repository that the build runs through the engine once, to write its code cache. */
const PRIMING_NOTICES = join(ROOT, 'bench-data', 'notices');
const CORE_SRC = join(ROOT, 'packages', 'core', 'src') + sep;
const CLI_SRC = join(SERVER, 'src', 'cli') + sep;
const LOCK = join(ROOT, 'node_modules', '.cache', 'sendwell-server-build.lock');
/** Not inputs of the bundle, but a change to either may change it. */
const EXTRA_INPUTS = ['scripts/build-server.mjs', 'pnpm-lock.yaml'];
const STALE_OUTPUT_MS = 24 * 60 * 60_000;

/**
 * Kept as imports, resolved at run time from packages/server/dist (each is a dependency of
 * @sendwell/server, so packages/server/node_modules has it):
 * - PGlite finds its postgres.wasm / .data next to its own files;
 * - pg (CommonJS) is loaded only for a PostgreSQL URL, and its optional pg-native is a native addon.
 * Everything else is bundled: the workspace packages from TypeScript, and the pure-JS packages
 * (hono, zod, jose, nodemailer, smtp-server, postal-mime, papaparse, and @googleapis/gmail, which
 * only @sendwell/gmail depends on, so packages/server could not even resolve it).
 */
const EXTERNAL = ['@electric-sql/pglite', 'pg', 'pg-native'];

/** esbuild is pinned in the root package.json (the same version vite and tsx use). */
async function loadEsbuild() {
  return import('esbuild');
}

/**
 * Workspace code that finds files beside its own source (`new URL('./x.js', import.meta.url)`: the
 * sandbox's page scripts, the web and Outlook builds, brand assets) must keep finding them from
 * the bundle: `import.meta.url` in those files becomes the URL of the source file, relative to the
 * bundle (dist stays in packages/server, so the checkout's layout holds). The CLI's own modules
 * (src/cli/) keep the bundle's URL: they find what the build put beside it (the bounces worker).
 */
const sourceUrlPlugin = {
  name: 'source-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async ({ path }) => {
      if (path.includes(`${sep}node_modules${sep}`) || path.startsWith(CLI_SRC)) return undefined;
      const { readFile } = await import('node:fs/promises');
      const source = await readFile(path, 'utf8');
      if (/import\.meta\.(dirname|filename)|\b__dirname\b|\b__filename\b/.test(source))
        return { errors: [{ text: 'find files through import.meta.url: the bundle rewrites only that' }] };
      if (!source.includes('import.meta.url')) return { contents: source, loader: 'ts' };
      const fromDist = relative(SERVER_DIST, path).split(sep).join('/');
      const url = `new URL(${JSON.stringify(fromDist)}, import.meta.url).href`;
      return { contents: source.replaceAll('import.meta.url', url), loader: 'ts' };
    });
  },
};

/**
 * @sendwell/core is a pure domain (no module-level effects; index.ts re-exports every area): say so
 * to esbuild, so a command gets only the core modules it uses. Without it `bounces parse` would
 * also evaluate the throttle profiles, the voice catalogs and every zod schema at start-up.
 */
const pureCorePlugin = {
  name: 'pure-core',
  setup(build) {
    build.onResolve({ filter: /^(@sendwell\/core$|\.)/ }, async (args) => {
      if (args.pluginData === 'pure-core') return undefined;
      if (args.path.startsWith('.') && !args.importer.startsWith(CORE_SRC)) return undefined;
      const { path, errors } = await build.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: 'pure-core',
      });
      if (errors.length) return { errors };
      return path.startsWith(CORE_SRC) ? { path, sideEffects: false } : undefined;
    });
  },
};

/**
 * Outputs of earlier builds go once they are a day old: chunk names carry a content hash, and a
 * server started from an earlier build still imports its own chunks lazily (the bounce engine's
 * MIME parser, the database driver), so they must outlive the build that replaced them for a while.
 */
function removeStaleOutputs(kept, engineId) {
  const before = Date.now() - STALE_OUTPUT_MS;
  for (const name of readdirSync(SERVER_DIST)) {
    const path = join(SERVER_DIST, name);
    // Another build's code cache is never read again (its name carries that build's id).
    const otherCache = name.endsWith('.v8cache') && !name.includes(`.${engineId}.`);
    if (otherCache || (!kept.has(name) && statSync(path).mtimeMs < before))
      rmSync(path, { force: true, recursive: true });
  }
}

/** One build at a time (parallel `pnpm sendwell` runs on a stale checkout): a lock directory. */
async function withLock(work) {
  mkdirSync(dirname(LOCK), { recursive: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const age = Date.now() - statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs;
      if (age > 120_000) rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`another server build holds ${LOCK}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/**
 * `bounces-engine.cjs`: src/cli/bounces.ts and the bounce engine, CommonJS so that `vm.Script` can
 * load it with a code cache (Node 20 caches no ES module's bytecode). Its first line is the build id
 * the cache file is named after: a hash of the bundle, so a changed bundle never reads another's cache.
 */
async function buildBouncesEngine(esbuild) {
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: [join(SERVER, 'src', 'cli', 'bounces.ts')],
    outfile: BOUNCES_ENGINE,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: EXTERNAL,
    // bouncesPool.ts finds the worker script beside the bundle through import.meta.url.
    define: { 'import.meta.url': '__sendwellBundleUrl' },
    banner: { js: "var __sendwellBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
    plugins: [pureCorePlugin, sourceUrlPlugin],
    metafile: true,
    write: false,
    logLevel: 'warning',
  });
  const [file] = result.outputFiles;
  const id = createHash('sha256').update(file.contents).digest('hex').slice(0, 16);
  const contents = Buffer.concat([Buffer.from(`// sendwell-build ${id}\n`), file.contents]);
  return { result, id, file: { path: file.path, contents } };
}

/**
 * Runs the new bundle once over the repository's own notices so that the first `bounces parse` a
 * user runs already finds a code cache (bench-data/notices, not the benchmark corpus). A checkout
 * without them gets its cache from its first run instead.
 */
function primeBouncesCodeCache() {
  if (!existsSync(PRIMING_NOTICES)) return;
  spawnSync(process.execPath, [BUNDLE, 'bounces', 'parse', '--json', PRIMING_NOTICES], {
    stdio: 'ignore',
    env: { ...process.env, SENDWELL_BOUNCE_THREADS: '1' },
  });
}

/**
 * Builds dist/. Each file is written beside its final name and renamed into place, the entry last
 * and .build.json after it: a process that starts meanwhile sees the old build or the new one.
 * `ifStale` (the launcher's case) re-checks under the lock, so a build another process just
 * finished is not repeated.
 */
export async function buildServer({ ifStale } = {}) {
  return withLock(async () => {
    if (ifStale && !ifStale()) return null;
    const esbuild = await loadEsbuild();
    const startedAt = Date.now(); // a source saved during the build is newer than the build
    const result = await esbuild.build({
      absWorkingDir: ROOT,
      entryPoints: {
        sendwell: join(SERVER, 'src', 'cli', 'main.ts'),
        // `bounces parse` starts it beside the bundle (src/cli/bouncesPool.ts).
        'bounces-worker': join(SERVER, 'src', 'cli', 'bouncesWorker.ts'),
      },
      outdir: SERVER_DIST,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      outExtension: { '.js': '.mjs' },
      chunkNames: '[name]-[hash]',
      sourcemap: true,
      legalComments: 'linked',
      external: EXTERNAL,
      // Bundled CommonJS calls require() for Node's built-ins: give each ESM chunk a real one.
      banner: {
        js: "import { createRequire as __sendwellRequire } from 'node:module';\nconst require = __sendwellRequire(import.meta.url);",
      },
      plugins: [pureCorePlugin, sourceUrlPlugin],
      metafile: true,
      write: false,
      logLevel: 'warning',
    });
    const engine = await buildBouncesEngine(esbuild);
    mkdirSync(SERVER_DIST, { recursive: true });
    const files = [engine.file, ...result.outputFiles].sort(
      (a, b) => Number(a.path === BUNDLE) - Number(b.path === BUNDLE),
    );
    for (const file of files) {
      const temporary = `${file.path}.${process.pid}.tmp`;
      writeFileSync(temporary, file.contents);
      renameSync(temporary, file.path);
    }
    const inputs = [
      ...new Set([...Object.keys(result.metafile.inputs), ...Object.keys(engine.result.metafile.inputs)]),
      ...EXTRA_INPUTS,
    ].filter((input) => !input.includes('node_modules/'));
    writeFileSync(`${BUILD_INFO}.tmp`, JSON.stringify({ startedAt, inputs }));
    renameSync(`${BUILD_INFO}.tmp`, BUILD_INFO);
    removeStaleOutputs(
      new Set([...files.map((f) => relative(SERVER_DIST, f.path)), '.build.json']),
      engine.id,
    );
    primeBouncesCodeCache();
    return result;
  });
}

function report(result) {
  const outputs = Object.entries(result.metafile.outputs).filter(([path]) => !path.endsWith('.map'));
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`.padStart(10);
  let total = 0;
  for (const [path, output] of outputs.sort((a, b) => b[1].bytes - a[1].bytes)) {
    total += output.bytes;
    if (output.bytes > 20_000 || output.entryPoint)
      console.log(`${kb(output.bytes)}  ${relative(ROOT, path)}`);
  }
  console.log(`${kb(total)}  in ${outputs.length} files (packages/server/dist)`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = performance.now();
  const result = await buildServer();
  report(result);
  // `--analyze`: what each output is made of, biggest inputs first.
  if (process.argv.includes('--analyze'))
    console.log(await (await loadEsbuild()).analyzeMetafile(result.metafile, { verbose: false }));
  console.log(`server built in ${Math.round(performance.now() - started)} ms`);
}
