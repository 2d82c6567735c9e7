import { enrolPersonSchema } from '@sendwell/core';
import type { ParsedCsv } from './enrolPreview';

/**
 * TEMPORARY until H1's `parseEnrolmentCsv` lands in core (issue 9, `core/src/campaigns/csv.ts`):
 * a plain comma split (no quoted commas), the first row the header, an `email` column required.
 * The lead swaps this body for `export { parseEnrolmentCsv as parseCsv } from '@sendwell/core'`.
 */
export function parseCsv(text: string): ParsedCsv {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const columns = (lines[0] ?? '').split(',').map((c) => c.trim().toLowerCase());
  const emailAt = columns.findIndex((c) => c === 'email' || c === 'e-mail' || c === 'email address');
  const nameAt = columns.findIndex((c) => c === 'name');
  const result: ParsedCsv = { people: [], errors: [], columns };
  if (emailAt < 0) {
    result.errors.push({ row: 1, email: null, code: 'invalid', message: 'The file has no email column.' });
    return result;
  }
  lines.slice(1).forEach((line, i) => {
    const cells = line.split(',').map((c) => c.trim());
    const fields = Object.fromEntries(
      columns.flatMap((c, at) => (at === emailAt || at === nameAt || !cells[at] ? [] : [[c, cells[at]!]])),
    );
    const person = enrolPersonSchema.safeParse({
      email: cells[emailAt],
      displayName: nameAt >= 0 && cells[nameAt] ? cells[nameAt] : undefined,
      fields,
    });
    if (person.success) result.people.push(person.data);
    else
      result.errors.push({
        row: i + 2,
        email: cells[emailAt] ?? null,
        code: 'invalid',
        message: `Row ${i + 2}: ${cells[emailAt] || 'no address'} is not an email address.`,
      });
  });
  return result;
}
