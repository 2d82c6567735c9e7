/**
 * The benchmark corpus (bench-data/bounces in the repository, Sisimai's set-of-emails) as test tables, grouped
 * by the truth's decoder. Expectations come from truth.jsonl only; the engine never sees file names.
 * Floors are ratchets: raise them as the engine improves, never lower them to make a test pass.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBounce } from './engine';
import { scoreRow, strictRows, summarise, type TruthRow } from './scoring/score';
import { CORPUS_DIR as corpus, readTruthRows } from './test-corpus-dir';

// Throws (failing this file loudly) when the vendored corpus is missing.
const rows: TruthRow[] = strictRows(readTruthRows<TruthRow>());

const groups = new Map<string, TruthRow[]>();
for (const row of rows) {
  const name = row.decoder ?? '(none)';
  groups.set(name, [...(groups.get(name) ?? []), row]);
}
const read = (row: TruthRow) => parseBounce(readFileSync(join(corpus, row.file)));

/** Whole strict set: ratchet floors just under the figures the engine now holds (README). */
const OVERALL = {
  recall: 0.995,
  recipientsExact: 0.995,
  status: 0.995,
  hard: 0.986,
  reason: 0.973,
  messageId: 0.985,
};

const GROUP_FLOOR = 0.6;

describe('bounce corpus (strict set)', () => {
  it('holds the overall floors and calls no non-bounce a bounce', async () => {
    const scores = [];
    for (const row of rows) scores.push(scoreRow(row, await read(row)));
    const s = summarise(scores);
    expect(s.falsePositives).toEqual({});
    for (const [measure, floor] of Object.entries(OVERALL))
      expect.soft(s[measure as keyof typeof OVERALL], measure).toBeGreaterThanOrEqual(floor);
  });

  describe.each([...groups.entries()].sort((a, b) => b[1].length - a[1].length))('%s', (_decoder, group) => {
    const bounces = group.filter((r) => r.is_bounce);
    const others = group.filter((r) => !r.is_bounce);

    it.each(others.map((r) => [r.file, r] as const))('%s is not called a bounce', async (_file, row) => {
      const report = await read(row);
      expect(report.kind).not.toBe('bounce');
      const expectedKind = {
        delivered: 'delivered',
        vacation: 'auto-reply',
        feedback: 'feedback',
        not_bounce: 'not-bounce',
        bounce: 'bounce',
      }[row.kind];
      if (row.kind === 'not_bounce') expect(report.kind).toBe(expectedKind);
    });

    // Families with 3+ samples must be mostly read; smaller ones count only in the overall figures.
    it.runIf(bounces.length >= 3)(
      `reads at least ${GROUP_FLOOR * 100}% of its bounces with the right recipients`,
      async () => {
        const scores = [];
        for (const row of bounces) scores.push(scoreRow(row, await read(row)));
        const recipients = scores.filter((s) => s.recipientsExact).length / scores.length;
        expect(recipients).toBeGreaterThanOrEqual(GROUP_FLOOR);
      },
    );
  });
});
