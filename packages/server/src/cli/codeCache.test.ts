import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cachePathFor, loadWithCodeCache } from './codeCache';

// A bundle the way scripts/build-server.mjs writes one: build-id line, then CommonJS.
const body = (answer: number) =>
  `const path = require('node:path');\nfunction add(a, b) { return a + b; }\n` +
  `module.exports = { answer: add(${answer}, 0), base: path.basename(__filename), dir: __dirname };\n`;
const bundleText = (id: string | null, answer = 42) =>
  `${id ? `// sendwell-build ${id}\n` : ''}${body(answer)}`;

describe('loadWithCodeCache', () => {
  let dir: string;
  let bundle: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sendwell-code-cache-'));
    bundle = join(dir, 'engine.cjs');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const load = () => loadWithCodeCache(pathToFileURL(bundle));
  const caches = () => readdirSync(dir).filter((name) => name.endsWith('.v8cache'));

  it('runs the bundle as a CommonJS module: require, module.exports, __filename and __dirname', () => {
    writeFileSync(bundle, bundleText('0123456789abcdef'));
    const { exports } = load();
    expect(exports).toEqual({ answer: 42, base: 'engine.cjs', dir });
  });

  it('finds no cache the first time, writes one, and V8 accepts it the next time', () => {
    writeFileSync(bundle, bundleText('0123456789abcdef'));
    const first = load();
    expect(first.cache).toBe('miss');
    expect(caches()).toEqual([]);
    expect(first.saveCache()).toBe(true);
    expect(caches()).toEqual(['engine.cjs.0123456789abcdef.v8cache']);
    const second = load();
    expect(second.cache).toBe('hit');
    expect(second.exports.answer).toBe(42);
  });

  it('a cache V8 refuses (damaged, or from another Node) is reported, and the bundle still runs', () => {
    writeFileSync(bundle, bundleText('0123456789abcdef'));
    const path = cachePathFor(bundle, readFileSync(bundle, 'utf8')) as string;
    writeFileSync(path, Buffer.from('not a V8 code cache at all, just bytes'));
    const loaded = load();
    expect(loaded.cache).toBe('rejected');
    expect(loaded.exports.answer).toBe(42);
    expect(loaded.saveCache()).toBe(true);
    expect(load().cache).toBe('hit');
  });

  it('a rebuilt bundle never reads the cache of the build before it', () => {
    writeFileSync(bundle, bundleText('0123456789abcdef', 42));
    load().saveCache();
    // Same length, other code: V8 alone would take the old bytecode (it checks the length only).
    writeFileSync(bundle, bundleText('fedcba9876543210', 43));
    const rebuilt = load();
    expect(rebuilt.cache).toBe('miss');
    expect(rebuilt.exports.answer).toBe(43);
  });

  it('a bundle without a build id runs without a cache and writes none', () => {
    writeFileSync(bundle, bundleText(null));
    const loaded = load();
    expect(loaded.cache).toBe('unversioned');
    expect(loaded.saveCache()).toBe(false);
    expect(caches()).toEqual([]);
  });

  it('a directory it cannot write to costs the cache, not the run', () => {
    writeFileSync(bundle, bundleText('0123456789abcdef'));
    const loaded = load();
    rmSync(dir, { recursive: true, force: true }); // the file is gone from under it: the write fails
    expect(loaded.saveCache()).toBe(false);
    expect(loaded.exports.answer).toBe(42);
  });
});

describe('loadWithCodeCache without reading the cache', () => {
  it('compiles from source and says so', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sendwell-code-cache-'));
    try {
      const bundle = join(dir, 'engine.cjs');
      writeFileSync(bundle, bundleText('0123456789abcdef'));
      loadWithCodeCache(pathToFileURL(bundle)).saveCache();
      const loaded = loadWithCodeCache(pathToFileURL(bundle), { readCache: false });
      expect(loaded.cache).toBe('off');
      expect(loaded.exports.answer).toBe(42);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
