import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { corpusCases } from './decoders/lhost/test-corpus';
import { CORPUS_DIR, readTruthRows } from './test-corpus-dir';

const REPO = resolve(fileURLToPath(new URL('../../../..', import.meta.url)));

// A bare `git clone` must run every corpus test: the corpus lives in the repository, and a missing
// one fails loudly instead of leaving test files with no cases.
describe('the vendored bounce corpus', () => {
  it.skipIf(Boolean(process.env.SENDWELL_BOUNCE_CORPUS))('is read from inside the repository', () => {
    expect(relative(REPO, CORPUS_DIR).startsWith('..')).toBe(false);
    expect(existsSync(join(CORPUS_DIR, 'truth.jsonl'))).toBe(true);
  });

  it('keeps its licence and README beside the data', () => {
    expect(existsSync(join(CORPUS_DIR, 'LICENSE'))).toBe(true);
    expect(existsSync(join(CORPUS_DIR, 'README.md'))).toBe(true);
  });

  it('throws with the path when the corpus is missing', () => {
    const empty = mkdtempSync(join(tmpdir(), 'sendwell-no-corpus-'));
    expect(() => readTruthRows(empty)).toThrow(join(empty, 'truth.jsonl'));
  });

  it('refuses a decoder family with no rows instead of an empty table', () => {
    expect(() => corpusCases(['NoSuchDecoder'])).toThrow(/No corpus rows for NoSuchDecoder/);
  });
});
