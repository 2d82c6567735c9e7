/**
 * Our own generalisation set (bench-data/notices): notices from real MTAs on loopback and notices
 * written from vendors' documentation, in six languages. Expectations come from how each notice was
 * produced (the lab's scenario) or what it says; the engine never sees file names. The floors are the
 * issue's targets for mail the engine was not shaped on; raise them, never lower them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBounce } from './engine';
import { scoreRow, summarise } from './scoring/score';
import { NOTICES_DIR, type NoticeRow, readNoticeRows } from './test-notices-dir';

const rows = readNoticeRows();
const read = (row: NoticeRow) => parseBounce(readFileSync(join(NOTICES_DIR, row.file)));

const FLOORS = { recall: 0.99, reason: 0.92, hard: 0.95, status: 0.9, recipientsExact: 0.9, action: 0.95 };
const NON_BOUNCE_KIND = { delivered: 'delivered', vacation: 'auto-reply', feedback: 'feedback' } as const;

describe('generalisation set (bench-data/notices)', () => {
  it('has at least 150 notices, real ones from at least 4 MTAs', () => {
    expect(rows.length).toBeGreaterThanOrEqual(150);
    const mtas = new Set(rows.filter((r) => r.family.startsWith('mta/')).map((r) => r.family));
    expect(mtas.size).toBeGreaterThanOrEqual(4);
  });

  it('holds the targets over the whole set', async () => {
    const scores = [];
    for (const row of rows) scores.push(scoreRow(row, await read(row)));
    const s = summarise(scores);
    expect(s.falsePositives).toEqual({});
    for (const [measure, floor] of Object.entries(FLOORS))
      expect.soft(s[measure as keyof typeof FLOORS], measure).toBeGreaterThanOrEqual(floor);
  });

  const others = rows.filter((r) => !r.is_bounce);
  it.each(others.map((r) => [r.file, r] as const))('%s is not called a bounce', async (_file, row) => {
    const report = await read(row);
    expect(report.kind).not.toBe('bounce');
    if (row.kind in NON_BOUNCE_KIND)
      expect(report.kind).toBe(NON_BOUNCE_KIND[row.kind as keyof typeof NON_BOUNCE_KIND]);
  });

  const bounces = rows.filter((r) => r.is_bounce);
  it.each(bounces.map((r) => [r.file, r] as const))('%s is read as a bounce', async (_file, row) => {
    expect((await read(row)).kind).toBe('bounce');
  });
});
