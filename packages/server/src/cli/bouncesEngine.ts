/**
 * Where `bounces` comes from. Built, it is dist/bounces-engine.cjs, a CommonJS bundle of the command
 * and the engine (scripts/build-server.mjs) loaded with V8's code cache (codeCache.ts): a run over a
 * few hundred notices spends a tenth of its time compiling otherwise. From TypeScript (tsx), the
 * module itself.
 */
import { existsSync } from 'node:fs';
import { loadWithCodeCache } from './codeCache';

type BouncesModule = typeof import('./bounces');

/** The built engine bundle beside this one, or null when running from TypeScript or it is missing. */
export function engineBundle(): URL | null {
  if (import.meta.url.endsWith('.ts')) return null;
  const bundle = new URL('./bounces-engine.cjs', import.meta.url);
  return existsSync(bundle) ? bundle : null;
}

/** The command module; `saveOnExit` (the main thread) writes the code cache a run did not find. */
export async function loadBounces({ saveOnExit = false } = {}): Promise<BouncesModule> {
  const bundle = engineBundle();
  if (!bundle) return import('./bounces');
  // SENDWELL_CODE_CACHE=off: compile everything as if there were no cache (`pnpm bench:cli` compares).
  const loaded = loadWithCodeCache(bundle, { readCache: process.env.SENDWELL_CODE_CACHE !== 'off' });
  // Written at exit, once the run has compiled what it needed: a new Node version (V8 refuses the
  // old cache) or a deleted file costs one slower run.
  if (saveOnExit && (loaded.cache === 'miss' || loaded.cache === 'rejected'))
    process.once('exit', loaded.saveCache);
  return loaded.exports as unknown as BouncesModule;
}
