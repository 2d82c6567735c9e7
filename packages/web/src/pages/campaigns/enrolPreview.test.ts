import type { EnrolAnswer } from '@sendwell/core';
import { describe, expect, it } from 'vitest';
import { acceptedCount, type ParsedCsv, previewRows } from './enrolPreview';

const parsed: ParsedCsv = {
  columns: ['email', 'name', 'company'],
  people: [
    { email: 'ana@example.com', displayName: 'Ana', fields: { company: 'Contoso' } },
    { email: 'nobody@bounce.test', fields: {} },
    { email: 'old@example.com', fields: {} },
  ],
  errors: [{ row: 3, email: 'not-an-address', code: 'invalid', message: 'Row 3: not an email address' }],
};

const dryRun: EnrolAnswer = {
  enrolled: 1,
  enrolmentIds: [],
  dryRun: true,
  errors: [
    { row: 1, email: 'nobody@bounce.test', code: 'suppressed', message: 'Suppressed: bounced' },
    { row: 2, email: 'old@example.com', code: 'already-enrolled', message: 'Already in this campaign' },
  ],
};

describe('enrol preview', () => {
  it('lists the rows the parser refused (file row numbers), then the people as "Checking…"', () => {
    const rows = previewRows(parsed, undefined, 'Will be enrolled');
    expect(rows.map((r) => [r.where, r.email, r.verdict.words])).toEqual([
      ['Row 3', 'not-an-address', 'Row 3: not an email address'],
      ['1', 'ana@example.com', 'Checking…'],
      ['2', 'nobody@bounce.test', 'Checking…'],
      ['3', 'old@example.com', 'Checking…'],
    ]);
    expect(rows[1]!.fields).toBe('company: Contoso');
    expect(acceptedCount(parsed, undefined)).toBe(3);
  });

  it('puts the server’s refusals on the person at their index in `people`', () => {
    const rows = previewRows(parsed, dryRun, 'Will be enrolled');
    expect(rows.map((r) => (r.verdict.ok ? 'ok' : r.verdict.code))).toEqual([
      'invalid',
      'ok',
      'suppressed',
      'already-enrolled',
    ]);
    expect(rows[1]!.verdict.words).toBe('Will be enrolled');
    expect(acceptedCount(parsed, dryRun)).toBe(1);
  });
});
