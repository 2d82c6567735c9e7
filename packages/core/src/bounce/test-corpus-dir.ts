/**
 * Test and bench support: where the bounce corpus lives. It is vendored in the repository
 * (`bench-data/bounces`, Sisimai's set-of-emails, BSD-2 — its LICENSE and README sit beside it), so
 * a bare clone runs every corpus test; `SENDWELL_BOUNCE_CORPUS` points at another copy. A missing
 * corpus is an error, never an empty table: a test file that silently finds no cases hides a broken
 * checkout.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CORPUS_DIR =
  process.env.SENDWELL_BOUNCE_CORPUS ??
  fileURLToPath(new URL('../../../../bench-data/bounces', import.meta.url));

/** The truth table's lines, parsed; throws with the path when the corpus is not there. */
export function readTruthRows<T>(dir: string = CORPUS_DIR): T[] {
  const file = join(dir, 'truth.jsonl');
  if (!existsSync(file))
    throw new Error(
      `Bounce corpus missing: ${file} does not exist. It ships in the repository at bench-data/bounces; ` +
        'set SENDWELL_BOUNCE_CORPUS to use another copy.',
    );
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as T);
}
