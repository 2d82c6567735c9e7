import { createVoice, type EnrolAnswer, parseEnrolmentCsv } from '@sendwell/core';
import { describe, expect, it } from 'vitest';
import { acceptedCount, previewRows } from './enrolPreview';

const voice = createVoice({
  locale: 'en',
  timeZone: 'UTC',
  clock: { now: () => new Date('2026-12-04T10:00:00Z') },
});
const WORDS = { ok: 'Will be enrolled', pending: 'Checking…' };

// Data rows 0..3: a good person, a bad address, a bounce address, someone already enrolled.
const parsed = parseEnrolmentCsv(
  'email,name,company\nana@example.com,Ana,Contoso\nnot-an-address,Bad,X\nnobody@bounce.test,,\nold@example.com,Old,Y\n',
);

const dryRun: EnrolAnswer = {
  enrolled: 1,
  enrolmentIds: [],
  dryRun: true,
  // The server numbers by position in `people` (the bad row was never sent): 1 and 2.
  errors: [
    { row: 1, email: 'nobody@bounce.test', code: 'suppressed', message: 'suppressed' },
    { row: 2, email: 'old@example.com', code: 'already-enrolled', message: 'already' },
  ],
};

describe('enrol preview', () => {
  it('shows every data row in file order; the parser’s refusal in core’s words, the rest "Checking…"', () => {
    const rows = previewRows(parsed, undefined, voice, WORDS);
    expect(rows.map((r) => [r.row, r.email, r.verdict.words])).toEqual([
      [0, 'ana@example.com', 'Checking…'],
      [1, 'not-an-address', voice.enrolRowError(parsed.errors[0]!)],
      [2, 'nobody@bounce.test', 'Checking…'],
      [3, 'old@example.com', 'Checking…'],
    ]);
    expect(rows[0]!.fields).toContain('Contoso');
    expect(acceptedCount(parsed, undefined)).toBe(3);
  });

  it('maps the server’s refusals (by position in people) back to the file’s rows', () => {
    const rows = previewRows(parsed, dryRun, voice, WORDS);
    expect(rows.map((r) => (r.verdict.ok ? 'ok' : r.verdict.code))).toEqual([
      'ok',
      'invalid',
      'suppressed',
      'already-enrolled',
    ]);
    expect(rows[2]!.verdict.words).toBe(voice.enrolRowError({ ...dryRun.errors[0]!, row: 2 }));
    expect(rows[0]!.verdict.words).toBe('Will be enrolled');
    expect(acceptedCount(parsed, dryRun)).toBe(1);
  });
});
